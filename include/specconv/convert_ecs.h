// The library entry point of the Kubernetes -> ECS direction: Kubernetes manifests (YAML or
// JSON text, multi-document, `kind: List`) to ECS API inputs. Pure: no files, no stdout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv {

/// json: one document per workload; cfn: one CloudFormation template (YAML) per namespace;
/// api: one JSON array of {"api", "input"} calls per namespace, in dependency order;
/// terraform: one Terraform configuration (HCL, a module's main.tf) per namespace.
enum class EcsFormat { kJson, kCfn, kApi, kTerraform };

struct ToEcsOptions {
  EcsFormat format = EcsFormat::kJson;
  bool fargate = true;                 // --launch-type FARGATE (default) or EC2
  /// --launch-type was given: it wins over the original requiresCompatibilities / networkMode /
  /// launchType that a specconv.io/ecs-* annotation (ECS -> Kubernetes) restores otherwise.
  bool launch_type_explicit = false;
  std::string parameter_prefix = "/";  // SSM parameter names: <prefix><namespace>/<object>/<key>
  bool secrets_manager = false;        // Secret keys -> Secrets Manager ARNs (needs region + account)
  std::string region;
  std::string account_id;
  std::string execution_role_arn;
  std::string cluster = "default";
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  /// --configmaps: how containers read ConfigMap keys. kDefault: environment entries for the
  /// json format (nothing else would create SSM parameters), SSM String parameters (created by
  /// the output) for cfn, api and terraform.
  enum class ConfigMaps { kDefault, kEnvironment, kSsmParameters };
  ConfigMaps config_maps = ConfigMaps::kDefault;
  /// --logs awslogs (true, the default): every task whose input does not say how it ships logs
  /// (an ECS origin, a FireLens container) sends its containers' output to CloudWatch Logs, group
  /// /ecs/<namespace>/<family>, created by the cfn, api and terraform outputs with
  /// log_retention_days (json: awslogs-create-group). --logs none: no log configuration.
  bool awslogs = true;
  int64_t log_retention_days = 30;
  /// --name OLD=NEW: the workload whose ECS name would be OLD (its Kubernetes name, or the original
  /// ECS name a to-k8s manifest carries) gets the task family and service name NEW, a valid ECS
  /// name the caller has checked. Unused OLDs are warned (unused-rename).
  std::map<std::string, std::string> renames;
  ReadLimits limits;  // what the readers accept (include/specconv/limits.h)
  /// --carry full (true, the default): Kubernetes-only fields are kept in specconv.io/k8s-* docker
  /// labels for a conversion back; none: no such label is written, and each field that is then
  /// lost is reported (not-kept).
  bool carry = true;
};

/// One document per workload: `{"taskDefinition": {...}, "service": {...}}` (plus
/// `"autoscaling": [...]` envelopes when an HPA scales it) for long-running workloads, or the
/// bare RegisterTaskDefinition input for Pods, Jobs and CronJobs. Document names are the
/// task families. Inputs with errors produce no documents (failed_inputs).
[[nodiscard]] ConvertResult convert_to_ecs(const std::vector<InputText>& inputs, const ToEcsOptions& options);

/// Joins documents into what goes to standard output: one JSON array of the documents.
[[nodiscard]] std::string join_ecs_documents(const std::vector<OutputDocument>& docs);

/// Standard output for a format: json -> one JSON array of the documents; api -> one JSON array
/// of every call of every namespace; cfn -> the templates as one YAML stream (`---` between);
/// terraform -> the configurations one after the other, each under a `# namespace <name>` comment
/// (several namespaces on stdout are not one module: write them with -o DIR).
[[nodiscard]] std::string join_ecs_output(const std::vector<OutputDocument>& docs, EcsFormat format);

/// The ONLY place Secret values are read: the text of the --emit-secret-values file, a JSON array
/// of calls that store every Secret of the inputs (data base64-decoded, stringData as is):
/// `ssm:PutParameter` SecureString per key (default store), or per Secret one Secrets Manager
/// call with a JSON object of its keys (`secretsmanager:PutSecretValue` for the cfn/api formats,
/// which create the secret without a value; `secretsmanager:CreateSecret` for json). Names follow
/// the same naming rule as the references. Diagnostics name keys, never values.
[[nodiscard]] std::string secret_values_document(const std::vector<InputText>& inputs, const ToEcsOptions& options,
                                                 Diagnostics& diags);

}  // namespace specconv
