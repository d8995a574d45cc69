// Model: horizontal autoscaling (ECS Application Auto Scaling, Kubernetes HPA).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace specconv::model {

struct ScalingTarget {
  enum class Metric { kCpuUtilization, kMemoryUtilization, kOther };
  Metric metric = Metric::kCpuUtilization;
  double target_value = 0;          // percent for utilization metrics
  std::string description;          // for kOther: what it was
  std::string policy_name;
  std::optional<int64_t> scale_in_cooldown_seconds;
  std::optional<int64_t> scale_out_cooldown_seconds;
  bool disable_scale_in = false;
  std::string source_file;     // provenance, for diagnostics
  std::string source_pointer;
  friend bool operator==(const ScalingTarget&, const ScalingTarget&) = default;
};

struct Autoscaling {
  int64_t min_replicas = 1;
  int64_t max_replicas = 1;
  std::vector<ScalingTarget> targets;
  friend bool operator==(const Autoscaling&, const Autoscaling&) = default;
};

}  // namespace specconv::model
