// The AWS wiring of one Kubernetes namespace, in two renderings built from one plan:
//  * cloudformation_template(): a CloudFormation template (AWS::ECS::TaskDefinition / Service,
//    ALB / NLB + listeners + listener rules + target groups, Cloud Map namespace and services,
//    SSM String parameters from ConfigMaps, Secrets Manager secrets WITHOUT values, Application
//    Auto Scaling, IAM roles) with Parameters for what manifests cannot say (VPC, subnets,
//    cluster, execution role, certificate);
//  * api_calls(): the same plan as `{"api": "<service>:<Operation>", "input": {...}}` calls in
//    dependency order (validate-ecs envelopes), ARNs of earlier calls as REPLACE_ME placeholders.
// Inputs are the linking results and the RegisterTaskDefinition / CreateService inputs already
// written by ecs/writer (so every format holds the same task definitions). Secret values are
// never an input here. Pure; never prints.
#pragma once

#include <string>
#include <vector>

#include "k8s/link.h"
#include "io/tree.h"
#include "k8s/reader.h"
#include "specconv/diagnostics.h"

namespace specconv::cfn {

struct Options {
  bool fargate = true;
  std::string execution_role_arn;  // "" -> Parameter ExecutionRoleArn (empty: the template creates a role)
  std::string cluster = "default";
  std::string region;              // api placeholders; "" -> REGION
  std::string account_id;          // api placeholders; "" -> ACCOUNT_ID
  std::vector<std::string> subnets;          // Parameter defaults
  std::vector<std::string> security_groups;  // Parameter defaults
  std::string parameter_prefix = "/";
  bool secrets_manager = false;    // Secret keys live in Secrets Manager (else SSM SecureString)
};

/// One workload of the namespace with its written API inputs.
struct WorkloadInput {
  const k8s::LinkedWorkload* linked = nullptr;
  io::Node task_definition;  // RegisterTaskDefinition input
  io::Node service;          // CreateService input, or null for Pods/Jobs/CronJobs
  io::Node autoscaling;      // application-autoscaling envelopes (array, may be empty)
};

struct NamespaceInput {
  std::string namespace_name;
  std::vector<WorkloadInput> workloads;
  std::vector<const k8s::KeyedObject*> config_maps;
  std::vector<const k8s::KeyedObject*> secrets;  // key names only
};

[[nodiscard]] io::Node cloudformation_template(const NamespaceInput& in, const Options& options, Diagnostics& diags);

[[nodiscard]] io::Node api_calls(const NamespaceInput& in, const Options& options, Diagnostics& diags);

/// A Kubernetes CronJob schedule (5 fields or @hourly/@daily/...) as an EventBridge Scheduler
/// expression `cron(m h dom mon dow *)`: day of week 0-7 (Sunday 0 or 7) -> 1-7 (Sunday 1), "?"
/// in the day field that is "*". "" with `why` set when it has no EventBridge form.
[[nodiscard]] std::string eventbridge_cron(const std::string& schedule, std::string& why);

/// A CloudFormation logical id from a name: alphanumeric PascalCase ("web-app" -> "WebApp").
[[nodiscard]] std::string logical_id(const std::string& name);

/// RegisterTaskDefinition / CreateService input keys -> CloudFormation property names
/// (camelCase -> PascalCase, with CloudFormation's exceptions; user maps such as dockerLabels
/// keep their keys).
[[nodiscard]] io::Node to_cfn_properties(const io::Node& api_input);

}  // namespace specconv::cfn
