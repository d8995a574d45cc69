// CLI11 definition of specconv's commands and flags (the batch-era subcommands are in commands.cc).
#include "cli/options.h"

#include "cli/commands.h"
#include "io/suggest.h"

#include <CLI/CLI.hpp>
#include <sstream>

#ifndef SPECCONV_VERSION
#define SPECCONV_VERSION "dev"
#endif

namespace specconv::cli {
namespace {

void add_to_k8s_flags(CLI::App& app, CliOptions& o) {
  // Not required: --env may give each environment's inputs instead (checked when the command runs).
  app.add_option("inputs", o.inputs,
                 "ECS JSON files or folders (searched recursively for *.json, and for CloudFormation templates "
                 "among *.yaml, *.yml, *.template); - reads standard input. "
                 "Task definitions (register input or describe-task-definition output), services "
                 "(create-service input or describe-services output), and optional wiring "
                 "(describe-target-groups/-listeners/-rules/-load-balancers, describe-scalable-targets, "
                 "describe-scaling-policies); scheduled tasks (aws scheduler get-schedule output -> CronJob); "
                 "CloudFormation templates (JSON or YAML, `cdk synth` output, a cdk.out folder); Terraform state "
                 "or saved-plan JSON (`terraform show -json [plan.out]`), named by content (docs/iac-inputs.md)");
  app.add_option("-o,--output", o.output_dir,
                 "write one file per workload into this folder (DIR/<name>.yaml) instead of one stream on stdout");
  app.add_option("--format", o.format, "output format: yaml (multi-document stream) or json (a v1 List)")
      ->transform(CLI::IsMember({"yaml", "json"}, CLI::ignore_case));
  add_namespace_flag(app, o.namespace_name, "set metadata.namespace on every namespaced object");
  app.add_option("--secrets", o.secrets,
                 "refs: env valueFrom.secretKeyRef only (default); external-secrets: also emit ExternalSecret objects")
      ->transform(CLI::IsMember({"refs", "external-secrets"}, CLI::ignore_case));
  app.add_option("--ssm-store", o.ssm_store, "ClusterSecretStore name for SSM parameters (with --secrets external-secrets)");
  app.add_option("--secretsmanager-store", o.secrets_manager_store,
                 "ClusterSecretStore name for Secrets Manager secrets (with --secrets external-secrets)");
  app.add_option("--scheme", o.scheme,
                 "internet-facing or internal: the scheme of load balancers whose scheme the input does not say "
                 "(default internal, with a warning)")
      ->transform(CLI::IsMember({"internet-facing", "internal"}, CLI::ignore_case));
  add_routing_flags(app, o.routing, o.gateway_class, o.create_gateway_class, "");
  add_carry_flag(app, o.carry, "annotations");
  add_kubernetes_version_flag(app, o.kubernetes_version, "");
  app.add_option("--oidc-provider", o.oidc_provider,
                 "ARN of the EKS cluster's IAM OIDC provider: with -o DIR, write each IRSA role's trust policy "
                 "as DIR/<workload>.trust-policy.json (with --kustomize DIR: DIR/overlays/<env>/...)");
  app.add_option("--env", o.environments,
                 "NAME=PATH: the inputs of one environment (repeat for several paths and environments); with --kustomize")
      ->allow_extra_args(false);
  app.add_option("--name", o.renames,
                 "OLD=NEW: the workload whose ECS service name or task family (or Kubernetes name) is OLD is named NEW "
                 "(repeatable; e.g. --name web-dev=web --name web-prod=web to match environments)")
      ->allow_extra_args(false);
  app.add_option("--env-namespace", o.env_namespaces,
                 "NAME=NAMESPACE: the namespace of environment NAME (its overlay's namespace:; repeatable); the others "
                 "keep -n")
      ->allow_extra_args(false);
  app.add_option("--kustomize", o.kustomize_dir,
                 "write the environments given with --env as a kustomize layout: DIR/base and DIR/overlays/<NAME>");
  app.add_flag("--strict", o.strict, "treat every warning as an error (exit 1)");
  app.add_option("--diagnostics", o.diagnostics, "how diagnostics are written to stderr: text or json")
      ->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case));
  app.add_flag("-q,--quiet", o.quiet, "do not print notes (warnings and errors are still printed)");
  app.add_option("--parameter", o.parameters,
                 "CloudFormation templates: KEY=VALUE for a template parameter (repeatable; also answers Fn::ImportValue "
                 "KEY, and LogicalId or LogicalId.Attribute for a resource's Ref or Fn::GetAtt)");
  app.add_option("--region", o.region, "CloudFormation templates: AWS::Region (default us-east-1)");
  app.add_option("--account-id", o.account_id, "CloudFormation templates: AWS::AccountId (default 123456789012)");
  app.add_option("--stack-name", o.stack_name, "CloudFormation templates: AWS::StackName (default: the file name without .template.json)");
  add_limit_flags(app, o.limits);
}

void add_to_ecs_flags(CLI::App& app, CliOptions& o) {
  app.add_option("inputs", o.inputs,
                 "Kubernetes manifests: YAML or JSON files, or folders (searched recursively for *.yaml, *.yml, "
                 "*.json); - reads standard input. Multi-document YAML and kind: List are accepted")
      ->required();
  app.add_option("-o,--output", o.output_dir,
                 "write one JSON file per workload into this folder (DIR/<family>.json) instead of one JSON array on "
                 "stdout (cfn: DIR/<namespace>.yaml, api: DIR/<namespace>.json, terraform: DIR/<namespace>/main.tf)");
  app.add_option("--launch-type", o.launch_type, "FARGATE (default: task sizes snapped to the Fargate table) or EC2")
      ->transform(CLI::IsMember({"FARGATE", "EC2"}, CLI::ignore_case));
  app.add_option("--parameter-prefix", o.parameter_prefix,
                 "SSM parameter names are <prefix><namespace>/<object>/<key> (default prefix /)");
  app.add_option("--secret-store", o.secret_store,
                 "where Secret keys live: ssm (SecureString parameters, default) or secretsmanager "
                 "(secret <namespace>/<secret>, one JSON key per Secret key; needs --region and --account-id)")
      ->transform(CLI::IsMember({"ssm", "secretsmanager"}, CLI::ignore_case));
  app.add_option("--configmaps", o.config_maps,
                 "how containers read ConfigMap keys: env (plain environment entries with the values the input holds; "
                 "default for --format json) or ssm (SSM String parameters; default for cfn, api and terraform, which create them)")
      ->transform(CLI::IsMember({"env", "ssm"}, CLI::ignore_case));
  add_log_flags(app, o.logs, o.log_retention_days, "");
  add_carry_flag(app, o.carry, "docker labels of the first container");
  app.add_option("--name", o.renames,
                 "OLD=NEW: the workload whose task family would be OLD (its Kubernetes name, or the ECS name a to-k8s "
                 "manifest keeps) gets the task family and service name NEW (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--region", o.region, "AWS region for generated ARNs");
  app.add_option("--account-id", o.account_id, "AWS account id for generated ARNs");
  app.add_option("--execution-role-arn", o.execution_role_arn, "task execution role ARN written to every task definition");
  app.add_option("--cluster", o.cluster, "ECS cluster name for services and scaling targets (default: default)");
  app.add_option("--subnets", o.subnets, "subnet ids for awsvpc networkConfiguration (default: a placeholder)")->delimiter(',');
  app.add_option("--security-groups", o.security_groups, "security group ids for awsvpc networkConfiguration (default: a placeholder)")
      ->delimiter(',');
  app.add_option("--format", o.ecs_format,
                 "json: per-workload task definition + service documents (default); cfn: a CloudFormation template "
                 "per namespace (YAML); api: the API calls per namespace in dependency order (JSON array); "
                 "terraform (or tf): a Terraform configuration per namespace (HCL; with -o, DIR/<namespace>/main.tf)")
      ->transform(CLI::IsMember({"json", "cfn", "api", "terraform", "tf"}, CLI::ignore_case));
  app.add_option("--emit-secret-values", o.emit_secret_values,
                 "write the calls that store the Secrets' values (base64-decoded) to this file, mode 0600; the only "
                 "way Secret data leaves specconv");
  app.add_flag("--strict", o.strict, "treat every warning as an error (exit 1)");
  app.add_option("--diagnostics", o.diagnostics, "how diagnostics are written to stderr: text or json")
      ->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case));
  app.add_flag("-q,--quiet", o.quiet, "do not print notes (warnings and errors are still printed)");
  add_limit_flags(app, o.limits);
}

/// The deepest subcommand the parse reached (the app itself when none).
const CLI::App& parsed_command(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->parsed()) return parsed_command(*sub);
  }
  return app;
}

/// "(did you mean --namespace?)" for an unknown flag, "(did you mean to-k8s?)" for an unknown
/// subcommand, from the options and subcommands of the command the parse reached.
std::string suggestion(const CLI::App& app, const std::vector<std::string>& extras) {
  const CLI::App& at = parsed_command(app);
  for (const std::string& arg : extras) {
    if (arg.size() > 1 && arg[0] == '-') {
      const std::string flag = arg.substr(0, arg.find('='));
      std::vector<std::string> names;
      for (const CLI::App* cmd : {&at, &app}) {
        for (const CLI::Option* opt : cmd->get_options()) {
          for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
        }
      }
      const std::vector<std::string_view> known(names.begin(), names.end());
      if (auto s = io::did_you_mean(flag, known)) return "unknown flag " + flag + " (did you mean " + *s + "?)";
      return "unknown flag " + flag;
    }
  }
  if (&at == &app && !extras.empty()) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    const std::vector<std::string_view> known(names.begin(), names.end());
    if (auto s = io::did_you_mean(extras.front(), known)) {
      return "unknown command " + extras.front() + " (did you mean " + *s + "?)";
    }
  }
  return "";
}

/// The specctl habit: specconv -m e2k|k2e -s PATH... -o DIR, with the common flags.
struct Specctl {
  std::string mode;
  std::vector<std::string> sources;
  std::string output_dir;
  std::string namespace_name;
  KubernetesVersion kubernetes_version;
  const CLI::Option* kubernetes_version_flag = nullptr;
  bool kubernetes_version_given() const { return kubernetes_version_flag != nullptr && kubernetes_version_flag->count() > 0; }
};

void add_specctl_flags(CLI::App& app, Specctl& s, CliOptions& o) {
  app.add_option("-m,--mode", s.mode, "specctl-style direction: e2k (ECS to Kubernetes) or k2e (Kubernetes to ECS)")
      ->transform(CLI::IsMember({"e2k", "k2e"}, CLI::ignore_case));
  app.add_option("-s,--source", s.sources, "specctl-style input file or folder (with -m)");
  app.add_option("-o,--output", s.output_dir, "specctl-style output folder (with -m)");
  add_namespace_flag(app, s.namespace_name, "with -m e2k: set metadata.namespace on every namespaced object");
  s.kubernetes_version_flag = add_kubernetes_version_flag(app, s.kubernetes_version, "with -m e2k: ");
  app.add_flag("-q,--quiet", o.quiet, "with -m: do not print notes (warnings and errors are still printed)");
  app.add_flag("--strict", o.strict, "with -m: treat every warning as an error (exit 1)");
  app.add_option("--diagnostics", o.diagnostics, "with -m: how diagnostics are written to stderr: text or json")
      ->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case));
  add_carry_flag(app, o.carry, "annotations (-m e2k) or docker labels (-m k2e)");
  add_limit_flags(app, o.limits);  // for the -m form; every subcommand that reads input has its own
}

ParseOutcome usage_error(std::string message) {
  ParseOutcome outcome;
  outcome.exit_code = 2;
  outcome.err = "specconv: " + std::move(message);
  return outcome;
}

/// The command the parse selected (a subcommand, or the specctl form).
ParseOutcome select_command(const CLI::App& app, const Specctl& s, CliOptions& o) {
  static const std::vector<std::pair<std::string_view, Command>> kCommands = {
      {"to-k8s", Command::kToK8s},     {"to-ecs", Command::kToEcs},   {"mappings", Command::kMappings},
      {"diagnostics", Command::kDiagnostics}, {"convert", Command::kConvert}, {"explain", Command::kExplain},
      {"validate", Command::kValidate}};
  const std::string name = parsed_command(app).get_name();
  if (!s.namespace_name.empty() && name != "to-k8s" && !(name == app.get_name() && s.mode == "e2k")) {
    return usage_error("-n/--namespace before the command applies to -m e2k only\n");
  }
  if (s.kubernetes_version_given() && !(name == app.get_name() && s.mode != "k2e")) {
    return usage_error("--kubernetes-version before the command applies to -m e2k only (give it after to-k8s or convert)\n");
  }
  for (const auto& [command_name, command] : kCommands) {
    if (name != command_name) continue;
    o.command = command;
    if (command == Command::kToK8s && o.namespace_name.empty()) o.namespace_name = s.namespace_name;
    return {};
  }
  if (name == "completion" || name == "man") {
    ParseOutcome outcome;
    outcome.exit_code = 0;
    outcome.out = name == "completion" ? completion_script(describe_commands(app), o.batch.shell)
                                       : man_page(describe_commands(app), SPECCONV_VERSION);
    return outcome;
  }
  if (s.mode.empty()) return usage_error("no command given\n" + app.help());
  if (s.sources.empty()) return usage_error("-m needs -s SOURCE\n");
  o.command = s.mode == "k2e" ? Command::kToEcs : Command::kToK8s;
  o.kubernetes_version = s.kubernetes_version;
  o.inputs = s.sources;
  o.output_dir = s.output_dir;
  o.namespace_name = s.namespace_name;
  return {};
}

}  // namespace

ParseOutcome parse_options(int argc, const char* const* argv, CliOptions& o) {
  ParseOutcome outcome;
  CLI::App app{"specconv: convert container specifications between AWS ECS and Kubernetes.\n"
               "Exit codes: 0 success (warnings allowed), 1 input or conversion error (or a warning with --strict), "
               "2 usage error.",
               "specconv"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "print the version and exit");
  Specctl specctl;
  add_specctl_flags(app, specctl, o);

  CLI::App* to_k8s = app.add_subcommand("to-k8s", "convert ECS task definitions and services to Kubernetes manifests");
  add_to_k8s_flags(*to_k8s, o);
  CLI::App* to_ecs = app.add_subcommand("to-ecs", "convert Kubernetes manifests to ECS task definitions and services");
  add_to_ecs_flags(*to_ecs, o);
  CLI::App* mappings = app.add_subcommand("mappings", "print the field mapping tables, both directions, as Markdown (docs/mappings.md)");
  app.add_subcommand("diagnostics", "print the diagnostic codes as Markdown (docs/diagnostics.md)");
  add_convert_command(app, o.batch);
  add_explain_command(app, o.batch);
  add_validate_command(app, o.batch);
  add_completion_command(app, o.batch);
  add_man_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    outcome.exit_code = 0;
    outcome.out = app.help();
    return outcome;
  } catch (const CLI::CallForAllHelp& e) {
    outcome.exit_code = 0;
    outcome.out = app.help("", CLI::AppFormatMode::All);
    return outcome;
  } catch (const CLI::ParseError& e) {
    // --help on a subcommand arrives here as CallForHelp from that subcommand.
    if (e.get_exit_code() == 0) {
      outcome.exit_code = 0;
      outcome.out = (to_k8s->parsed() ? to_k8s->help() : to_ecs->parsed() ? to_ecs->help() : mappings->parsed() ? mappings->help() : app.help());
      return outcome;
    }
    const std::string hint = suggestion(app, app.remaining(true));
    return usage_error((hint.empty() ? std::string(e.what()) : hint) + "\nRun 'specconv --help' for usage.\n");
  }
  if (version) {
    outcome.exit_code = 0;
    outcome.out = std::string("specconv ") + SPECCONV_VERSION + "\n";
    return outcome;
  }
  return select_command(app, specctl, o);
}

}  // namespace specconv::cli
