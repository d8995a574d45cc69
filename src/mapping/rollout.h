// Rolling-deployment limits in both directions: ECS maximumPercent / minimumHealthyPercent
// <-> Kubernetes RollingUpdate maxSurge / maxUnavailable (or Recreate), chosen so that the
// pod-count bounds match exactly for the given replica count, or flagged inexact with a note.
#pragma once

#include <cstdint>
#include <string>

namespace specconv::mapping {

// A Kubernetes IntOrString limit: an absolute count, or a percentage of the replicas.
struct IntOrPercent {
  int64_t value = 0;
  bool percent = false;
  friend bool operator==(const IntOrPercent&, const IntOrPercent&) = default;
};

struct K8sRollout {
  bool recreate = false;  // strategy Recreate; the limits below are then ignored
  IntOrPercent max_surge{25, true};
  IntOrPercent max_unavailable{25, true};
  friend bool operator==(const K8sRollout&, const K8sRollout&) = default;
};

struct EcsRollout {
  int64_t maximum_percent = 200;
  int64_t minimum_healthy_percent = 100;
  friend bool operator==(const EcsRollout&, const EcsRollout&) = default;
};

// What a rollout allows: the most pods/tasks in flight, the fewest that stay available.
struct Bounds {
  int64_t most_pods = 0;
  int64_t fewest_available = 0;
  friend bool operator==(const Bounds&, const Bounds&) = default;
};

struct ToK8s {
  K8sRollout rollout;
  bool exact = true;
  std::string note;  // set when !exact: what was found and what was used instead
};

struct ToEcs {
  EcsRollout rollout;
  bool exact = true;
  std::string note;  // set when !exact: what was found and what was used instead
};

// ECS: most = floor(D * maximumPercent / 100), fewest = ceil(D * minimumHealthyPercent / 100).
// Negative inputs count as 0.
[[nodiscard]] Bounds ecs_bounds(const EcsRollout& rollout, int64_t desired);

// Kubernetes: surge = ceil(D * p / 100) or the integer, unavailable = floor(D * p / 100) or the
// integer; both 0 -> unavailable 1 (as the deployment controller does). most = D + surge,
// fewest = max(D - unavailable, 0). Recreate: most = D, fewest = 0. Negative inputs count as 0.
[[nodiscard]] Bounds k8s_bounds(const K8sRollout& rollout, int64_t replicas);

// ECS limits to a Kubernetes strategy with the same bounds at `replicas`. 100/0 -> Recreate.
// Percent forms are used when they resolve to the same counts, integers otherwise.
// replicas 0 -> percent forms. Inexpressible limits (a rollout that can replace no task,
// maximumPercent below 100, minimumHealthyPercent above 100) -> nearest valid, exact = false.
[[nodiscard]] ToK8s rollout_to_k8s(const EcsRollout& rollout, int64_t replicas);

// Kubernetes strategy to ECS limits with the same bounds at `replicas`; among the percentages
// that are exact, the one that reads best (the direct translation, else the roundest).
// Recreate -> 100/0. When no integer percentage is exact (only possible above 100 replicas):
// never more tasks in flight and never fewer healthy than Kubernetes allowed, unless that
// would stall the deployment; exact = false. replicas 0 -> percents map directly
// (100 + surge%, 100 - unavailable%); absolute counts cannot, so the ECS defaults are used.
[[nodiscard]] ToEcs rollout_to_ecs(const K8sRollout& rollout, int64_t replicas);

}  // namespace specconv::mapping
