// Model: a workload (an ECS task definition with its service; a Kubernetes pod template with
// its controller), its rollout, and its exposure. Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "specconv/model/container.h"
#include "specconv/model/network.h"
#include "specconv/model/resources.h"
#include "specconv/model/scaling.h"
#include "specconv/model/schedule.h"
#include "specconv/model/volume.h"

namespace specconv::model {

enum class WorkloadKind { kService, kDaemon, kStateful, kReplicaSet, kBarePod, kJob, kCronJob };

/// A rollout expressed as ECS bounds in percent of the desired count.
struct PercentRollout {
  int64_t maximum_percent = 200;
  int64_t minimum_healthy_percent = 100;
  friend bool operator==(const PercentRollout&, const PercentRollout&) = default;
};

/// A rollout expressed as Kubernetes surge / unavailable (integer or percent).
struct SurgeRollout {
  bool recreate = false;
  int64_t max_surge = 25;
  bool max_surge_percent = true;
  int64_t max_unavailable = 25;
  bool max_unavailable_percent = true;
  friend bool operator==(const SurgeRollout&, const SurgeRollout&) = default;
};

using Rollout = std::variant<std::monostate, PercentRollout, SurgeRollout>;

enum class NetworkMode { kUnset, kAwsvpc, kBridge, kHost, kNone, kDefault };
enum class LaunchType { kUnset, kFargate, kEc2, kExternal };

struct Workload {
  std::string name;           // as given by the source (family, metadata.name)
  std::string namespace_name;
  WorkloadKind kind = WorkloadKind::kService;
  std::optional<int64_t> replicas;
  Rollout rollout;
  std::vector<Container> containers;       // in source order; init containers included
  std::vector<Volume> volumes;
  std::optional<Cpu> task_cpu;             // whole-task size (ECS task level)
  std::optional<Memory> task_memory;
  std::string task_cpu_text;               // as written ("1 vCPU"), for messages
  std::string task_memory_text;
  std::string task_role;                   // IAM role ARN (ECS taskRoleArn, IRSA annotation)
  std::string execution_role;
  NetworkMode network_mode = NetworkMode::kUnset;
  bool host_pid = false;
  bool host_ipc = false;
  std::vector<LaunchType> compatibilities;
  std::string os_family;                   // LINUX, WINDOWS_SERVER_2019_CORE, ...
  std::string cpu_architecture;            // X86_64, ARM64
  std::optional<int64_t> ephemeral_storage_gib;
  std::vector<std::pair<std::string, std::string>> tags;  // user tags / labels, in order
  // Service level (present when an ECS service or a Kubernetes controller was given)
  bool has_service = false;
  std::string service_name;
  LaunchType launch_type = LaunchType::kUnset;
  std::optional<int64_t> health_check_grace_seconds;
  std::vector<LoadBalancerBinding> load_balancers;
  std::vector<DiscoveryRegistration> registries;
  std::optional<Autoscaling> autoscaling;
  std::optional<Schedule> schedule;        // kind kCronJob: when it runs
  // Provenance, for diagnostics: where the task and the service were read from.
  std::string source_file;
  std::string source_pointer;   // JSON pointer of the task definition object ("" at the root)
  std::string service_file;
  std::string service_pointer;
  friend bool operator==(const Workload&, const Workload&) = default;
};

}  // namespace specconv::model
