// The command line, defined once: CLI11 builds --help from this definition, and the parse
// result is a plain CliOptions struct. CLI11 types never leave src/cli/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "specconv/kubernetes_version.h"
#include "specconv/limits.h"

#include "cli/batch_options.h"

namespace specconv::cli {

enum class Command { kNone, kToK8s, kToEcs, kMappings, kDiagnostics, kVersion, kConvert, kExplain, kValidate };

struct CliOptions {
  Command command = Command::kNone;
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string format = "yaml";
  std::string namespace_name;
  std::string secrets = "refs";
  std::string ssm_store = "aws-parameter-store";
  std::string secrets_manager_store = "aws-secrets-manager";
  std::string scheme;  // to-k8s --scheme
  std::string routing = "ingress";  // to-k8s --routing ingress | gateway-api
  std::string carry = "full";       // to-k8s, to-ecs --carry full | none
  std::string gateway_class = "aws-alb";  // to-k8s --gateway-class
  bool create_gateway_class = false;      // to-k8s --create-gateway-class
  std::vector<std::string> environments;  // to-k8s --env NAME=PATH (repeatable)
  std::string kustomize_dir;              // to-k8s --kustomize DIR
  std::vector<std::string> env_namespaces;  // to-k8s --env-namespace NAME=NAMESPACE (repeatable)
  std::string oidc_provider;              // to-k8s --oidc-provider ARN
  std::vector<std::string> renames;       // to-k8s, convert --name OLD=NEW (repeatable)
  KubernetesVersion kubernetes_version;   // to-k8s, -m e2k --kubernetes-version
  std::string diagnostics = "text";
  bool strict = false;
  bool quiet = false;
  int verbose = 0;
  ReadLimits limits;  // --max-file-size, --max-depth, ... (cli/commands.h add_limit_flags)
  // to-k8s: CloudFormation template inputs (also --region, --account-id)
  std::vector<std::string> parameters;  // --parameter KEY=VALUE
  std::string stack_name;               // --stack-name
  // to-ecs
  std::string launch_type;  // "" = not given: FARGATE unless an ECS origin annotation says otherwise
  std::string parameter_prefix = "/";
  std::string secret_store = "ssm";
  std::string config_maps;  // to-ecs --configmaps env | ssm; "" = env for json, ssm for cfn/api/terraform
  std::string logs = "awslogs";      // to-ecs --logs awslogs | none
  int log_retention_days = 30;       // to-ecs --log-retention-days
  std::string region;
  std::string account_id;
  std::string execution_role_arn;
  std::string cluster = "default";
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  std::string ecs_format = "json";     // to-ecs --format: json, cfn, api, terraform (tf)
  std::string emit_secret_values;      // to-ecs --emit-secret-values FILE
  BatchCliOptions batch;  // convert, explain, completion, man (cli/batch_options.h)
};

/// Parses argv. Returns the exit code to stop with (help, version, usage error: 0 or 2), or -1
/// to go on. Messages for --help and usage errors are written to the given streams' text.
struct ParseOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};
[[nodiscard]] ParseOutcome parse_options(int argc, const char* const* argv, CliOptions& options);

}  // namespace specconv::cli
