// model::Workload -> the inputs of `aws ecs register-task-definition --cli-input-json` and
// `aws ecs create-service --cli-input-json` (io::Node, keys in the order of the AWS API
// reference). Unit conversions (cpu units, MiB), Fargate snapping, rollout percentages, probes
// -> health checks, and everything that cannot be expressed are decided and reported here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::ecs {

struct WriteOptions {
  model::LaunchType launch_type = model::LaunchType::kFargate;  // kFargate or kEc2
  std::string execution_role_arn;  // "" = omitted (warned when the task needs one)
  std::string cluster = "default";
  std::string region;              // for placeholder ARNs; "" -> "REGION"
  std::string account_id;          // for placeholder ARNs; "" -> "ACCOUNT_ID"
  std::vector<std::string> subnets;          // "" -> placeholder, warned
  std::vector<std::string> security_groups;  // "" -> placeholder, warned
  /// Restore the original networkMode, requiresCompatibilities and service launchType kept by
  /// the ECS -> Kubernetes direction (false when --launch-type was given).
  bool restore_ecs_origin = false;
  /// --logs awslogs: containers of a task whose input says nothing about logs (no ECS origin, no
  /// FireLens) send their output to the log group ecs/logs.h log_group_name(namespace, family).
  bool default_logs = false;
  bool create_log_group = false;  // also "awslogs-create-group": nothing else creates the group (json)
};


inline constexpr const char* kSubnetPlaceholder = "subnet-REPLACE_ME";
inline constexpr const char* kSecurityGroupPlaceholder = "sg-REPLACE_ME";

/// A valid ECS name (family, container, service): [A-Za-z0-9_-], max 255; other characters -> '-'.
[[nodiscard]] std::string ecs_name(std::string_view name);

/// RegisterTaskDefinition input. `where` locates the workload for diagnostics.
/// `kept`: the ECS-only values kept by ECS -> Kubernetes (restored when options.restore_ecs_origin).
[[nodiscard]] io::Node task_definition_input(const model::Workload& w, const carry::EcsCarry& kept, const SourceLocation& where,
                                             const WriteOptions& options, Diagnostics& diags);

/// CreateService input, for long-running workloads (w.has_service).
[[nodiscard]] io::Node create_service_input(const model::Workload& w, const carry::EcsCarry& kept, const SourceLocation& where,
                                            const WriteOptions& options, Diagnostics& diags);

/// Application Auto Scaling calls for w.autoscaling, as validate-ecs envelopes
/// ({"api": "application-autoscaling:...", "input": {...}}): the scalable target, then one
/// target-tracking policy per target. Empty when the workload has no autoscaling.
[[nodiscard]] io::Node autoscaling_inputs(const model::Workload& w, const WriteOptions& options);

}  // namespace specconv::ecs
