// What the ECS reader produces from one or more input files: task definitions, services and
// the optional AWS wiring (target groups, listeners, rules, load balancers, scaling), before
// they are paired into model::Workloads, with the ECS carry beside them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carry/ecs_carry.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::ecs {

struct TaskDefinitionInput {
  model::Workload workload;  // task-level and container fields
  carry::EcsCarry carry;     // the ECS-only values, for a conversion back (task and containers)
  std::string family;
  std::optional<int64_t> revision;
  std::string arn;
  SourceLocation where;
};

struct ServiceInput {
  model::Workload service;   // only the service-level fields are set
  carry::Fields carry;       // the service's ECS-only values
  std::string task_definition;  // family, family:revision or ARN
  std::string cluster;
  SourceLocation where;
};

struct TargetGroupInfo {
  std::string arn;
  std::string name;
  std::string protocol;
  std::optional<int64_t> port;
  std::string target_type;
  std::string health_check_path;
  std::string health_check_protocol;
  std::optional<int64_t> healthy_threshold;
  std::optional<int64_t> unhealthy_threshold;
  std::optional<int64_t> interval_seconds;
  std::optional<int64_t> timeout_seconds;
  std::vector<std::string> load_balancer_arns;
};

struct ListenerInfo {
  std::string arn;
  std::string load_balancer_arn;
  model::Listener listener;
  std::vector<std::string> default_target_groups;
};

struct RuleInfo {
  std::string arn;
  std::string listener_arn;  // derived from the rule ARN
  model::HttpRoute route;
  bool is_default = false;
  std::vector<std::string> target_groups;
};

struct LoadBalancerInfo {
  std::string arn;
  std::string name;
  model::LoadBalancerType type = model::LoadBalancerType::kUnknown;
  std::string scheme;
};

struct ScalableTargetInfo {
  std::string resource_id;  // service/CLUSTER/SERVICE
  int64_t min_capacity = 1;
  int64_t max_capacity = 1;
};

struct ScalingPolicyInfo {
  std::string resource_id;
  model::ScalingTarget target;
  SourceLocation where;
};

/// One container's RunTask override, from a schedule target's Input (containerOverrides).
struct ContainerOverride {
  std::string name;
  std::optional<std::vector<std::string>> command;                // replaces the container's command
  std::vector<std::pair<std::string, std::string>> environment;  // added to / replacing its environment
  SourceLocation where;
};

/// An EventBridge Scheduler schedule or EventBridge rule target that runs an ECS task on a
/// schedule (get-schedule output; AWS::Scheduler::Schedule, AWS::Events::Rule in a template).
struct ScheduleInput {
  std::string name;                 // the schedule's (or rule's) name, "" when it has none
  model::Schedule schedule;         // cron "" when the expression has no Kubernetes form (reported)
  std::string task_definition;      // TaskDefinitionArn: family, family:revision or ARN
  model::LaunchType launch_type = model::LaunchType::kUnset;
  std::vector<ContainerOverride> overrides;
  SourceLocation where;             // the TaskDefinitionArn
};

struct Bundle {
  std::vector<TaskDefinitionInput> task_definitions;
  std::vector<ServiceInput> services;
  std::vector<ScheduleInput> schedules;
  std::vector<TargetGroupInfo> target_groups;
  std::vector<ListenerInfo> listeners;
  std::vector<RuleInfo> rules;
  std::vector<LoadBalancerInfo> load_balancers;
  std::vector<ScalableTargetInfo> scalable_targets;
  std::vector<ScalingPolicyInfo> scaling_policies;
};

}  // namespace specconv::ecs
