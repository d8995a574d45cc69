// Links Kubernetes objects the way the cluster would (Kubernetes -> ECS direction): Services
// select workloads by labels in the same namespace; Ingress -> Service -> workload;
// serviceAccountName -> ServiceAccount (IRSA role -> task role); env references -> ConfigMap /
// Secret keys (envFrom expanded per key) -> SSM parameter / Secrets Manager references by the
// documented naming rule; HPA scaleTargetRef -> autoscaling. A reference to an object that is
// not in the input is a warning naming it. Pure; never prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "k8s/reader.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::k8s {

struct LinkOptions {
  /// SSM parameter names: <prefix><namespace>/<object>/<key>; prefix starts and ends with '/'.
  std::string parameter_prefix = "/";
  /// Where Secret keys live: false = SSM SecureString parameters (same rule as ConfigMaps);
  /// true = Secrets Manager secret "<namespace>/<secret>" with one JSON key per Secret key.
  bool secrets_manager = false;
  std::string region;      // for Secrets Manager ARNs
  std::string account_id;  // for Secrets Manager ARNs
  /// ConfigMap values the input holds become plain environment entries (they are not secret);
  /// false: SSM String parameter references, as for every value whose ConfigMap is not given.
  bool inline_config_maps = false;
  /// The output creates the SSM parameters ConfigMaps become (cfn, api, terraform); false: each
  /// workload's references to parameters nothing creates are reported (ssm-parameter-needed).
  bool parameters_created = false;
};

struct LinkedWorkload {
  model::Workload workload;
  carry::EcsCarry carry;  // ECS-only values read from the workload's annotations
  std::string kind;      // Kubernetes kind it came from
  std::string schedule;  // CronJob
  std::string time_zone;  // CronJob spec.timeZone ("": UTC on ECS)
  bool suspended = false;  // CronJob spec.suspend: the schedule is DISABLED
  bool host_network = false;
  SourceLocation where;  // the workload object
  std::vector<std::string> files;  // every input file that contributed
  /// Security groups from SecurityGroupPolicy objects selecting the pods (replace the default ones).
  std::vector<std::string> security_groups;
  std::vector<std::string> image_pull_secrets;  // pod spec, else the ServiceAccount's
};

/// ALB listener path patterns for an Ingress path: Prefix "/api" -> "/api", "/api/*"; Prefix "/"
/// -> "/*"; Exact and ImplementationSpecific as written.
[[nodiscard]] std::vector<std::string> alb_path_patterns(const std::string& path, const std::string& path_type);

/// `/<namespace>/<object>/<key>` with the prefix (e.g. "/" or "/prod/").
[[nodiscard]] std::string ssm_parameter_name(std::string_view prefix, std::string_view namespace_name,
                                             std::string_view object, std::string_view key);
/// Secrets Manager: `arn:aws:secretsmanager:<region>:<account>:secret:<namespace>/<secret>:<key>::`.
[[nodiscard]] std::string secrets_manager_arn(std::string_view region, std::string_view account,
                                              std::string_view namespace_name, std::string_view secret,
                                              std::string_view key);

[[nodiscard]] std::vector<LinkedWorkload> link_manifests(const k8s::Manifests& manifests, const LinkOptions& options,
                                                         Diagnostics& diags);

}  // namespace specconv::k8s
