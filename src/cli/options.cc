// CLI11 definition of specconv's commands and flags (the batch-era subcommands are in commands.cc).
#include "cli/options.h"

#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <sstream>

#ifndef SPECCONV_VERSION
#define SPECCONV_VERSION "dev"
#endif

namespace specconv::cli {
namespace {

void add_to_k8s_flags(CLI::App& app, CliOptions& o, bool inputs_required) {
  auto* in = app.add_option("inputs", o.inputs,
                            "ECS JSON files or folders (searched recursively for *.json); - reads standard input. "
                            "Task definitions (register input or describe-task-definition output), services "
                            "(create-service input or describe-services output), and optional wiring "
                            "(describe-target-groups/-listeners/-rules/-load-balancers, describe-scalable-targets, "
                            "describe-scaling-policies)");
  if (inputs_required) in->required();
  app.add_option("-o,--output", o.output_dir,
                 "write one file per workload into this folder (DIR/<name>.yaml) instead of one stream on stdout");
  app.add_option("--format", o.format, "output format: yaml (multi-document stream) or json (a v1 List)")
      ->check(CLI::IsMember({"yaml", "json"}));
  app.add_option("-n,--namespace", o.namespace_name, "set metadata.namespace on every namespaced object");
  app.add_option("--secrets", o.secrets,
                 "refs: env valueFrom.secretKeyRef only (default); external-secrets: also emit ExternalSecret objects")
      ->check(CLI::IsMember({"refs", "external-secrets"}));
  app.add_option("--ssm-store", o.ssm_store, "ClusterSecretStore name for SSM parameters (with --secrets external-secrets)");
  app.add_option("--secretsmanager-store", o.secrets_manager_store,
                 "ClusterSecretStore name for Secrets Manager secrets (with --secrets external-secrets)");
  app.add_flag("--strict", o.strict, "treat every warning as an error (exit 1)");
  app.add_option("--diagnostics", o.diagnostics, "how diagnostics are written to stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_flag("-q,--quiet", o.quiet, "do not print notes (warnings and errors are still printed)");
  add_limit_flags(app, o.limits);
}

void add_to_ecs_flags(CLI::App& app, CliOptions& o) {
  app.add_option("inputs", o.inputs,
                 "Kubernetes manifests: YAML or JSON files, or folders (searched recursively for *.yaml, *.yml, "
                 "*.json); - reads standard input. Multi-document YAML and kind: List are accepted")
      ->required();
  app.add_option("-o,--output", o.output_dir,
                 "write one JSON file per workload into this folder (DIR/<family>.json) instead of one JSON array on stdout");
  app.add_option("--launch-type", o.launch_type, "FARGATE (default: task sizes snapped to the Fargate table) or EC2")
      ->check(CLI::IsMember({"FARGATE", "EC2"}));
  app.add_option("--parameter-prefix", o.parameter_prefix,
                 "SSM parameter names are <prefix><namespace>/<object>/<key> (default prefix /)");
  app.add_option("--secret-store", o.secret_store,
                 "where Secret keys live: ssm (SecureString parameters, default) or secretsmanager "
                 "(secret <namespace>/<secret>, one JSON key per Secret key; needs --region and --account-id)")
      ->check(CLI::IsMember({"ssm", "secretsmanager"}));
  app.add_option("--region", o.region, "AWS region for generated ARNs");
  app.add_option("--account-id", o.account_id, "AWS account id for generated ARNs");
  app.add_option("--execution-role-arn", o.execution_role_arn, "task execution role ARN written to every task definition");
  app.add_option("--cluster", o.cluster, "ECS cluster name for services and scaling targets (default: default)");
  app.add_option("--subnets", o.subnets, "subnet ids for awsvpc networkConfiguration (default: a placeholder)")->delimiter(',');
  app.add_option("--security-groups", o.security_groups, "security group ids for awsvpc networkConfiguration (default: a placeholder)")
      ->delimiter(',');
  app.add_option("--format", o.ecs_format,
                 "json: per-workload task definition + service documents (default); cfn: a CloudFormation template "
                 "per namespace (YAML); api: the API calls per namespace in dependency order (JSON array)")
      ->check(CLI::IsMember({"json", "cfn", "api"}));
  app.add_option("--emit-secret-values", o.emit_secret_values,
                 "write the calls that store the Secrets' values (base64-decoded) to this file, mode 0600; the only "
                 "way Secret data leaves specconv");
  app.add_flag("--strict", o.strict, "treat every warning as an error (exit 1)");
  app.add_option("--diagnostics", o.diagnostics, "how diagnostics are written to stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_flag("-q,--quiet", o.quiet, "do not print notes (warnings and errors are still printed)");
  add_limit_flags(app, o.limits);
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
  // specctl habit: specconv -m e2k -s PATH -o DIR
  std::string mode;
  std::vector<std::string> sources;
  std::string specctl_out;
  app.add_option("-m,--mode", mode, "specctl-style direction: e2k (ECS to Kubernetes) or k2e (Kubernetes to ECS)")
      ->check(CLI::IsMember({"e2k", "k2e"}));
  app.add_option("-s,--source", sources, "specctl-style input file or folder (with -m)");
  app.add_option("-o,--output", specctl_out, "specctl-style output folder (with -m)");
  add_limit_flags(app, o.limits);  // for the -m form; every subcommand that reads input has its own

  CLI::App* to_k8s = app.add_subcommand("to-k8s", "convert ECS task definitions and services to Kubernetes manifests");
  add_to_k8s_flags(*to_k8s, o, true);
  CLI::App* to_ecs = app.add_subcommand("to-ecs", "convert Kubernetes manifests to ECS task definitions and services");
  add_to_ecs_flags(*to_ecs, o);
  CLI::App* mappings = app.add_subcommand("mappings", "print the field mapping tables, both directions, as Markdown (docs/mappings.md)");
  CLI::App* diagnostics = app.add_subcommand("diagnostics", "print the diagnostic codes as Markdown (docs/diagnostics.md)");
  CLI::App* convert = add_convert_command(app, o.batch);
  CLI::App* explain = add_explain_command(app, o.batch);
  CLI::App* validate = add_validate_command(app, o.batch);
  CLI::App* completion = add_completion_command(app, o.batch);
  CLI::App* man = add_man_command(app);

  std::ostringstream out, err;
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
    outcome.exit_code = 2;
    outcome.err = std::string("specconv: ") + e.what() + "\nRun 'specconv --help' for usage.\n";
    return outcome;
  }
  if (version) {
    outcome.exit_code = 0;
    outcome.out = std::string("specconv ") + SPECCONV_VERSION + "\n";
    return outcome;
  }
  if (to_k8s->parsed()) {
    o.command = Command::kToK8s;
  } else if (to_ecs->parsed()) {
    o.command = Command::kToEcs;
  } else if (mappings->parsed()) {
    o.command = Command::kMappings;
  } else if (diagnostics->parsed()) {
    o.command = Command::kDiagnostics;
  } else if (convert->parsed()) {
    o.command = Command::kConvert;
  } else if (explain->parsed()) {
    o.command = Command::kExplain;
  } else if (validate->parsed()) {
    o.command = Command::kValidate;
  } else if (completion->parsed() || man->parsed()) {
    outcome.exit_code = 0;
    outcome.out = completion->parsed() ? completion_script(describe_commands(app), o.batch.shell)
                                         : man_page(describe_commands(app), SPECCONV_VERSION);
    return outcome;
  } else if (!mode.empty()) {
    if (sources.empty()) {
      outcome.exit_code = 2;
      outcome.err = "specconv: -m needs -s SOURCE\n";
      return outcome;
    }
    o.command = mode == "k2e" ? Command::kToEcs : Command::kToK8s;
    o.inputs = sources;
    o.output_dir = specctl_out;
  } else {
    outcome.exit_code = 2;
    outcome.err = "specconv: no command given\n" + app.help();
    return outcome;
  }
  return outcome;
}

}  // namespace specconv::cli
