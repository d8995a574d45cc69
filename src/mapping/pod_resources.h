// ECS task size -> Kubernetes pod-level resources (PodSpec.resources, Kubernetes 1.34+), and the
// bound the per-container split puts on a pod where pod-level resources are not available.
// Pure functions over plain numbers (millicores, bytes); docs/ecs-to-k8s.md "Resources".
//
// Kubernetes' rules (KEP-2837, pod-level resource specification): the aggregate of the container
// requests may not exceed the pod-level request or limit, and no single container limit may exceed
// the pod-level limit; a container without a request has its limit as request. The aggregate is
// the one the scheduler uses (KEP-753): app containers and native sidecars add up, an init
// container needs its own request plus the sidecars started before it. Here every sidecar counts
// for every init container, which is never less than the exact figure.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace specconv::mapping {

struct PodContainerSize {
  enum class Kind { kApp, kInit, kSidecar };
  Kind kind = Kind::kApp;
  std::optional<int64_t> cpu_request_millis;    // requests.cpu as written
  std::optional<int64_t> memory_request_bytes;  // requests.memory as written
  std::optional<int64_t> memory_limit_bytes;    // limits.memory as written
};

struct PodLevelSize {
  std::optional<int64_t> cpu_millis;    // requests.cpu = limits.cpu
  std::optional<int64_t> memory_bytes;  // requests.memory = limits.memory
  bool cpu_raised = false;     // the containers' own requests need more than the task cpu
  bool memory_raised = false;  // the containers' own requests or a limit need more than the task memory
};

/// The pod-level size for a task size (either part may be absent): the task size itself, raised
/// only where the containers' own values would otherwise make the pod invalid (inputs whose
/// containers do not fit in their task, or cpu units rounded up to whole millicores).
[[nodiscard]] PodLevelSize pod_level_size(std::optional<int64_t> task_cpu_millis, std::optional<int64_t> task_memory_bytes,
                                          const std::vector<PodContainerSize>& containers);

/// The aggregate of the containers' memory requests (a container without one counts its limit).
[[nodiscard]] int64_t aggregate_memory_requests(const std::vector<PodContainerSize>& containers);
/// The aggregate of the containers' cpu requests.
[[nodiscard]] int64_t aggregate_cpu_requests(const std::vector<PodContainerSize>& containers);

/// Without pod-level resources: the most memory the pod's containers may use together (their limits,
/// aggregated as the requests are), or nullopt when a container that runs has no memory limit.
[[nodiscard]] std::optional<int64_t> split_memory_ceiling(const std::vector<PodContainerSize>& containers);

}  // namespace specconv::mapping
