// Flags of the batch-era commands (convert, explain, completion, man), kept apart from the
// single-run flags in CliOptions. Plain data: no CLI11 types.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "specconv/kubernetes_version.h"
#include "specconv/limits.h"

namespace specconv::cli {

struct BatchCliOptions {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::size_t jobs = 0;            // 0: hardware threads
  std::string to;                  // "", "k8s" or "ecs"
  std::string report;              // --report FILE
  std::string report_format = "json";  // --report-format json | junit | sarif (cli/report_format.h)
  std::vector<std::string> fail_on = {"error"};  // error | warning | diagnostic codes (cli/fail_policy.h)
  std::vector<std::string> ignore;               // --ignore: codes that never make the run fail
  bool quiet = false;
  int verbose = 0;
  ReadLimits limits;  // --max-file-size, --max-depth, ... (cli/commands.h add_limit_flags)
  // Per-direction settings, as on to-k8s and to-ecs.
  std::string namespace_name;             // to-k8s -n
  std::string secrets = "refs";           // to-k8s --secrets refs | external-secrets
  std::string ssm_store = "aws-parameter-store";
  std::string secrets_manager_store = "aws-secrets-manager";
  std::string scheme;                     // to-k8s --scheme internet-facing | internal
  std::string routing = "ingress";        // to-k8s --routing ingress | gateway-api
  std::string carry = "full";             // --carry full | none (both directions)
  std::string gateway_class = "aws-alb";  // to-k8s --gateway-class
  bool create_gateway_class = false;      // to-k8s --create-gateway-class
  KubernetesVersion kubernetes_version;   // to-k8s --kubernetes-version
  std::string launch_type;                // to-ecs --launch-type; "" = FARGATE unless an ECS origin annotation says otherwise
  std::string parameter_prefix = "/";
  std::string secret_store = "ssm";       // ssm | secretsmanager
  std::string config_maps;                // to-ecs --configmaps env | ssm
  std::string logs = "awslogs";           // to-ecs --logs awslogs | none
  int log_retention_days = 30;            // to-ecs --log-retention-days
  std::string region;
  std::string account_id;
  std::vector<std::string> parameters;  // CloudFormation inputs: --parameter KEY=VALUE
  std::string stack_name;               // CloudFormation inputs: --stack-name
  std::string execution_role_arn;
  std::string cluster = "default";
  std::vector<std::string> subnets;
  std::vector<std::string> security_groups;
  bool kustomize = false;               // convert --kustomize: the input folder's subfolders are environments
  std::vector<std::string> env_namespaces;  // convert --kustomize --env-namespace NAME=NAMESPACE
  std::string explain_format = "text";  // text | markdown | json
  std::string shell;                    // completion: bash | zsh
};

/// `specconv convert`: exit code 0, 1 or 2.
[[nodiscard]] int run_convert(const BatchCliOptions& o, std::ostream& out, std::ostream& err);
/// `specconv explain`: exit code 0, 1 or 2.
[[nodiscard]] int run_explain(const BatchCliOptions& o, std::ostream& out, std::ostream& err);

/// `specconv validate`: exit code 0, 1 or 2.
[[nodiscard]] int run_validate(const BatchCliOptions& o, std::ostream& out, std::ostream& err);

}  // namespace specconv::cli
