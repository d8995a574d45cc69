// The CLI11 definitions of the batch-era subcommands (convert, explain, validate, completion, man)
// and of the reader-limit flags, and the description of the whole definition as plain data for
// the completion scripts and the man page. With options.cc, the only files that include CLI11: it
// is header-only and costs seconds of compile time in every file that includes it.
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "mapping/k8s_version.h"
#include "mapping/names.h"

namespace specconv::cli {
namespace {

std::string with_default(const std::string& what, std::size_t value) {
  return what + " (default " + std::to_string(value) + ")";
}

}  // namespace

void add_limit_flags(CLI::App& app, ReadLimits& limits) {
  const ReadLimits d;
  app.add_option("--max-file-size", limits.max_file_bytes, with_default("largest input file accepted, in bytes", d.max_file_bytes));
  app.add_option("--max-yaml-size", limits.max_yaml_bytes,
                 with_default("largest YAML stream accepted, in bytes; YAML reads slower than JSON", d.max_yaml_bytes));
  app.add_option("--max-depth", limits.max_depth, with_default("deepest nesting accepted in an input", d.max_depth));
  app.add_option("--max-values", limits.max_nodes,
                 with_default("most values (scalars, lists, maps) accepted in one file, after YAML alias expansion", d.max_nodes));
  app.add_option("--max-alias-values", limits.max_alias_nodes,
                 with_default("most values that YAML aliases may repeat in one file", d.max_alias_nodes));
  app.add_option("--max-alias-bytes", limits.max_alias_bytes,
                 with_default("most bytes of scalars that YAML aliases may repeat in one file", d.max_alias_bytes));
  app.add_option("--max-documents", limits.max_documents, with_default("most documents accepted in one YAML stream", d.max_documents));
  app.add_option("--max-string-length", limits.max_string_bytes,
                 with_default("longest string, key or scalar accepted, in bytes", d.max_string_bytes));
}

void add_namespace_flag(CLI::App& app, std::string& namespace_name, const std::string& description) {
  app.add_option("-n,--namespace", namespace_name, description)->check([](const std::string& v) {
    return mapping::is_valid_name(v, mapping::NameKind::kRfc1123Label)
               ? std::string()
               : "not a Kubernetes namespace name (lower-case letters, digits and '-', at most 63): " + v;
  });
}

CLI::Option* add_kubernetes_version_flag(CLI::App& app, KubernetesVersion& version, const std::string& prefix) {
  const std::string fallback = mapping::to_string(KubernetesVersion{});
  return app.add_option_function<std::string>(
         "--kubernetes-version",
         [&version](const std::string& v) {
           const auto parsed = mapping::parse_kubernetes_version(v);
           if (!parsed) {
             throw CLI::ValidationError("--kubernetes-version",
                                        "not a Kubernetes version: \"" + v + "\" (give MAJOR.MINOR, e.g. 1.33 or v1.35)");
           }
           version = *parsed;
         },
         prefix + "the Kubernetes version the manifests are for, e.g. 1.33 or v1.35 (default " + fallback +
             ", the version of the schemas specconv validates against); from 1.34 the ECS task size becomes "
             "pod-level resources (spec.resources), before that it is split over the containers")
      ->type_name("VERSION");
}

void add_log_flags(CLI::App& app, std::string& logs, int& retention_days, const std::string& prefix) {
  app.add_option("--logs", logs,
                 prefix + "awslogs (default): containers of a task whose input says nothing about logs send them to "
                          "CloudWatch Logs, group /ecs/<namespace>/<family> (created by the cfn, api and terraform "
                          "outputs); none: no log configuration")
      ->transform(CLI::IsMember({"awslogs", "none"}, CLI::ignore_case));
  app.add_option("--log-retention-days", retention_days,
                 prefix + "retention of the log groups the cfn, api and terraform outputs create (default 30)")
      ->check(CLI::IsMember({1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
                             3288, 3653}));
}

void add_routing_flags(CLI::App& app, std::string& routing, std::string& gateway_class, bool& create_gateway_class,
                       const std::string& prefix) {
  app.add_option("--routing", routing,
                 prefix + "ingress or gateway-api: how ALB routing is written (Ingress, or Gateway API Gateway/HTTPRoute "
                          "with the AWS Load Balancer Controller's configurations; default ingress)")
      ->transform(CLI::IsMember({"ingress", "gateway-api"}, CLI::ignore_case));
  app.add_option("--gateway-class", gateway_class,
                 prefix + "with --routing gateway-api: the GatewayClass the Gateways reference (default aws-alb)")
      ->check([](const std::string& v) {
        return mapping::is_valid_name(v, mapping::NameKind::kRfc1123Subdomain) ? std::string()
                                                                                : "not a Kubernetes object name: " + v;
      });
  app.add_flag("--create-gateway-class", create_gateway_class,
               prefix + "with --routing gateway-api: also emit that GatewayClass (controllerName gateway.k8s.aws/alb)");
}

void add_carry_flag(CLI::App& app, std::string& carry, const std::string& what) {
  app.add_option("--carry", carry,
                 "full (default) or none: keep what the other side has no field for in specconv.io/ " + what +
                     ", so that a conversion back restores it; none writes none of them and reports each value "
                     "that is then lost (not-kept)")
      ->transform(CLI::IsMember({"full", "none"}, CLI::ignore_case));
}

CLI::App* add_convert_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "convert",
      "convert a mixed set of files and folders (ECS JSON and Kubernetes YAML/JSON, direction detected per file) "
      "into an output folder that mirrors the input tree");
  c->add_option("inputs", o.inputs,
                "files or folders (searched recursively for *.json, *.yaml, *.yml, *.template); JSON with an ECS "
                "shape and CloudFormation templates go to Kubernetes, YAML and JSON with apiVersion/kind go to ECS")
      ->required();
  c->add_option("-o,--output", o.output_dir,
                "output folder: DIR/<input path relative to its INPUT folder, without extension>/<workload>.<yaml|json>")
      ->required();
  c->add_flag("--kustomize", o.kustomize,
              "ECS inputs of several environments: INPUT is one folder whose subfolders (dev/, prod/, ...) are the "
              "environments, written to -o DIR as one kustomize base and an overlay per environment (as to-k8s --env "
              "NAME=PATH --kustomize DIR)");
  c->add_option("--env-namespace", o.env_namespaces,
                "with --kustomize: NAME=NAMESPACE, the namespace of the environment (subfolder) NAME (repeatable)")
      ->allow_extra_args(false);
  c->add_option("-j,--jobs", o.jobs, "worker threads (default: the number of hardware threads)");
  c->add_option("--to", o.to, "convert only one direction: k8s (ECS inputs) or ecs (Kubernetes inputs); other files are skipped")
      ->transform(CLI::IsMember({"k8s", "ecs"}, CLI::ignore_case));
  c->add_option("--report", o.report,
                "write a report: per input file its status, outputs and diagnostics, plus totals (format: --report-format)");
  c->add_option("--report-format", o.report_format,
                "json (default: specconv's report), junit (JUnit XML, one testcase per input file, a failure per "
                "diagnostic that fails the run) or sarif (SARIF 2.1.0, one result per diagnostic, rule ids = codes)")
      ->transform(CLI::IsMember({"json", "junit", "sarif"}, CLI::ignore_case));
  c->add_option("--fail-on", o.fail_on,
                 "exit 1 on: error (default), warning (also on any warning), or diagnostic codes (comma-separated: on "
                 "any diagnostic with one of them)")
      ->type_name("TEXT:{error,warning}")  // completion offers the severities; codes are checked by the command
      ->delimiter(',')
      ->allow_extra_args(false);
  c->add_option("--ignore", o.ignore, "diagnostic codes (comma-separated) that never make the run fail; errors still do")
      ->delimiter(',')
      ->allow_extra_args(false);
  c->add_flag("-q,--quiet", o.quiet, "no progress line, no summary and no warnings (errors are still printed)");
  c->add_flag("-v,--verbose", o.verbose, "also notes and developer traces on stderr (one line per file; repeat for more)");
  add_limit_flags(*c, o.limits);
  // ECS inputs (as on to-k8s).
  add_namespace_flag(*c, o.namespace_name, "ECS inputs: set metadata.namespace on every namespaced object");
  c->add_option("--secrets", o.secrets,
                "ECS inputs: refs (env valueFrom.secretKeyRef only, default) or external-secrets (also ExternalSecret objects)")
      ->transform(CLI::IsMember({"refs", "external-secrets"}, CLI::ignore_case));
  c->add_option("--ssm-store", o.ssm_store, "ECS inputs: ClusterSecretStore name for SSM parameters (with --secrets external-secrets)");
  c->add_option("--parameter", o.parameters, "CloudFormation templates: KEY=VALUE for a template parameter (repeatable)");
  c->add_option("--stack-name", o.stack_name, "CloudFormation templates: AWS::StackName (default: the file name)");
  c->add_option("--secretsmanager-store", o.secrets_manager_store,
                "ECS inputs: ClusterSecretStore name for Secrets Manager secrets (with --secrets external-secrets)");
  c->add_option("--scheme", o.scheme,
                "ECS inputs: internet-facing or internal, for load balancers whose scheme the input does not say (default internal)")
      ->transform(CLI::IsMember({"internet-facing", "internal"}, CLI::ignore_case));
  add_routing_flags(*c, o.routing, o.gateway_class, o.create_gateway_class, "ECS inputs: ");
  add_carry_flag(*c, o.carry, "annotations (Kubernetes outputs) and docker labels (ECS outputs)");
  add_kubernetes_version_flag(*c, o.kubernetes_version, "ECS inputs: ");
  // Kubernetes inputs (as on to-ecs).
  c->add_option("--launch-type", o.launch_type, "Kubernetes inputs: FARGATE (default) or EC2 (needed for DaemonSets, hostPath, privileged)")
      ->transform(CLI::IsMember({"FARGATE", "EC2"}, CLI::ignore_case));
  c->add_option("--parameter-prefix", o.parameter_prefix, "Kubernetes inputs: SSM parameter names are <prefix><namespace>/<object>/<key> (default /)");
  c->add_option("--secret-store", o.secret_store,
                "Kubernetes inputs: ssm (default) or secretsmanager (needs --region and --account-id)")
      ->transform(CLI::IsMember({"ssm", "secretsmanager"}, CLI::ignore_case));
  c->add_option("--configmaps", o.config_maps, "Kubernetes inputs: env (default for json) or ssm (default for cfn, api, terraform)")
      ->transform(CLI::IsMember({"env", "ssm"}, CLI::ignore_case));
  add_log_flags(*c, o.logs, o.log_retention_days, "Kubernetes inputs: ");
  c->add_option("--region", o.region, "Kubernetes inputs: AWS region for generated ARNs; CloudFormation templates: AWS::Region");
  c->add_option("--account-id", o.account_id, "Kubernetes inputs: AWS account id for generated ARNs; CloudFormation templates: AWS::AccountId");
  c->add_option("--execution-role-arn", o.execution_role_arn, "Kubernetes inputs: task execution role ARN for every task definition");
  c->add_option("--cluster", o.cluster, "Kubernetes inputs: ECS cluster name for services and scaling targets (default: default)");
  c->add_option("--subnets", o.subnets, "Kubernetes inputs: subnet ids for awsvpc networkConfiguration")->delimiter(',');
  c->add_option("--security-groups", o.security_groups, "Kubernetes inputs: security group ids for awsvpc networkConfiguration")
      ->delimiter(',');
  return c;
}

CLI::App* add_explain_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "explain",
      "for each input file, list each source field with its target, or why it was dropped or approximated");
  c->add_option("input", o.inputs,
                "ECS JSON or Kubernetes YAML/JSON files, or folders (searched recursively for *.json, *.yaml, *.yml): "
                "one table per file, direction detected as in convert")
      ->required();
  c->add_option("--format", o.explain_format, "text (default), markdown or json")
      ->transform(CLI::IsMember({"text", "markdown", "json"}, CLI::ignore_case));
  add_limit_flags(*c, o.limits);
  return c;
}

CLI::App* add_validate_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "validate",
      "check ECS task definitions/services (JSON) and Kubernetes manifests (YAML/JSON) against the official schemas "
      "shipped with specconv: types, required fields, enums, unknown fields (with did-you-mean), API server rules");
  c->add_option("input", o.inputs,
                "files or folders (searched recursively for *.json, *.yaml, *.yml), or - for standard input; the kind "
                "of each document is detected (JSON with apiVersion and kind is Kubernetes, other JSON is ECS)")
      ->required();
  c->add_flag("-q,--quiet", o.quiet, "print only problems, not the per-file summary line");
  add_limit_flags(*c, o.limits);
  return c;
}

CLI::App* add_completion_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand("completion", "print a shell completion script: bash or zsh (generated from this CLI definition)");
  c->add_option("shell", o.shell, "bash or zsh")->required()->transform(CLI::IsMember({"bash", "zsh"}, CLI::ignore_case));
  return c;
}

CLI::App* add_man_command(CLI::App& app) {
  return app.add_subcommand("man", "print the specconv(1) man page in roff (generated from this CLI definition)");
}

namespace {

CommandSpec describe(const CLI::App& app, const std::string& name) {
  CommandSpec c;
  c.name = name;
  c.description = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional() && !opt->nonpositional()) {
      c.positionals.emplace_back(opt->get_name(true) + (opt->get_items_expected_max() > 1 ? "..." : ""), opt->get_description());
      continue;
    }
    FlagSpec f;
    for (const std::string& s : opt->get_snames()) f.names.push_back("-" + s);
    for (const std::string& l : opt->get_lnames()) f.names.push_back("--" + l);
    f.description = opt->get_description();
    std::string type = opt->get_type_name();
    if (!type.empty()) {  // flags have no type name
      const std::size_t brace = type.find(":{");
      if (brace != std::string::npos && type.back() == '}') {
        std::string list = type.substr(brace + 2, type.size() - brace - 3);
        std::stringstream ss(list);
        for (std::string item; std::getline(ss, item, ',');) f.choices.push_back(item);
        type.resize(brace);
      }
      f.value = type.empty() ? "VALUE" : type;
    }
    c.flags.push_back(std::move(f));
  }
  return c;
}

}  // namespace

std::vector<CommandSpec> describe_commands(const CLI::App& app) {
  std::vector<CommandSpec> out;
  out.push_back(describe(app, ""));
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    out.push_back(describe(*sub, sub->get_name()));
  }
  return out;
}


}  // namespace specconv::cli
