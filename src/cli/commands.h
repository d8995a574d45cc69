// CLI11 definitions of the batch-era subcommands and the reader-limit flags, and the description
// of the whole CLI11 definition as plain data. Included only by options.cc and commands.cc, the
// two files that use CLI11 (it is header-only: every file that includes it pays its compile time).
#pragma once

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/batch_options.h"
#include "cli/command_spec.h"
#include "specconv/limits.h"

namespace specconv::cli {

CLI::App* add_convert_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_explain_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_validate_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_completion_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_man_command(CLI::App& app);

/// The --routing, --gateway-class and --create-gateway-class flags of the ECS -> Kubernetes
/// direction (to-k8s, and convert for its ECS inputs: `prefix` starts their help there).
void add_routing_flags(CLI::App& app, std::string& routing, std::string& gateway_class, bool& create_gateway_class,
                       const std::string& prefix);

/// -n/--namespace NS: metadata.namespace of every namespaced object, checked to be a namespace
/// name (an RFC 1123 label) so that no manifest is written with one the API server refuses.
void add_namespace_flag(CLI::App& app, std::string& namespace_name, const std::string& description);
/// --kubernetes-version VERSION (mapping/k8s_version.h); a bad value is a usage error (exit 2).
CLI::Option* add_kubernetes_version_flag(CLI::App& app, KubernetesVersion& version, const std::string& prefix);

/// The reader-limit flags (--max-file-size, --max-yaml-size, --max-depth, --max-values, ...),
/// defined once and added to every command that reads input.
void add_limit_flags(CLI::App& app, ReadLimits& limits);

/// --logs awslogs|none and --log-retention-days N (one of the values CloudWatch Logs accepts),
/// for to-ecs and convert; `prefix` starts their help text ("Kubernetes inputs: " on convert).
void add_log_flags(CLI::App& app, std::string& logs, int& retention_days, const std::string& prefix);

/// --carry full|none: whether the values the other side has no field for are kept (specconv.io/
/// annotations and docker labels) for a conversion back; `what` says which outputs.
void add_carry_flag(CLI::App& app, std::string& carry, const std::string& what);

/// Every command of `app` (the top level first, then its subcommands) with its flags and
/// positionals, for cli/command_spec.h's completion scripts and man page.
[[nodiscard]] std::vector<CommandSpec> describe_commands(const CLI::App& app);

}  // namespace specconv::cli
