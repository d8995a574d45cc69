// The AWS resources of one Kubernetes namespace as one typed plan: what `to-ecs --format cfn`
// and `--format api` (and any further renderer) render. Every resource has an identity (kind and
// logical name, unique in the plan) and typed fields; a resource refers to another of the plan
// through a typed `Ref<T>` (an index into the plan's list of T), never through a name or an ARN:
// ARNs, `Ref`s and `Fn::GetAtt`s are what a renderer makes of a reference.
//
// Task definition and service bodies are the RegisterTaskDefinition / CreateService inputs of
// ecs/writer in the API's camelCase spelling (one spelling: a renderer that needs another, as
// CloudFormation does, respells them once, see io/key_spelling.h); what the plan wires into them
// (roles, secrets of the plan, target groups, Cloud Map) is held beside the body as typed
// references, not written into it. Plain data: built by build_plan(), read by the renderers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::aws {

enum class Kind {
  kParameter,            // SSM String parameter (a ConfigMap key)
  kSecret,               // Secrets Manager secret, without a value (a Secret)
  kRole,                 // IAM role
  kNamespace,            // Cloud Map private DNS namespace
  kDiscoveryService,     // Cloud Map service
  kTargetGroup,          // ELBv2 target group
  kLoadBalancer,         // ALB (Ingress) or NLB (Service type LoadBalancer)
  kListener,             // ELBv2 listener
  kListenerCertificate,  // the listener's certificates after its default one
  kListenerRule,         // host / path rule of an ALB listener
  kTaskDefinition,       // ECS task definition
  kService,              // ECS service
  kScalableTarget,       // Application Auto Scaling target (an HPA)
  kScalingPolicy,        // target-tracking policy
  kSchedule,             // EventBridge Scheduler schedule (a CronJob)
  kLogGroup,             // CloudWatch Logs group of a task's default awslogs configuration
};

/// What a resource is: its kind and its logical name (a CloudFormation logical id, unique in the
/// plan; Terraform would use it as the resource name).
struct Resource {
  Resource() = default;
  Resource(Kind k, std::string n) : kind(k), name(std::move(n)) {}
  Kind kind = Kind::kParameter;
  std::string name;
};

/// A typed reference to a resource of the plan: the index in the plan's list of T.
template <class T>
struct Ref {
  std::size_t index = 0;
};

/// A reference to a resource of any kind, for ordering only (CloudFormation DependsOn).
struct AnyRef {
  Kind kind = Kind::kParameter;
  std::size_t index = 0;
};

struct Parameter {
  Resource id;
  std::string name;         // /<prefix>/<namespace>/<configmap>/<key>
  std::string description;  // "ConfigMap <namespace>/<configmap>"
  std::string value;
  bool advanced = false;    // longer than 4 KB: the Advanced tier
};

struct Secret {
  Resource id;
  std::string name;         // <namespace>/<secret>
  std::string k8s_name;     // <secret>
  std::string description;  // names the keys, never a value
};

/// IAM roles of the plan. Trust and permissions follow from the purpose.
struct Role {
  enum class Purpose {
    kTaskExecution,  // created only when no execution role ARN is given (pulls, logs, reads this namespace's stores)
    kTask,           // a workload's task role named by its IRSA annotation (not an ARN)
    kScheduler,      // EventBridge Scheduler running the CronJobs' tasks
  };
  Resource id;
  Purpose purpose = Purpose::kTask;
  std::string role_name;    // kTask: the IRSA name; kScheduler: <namespace>-ecs-scheduler; kTaskExecution: ""
  std::string policy_name;  // inline policy (kTaskExecution, kScheduler); "" = none
};

struct Namespace {
  Resource id;
  std::string default_name;  // <namespace>.svc.cluster.local
  std::string description;
};

struct DiscoveryService {
  Resource id;
  std::string name;
  bool srv = false;  // host network: SRV records (container port), else A records
  Ref<Namespace> namespace_ref;
};

struct HealthCheck {
  std::string protocol;  // HTTP, HTTPS, TCP; "" = the target group's default
  std::string path;
  std::string port;      // "" = traffic port
  int64_t interval = 10;
  std::optional<int64_t> timeout;  // only for ALB or HTTP(S) checks
  int64_t healthy = 2;
  int64_t unhealthy = 3;
  bool http_matcher = false;       // 200-399, what a Kubernetes httpGet probe accepts
};

struct TargetGroup {
  Resource id;
  std::string name;
  std::string protocol;  // HTTP, TCP, UDP
  int64_t port = 0;
  std::string target_type = "ip";
  HealthCheck health;
};

struct LoadBalancer {
  Resource id;
  std::string name;      // ELB name
  std::string k8s_name;  // the Ingress or Service
  bool alb = true;
  std::string scheme = "internal";
};

/// What a listener does with a request no rule takes.
struct ListenerAction {
  enum class Type { kForward, kRedirectToHttps, kFixed404 };
  Type type = Type::kFixed404;
  Ref<TargetGroup> target_group;  // kForward
  int64_t https_port = 443;       // kRedirectToHttps
};

struct Listener {
  Resource id;
  Ref<LoadBalancer> load_balancer;
  std::string protocol;
  int64_t port = 0;
  std::vector<std::string> certificates;  // HTTPS: the first is the default; none = one to give (Inputs::certificate)
  ListenerAction action;
};

struct ListenerCertificate {
  Resource id;
  Ref<Listener> listener;
  std::vector<std::string> certificates;
};

struct ListenerRule {
  Resource id;
  Ref<Listener> listener;
  std::vector<std::string> hosts;
  std::vector<std::string> paths;
  int64_t priority = 0;  // 1, 2, ... in ALB evaluation order
  Ref<TargetGroup> target_group;
};

/// A Secrets Manager reference inside a container definition to a secret of this plan:
/// containerDefinitions[container].secrets[entry].valueFrom = <the secret's ARN><suffix>.
struct SecretUse {
  std::size_t container = 0;
  std::size_t entry = 0;
  Ref<Secret> secret;
  std::string suffix;  // ":<key>::"
};

/// The log group a task definition's default awslogs configuration writes to (--logs awslogs).
struct LogGroup {
  Resource id;
  std::string name;  // /ecs/<namespace>/<family>
  int64_t retention_days = 30;
};

struct TaskDefinition {
  Resource id;
  std::string family;
  io::Node body;  // RegisterTaskDefinition input (API spelling)
  std::optional<Ref<Role>> task_role;       // a role of the plan (IRSA name); an IRSA ARN stays in the body
  bool plan_execution_role = true;          // false: the executionRoleArn of the body is kept as written
  std::vector<SecretUse> secret_uses;
  std::vector<AnyRef> depends_on;           // the parameters and secrets its containers read
};

struct ServiceTarget {
  Ref<TargetGroup> target_group;
  std::string container;
  int64_t container_port = 0;
};

struct ServiceRegistry {
  Ref<DiscoveryService> service;
  std::string container;  // SRV records only
  std::optional<int64_t> container_port;
};

struct Service {
  Resource id;
  io::Node body;  // CreateService input (API spelling), as the writer made it
  Ref<TaskDefinition> task_definition;
  std::vector<ServiceTarget> targets;            // target groups of the plan the service registers in
  std::vector<AnyRef> depends_on;                // the listeners and rules forwarding to them
  std::optional<ServiceRegistry> registry;
  std::vector<std::string> security_groups;      // a SecurityGroupPolicy's groups; empty = the namespace's
};

struct ScalableTarget {
  Resource id;
  Ref<Service> service;
  io::Node input;  // RegisterScalableTarget input (API spelling)
};

struct ScalingPolicy {
  Resource id;
  Ref<ScalableTarget> target;
  std::string policy_name;  // as given, else the workload's logical name
  io::Node input;           // PutScalingPolicy input (API spelling)
};

struct Schedule {
  Resource id;
  std::string name;  // the task family
  std::string description;
  std::string expression;  // cron(...) in time_zone
  std::string time_zone = "UTC";  // the CronJob's timeZone (IANA), UTC when it has none
  bool disabled = false;          // the CronJob is suspended
  Ref<TaskDefinition> task_definition;
  Ref<Role> role;
  bool awsvpc = true;
  std::vector<std::string> security_groups;  // a SecurityGroupPolicy's groups; empty = the namespace's
};

/// The resources of one workload, in the order CloudFormation lists them.
struct Workload {
  std::optional<Ref<Role>> task_role;
  Ref<TaskDefinition> task_definition;
  std::optional<Ref<Schedule>> schedule;
  std::optional<Ref<Service>> service;
  std::vector<Ref<ScalableTarget>> scalable_targets;
  std::vector<std::size_t> scaling_policies;  // indices into Plan::scaling_policies
};

/// What the plan needs from outside that Kubernetes manifests cannot say (CloudFormation
/// Parameters, Terraform variables, API placeholders).
struct Inputs {
  bool vpc = false;
  bool subnets = false;
  bool security_groups = false;
  bool public_subnets = false;
  bool load_balancer_security_groups = false;
  bool cluster = false;
  bool certificate = false;
  bool namespace_name = false;
};

/// The options a plan is built with (from the command line).
struct Options {
  bool fargate = true;
  std::string execution_role_arn;  // "" -> the plan creates a role (CloudFormation) / the user gives one
  std::string cluster = "default";
  std::string region;              // ARNs; "" -> REGION
  std::string account_id;          // ARNs; "" -> ACCOUNT_ID
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  std::string parameter_prefix = "/";
  bool secrets_manager = false;    // Secret keys live in Secrets Manager (else SSM SecureString)
  int64_t log_retention_days = 30; // --log-retention-days of the log groups the plan creates
};

struct Plan {
  std::string namespace_name;
  Options options;
  Inputs inputs;
  std::optional<Role> execution_role;  // kTaskExecution
  std::vector<Parameter> parameters;
  std::vector<Secret> secrets;
  std::vector<Role> roles;             // task roles then the scheduler role
  std::optional<Namespace> cloud_map;
  std::vector<DiscoveryService> discovery;
  std::vector<TargetGroup> target_groups;
  std::vector<LoadBalancer> load_balancers;
  std::vector<Listener> listeners;            // grouped by load balancer
  std::vector<ListenerCertificate> listener_certificates;
  std::vector<ListenerRule> rules;            // grouped by listener, in priority order
  std::vector<TaskDefinition> task_definitions;
  std::vector<Service> services;
  std::vector<ScalableTarget> scalable_targets;
  std::vector<ScalingPolicy> scaling_policies;
  std::vector<Schedule> schedules;
  std::vector<LogGroup> log_groups;
  std::vector<Workload> workloads;     // one per workload of the namespace, in input order

  const Parameter& get(Ref<Parameter> r) const { return parameters.at(r.index); }
  const Secret& get(Ref<Secret> r) const { return secrets.at(r.index); }
  const Role& get(Ref<Role> r) const { return roles.at(r.index); }
  const DiscoveryService& get(Ref<DiscoveryService> r) const { return discovery.at(r.index); }
  const TargetGroup& get(Ref<TargetGroup> r) const { return target_groups.at(r.index); }
  const LoadBalancer& get(Ref<LoadBalancer> r) const { return load_balancers.at(r.index); }
  const Listener& get(Ref<Listener> r) const { return listeners.at(r.index); }
  const TaskDefinition& get(Ref<TaskDefinition> r) const { return task_definitions.at(r.index); }
  const Service& get(Ref<Service> r) const { return services.at(r.index); }
  const ScalableTarget& get(Ref<ScalableTarget> r) const { return scalable_targets.at(r.index); }
  /// The identity of any resource of the plan.
  const Resource& identity(AnyRef r) const;
};

}  // namespace specconv::aws
