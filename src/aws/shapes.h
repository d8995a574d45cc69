// The parts of AWS documents that have the same shape in every rendering of a plan (IAM policy
// documents, ELB actions and conditions, health-check settings, Cloud Map DNS settings, the
// schedule of a CronJob); a renderer passes what differs (how it names another resource: an ARN,
// a `Ref`, ...). PascalCase member names, as both CloudFormation and these APIs spell them. Pure.
#pragma once

#include <string>
#include <vector>

#include "aws/plan.h"
#include "io/tree.h"

namespace specconv::aws {

[[nodiscard]] io::Node list_of(io::Node one);

/// An IAM policy document {"Version": "2012-10-17", "Statement": [...]}.
[[nodiscard]] io::Node policy_document(io::Node statements);

/// The trust policy of a role assumed by `service` (e.g. ecs-tasks.amazonaws.com).
[[nodiscard]] io::Node trust_policy(const std::string& service);

inline constexpr const char* kEcsTasksService = "ecs-tasks.amazonaws.com";
inline constexpr const char* kSchedulerService = "scheduler.amazonaws.com";

/// The scheduler role's statements: ecs:RunTask (only on `cluster_arn` unless null) and
/// iam:PassRole to ECS tasks.
[[nodiscard]] io::Node scheduler_statements(const io::Node& cluster_arn);

/// ELBv2 listener rule conditions (host-header, path-pattern).
[[nodiscard]] io::Node rule_conditions(const std::vector<std::string>& hosts, const std::vector<std::string>& paths);

/// A listener's default action; `target_group` is how the renderer names the forward target.
[[nodiscard]] io::Node listener_action(const ListenerAction& a, io::Node target_group);

/// A forward action to a target group.
[[nodiscard]] io::Node forward_action(io::Node target_group);

/// A Cloud Map service: Name, NamespaceId, DnsConfig, HealthCheckCustomConfig.
[[nodiscard]] io::Node discovery_service_properties(const DiscoveryService& d, io::Node namespace_id);

/// The order of members where the renderings list them differently (it means nothing to AWS).
enum class MemberOrder { kCloudFormation, kApiReference };

/// A target group with its health check; `vpc` is how the renderer names the VPC.
[[nodiscard]] io::Node target_group_properties(const TargetGroup& tg, io::Node vpc, MemberOrder order);

/// A Secrets Manager secret without a value: Name, Description.
[[nodiscard]] io::Node secret_properties(const Secret& s);

/// How a renderer names what a schedule's target needs.
struct ScheduleTarget {
  io::Node cluster_arn;
  io::Node role_arn;
  io::Node task_definition_arn;
  io::Node subnets;
  io::Node security_groups;
  const char* awsvpc_key = "AwsvpcConfiguration";  // the API input spells it awsvpcConfiguration
};

/// An EventBridge Scheduler schedule's properties after `props` (Name, when the renderer gives one).
[[nodiscard]] io::Node schedule_properties(io::Node props, const Schedule& s, bool fargate, ScheduleTarget target);

}  // namespace specconv::aws
