// Runs a parsed command: reads the inputs, calls the library, renders diagnostics once,
// writes outputs, and maps the result to the documented exit code. The only code that touches
// stdout and stderr.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/k8s_writer.h"
#include "cli/options.h"
#include "io/limits.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "specconv/diagnostics.h"

namespace specconv::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;

/// Expands folders (recursively, sorted) into files with the given extensions; "-" stays.
[[nodiscard]] std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                                   const std::set<std::string>& extensions, Diagnostics& diags);

/// The inputs of to-k8s, read: files as named, and in folders (recursively, sorted) the *.json files
/// and the CloudFormation templates among *.yaml, *.yml and *.template (recognised by content through
/// the input registry). Other YAML found in a folder (a Kubernetes manifest) is reported
/// (`skipped-file`) and skipped; a folder with nothing to convert is `empty-folder`, and a run whose
/// folders hold nothing at all an error (`no-input-files`, exit 1).
[[nodiscard]] std::vector<InputText> read_ecs_inputs(const std::vector<std::string>& inputs, const io::Limits& limits,
                                                     Diagnostics& diags);

/// --configmaps env | ssm | "" (not given).
[[nodiscard]] ToEcsOptions::ConfigMaps config_maps_option(const std::string& flag);

/// The to-k8s options the flags say.
[[nodiscard]] ToK8sOptions to_k8s_options(const CliOptions& o);

/// Writes DIR/<path> for each file, atomically; a path given twice is an error (duplicate-output).
void write_files(const std::string& dir, const std::vector<app::OutputFile>& files, Diagnostics& diags);

/// to-k8s --env NAME=PATH... --kustomize DIR (cmd_kustomize.cc).
[[nodiscard]] int run_kustomize(const CliOptions& o, std::ostream& out, std::ostream& err);

/// --parameter KEY=VALUE..., --region, --account-id, --stack-name as TemplateInputs; nullopt
/// (after a message on `err`) when a parameter has no `=`.
[[nodiscard]] std::optional<TemplateInputs> template_inputs(const std::vector<std::string>& parameters, const std::string& region,
                                                            const std::string& account_id, const std::string& stack_name,
                                                            std::ostream& err);

/// What --name NEW must be: a Kubernetes name (to-k8s: a DNS label) or an ECS name (to-ecs).
enum class NameTarget { kKubernetes, kEcs };

/// --name OLD=NEW... as a map; nullopt (after a message on `err`) when one is malformed, NEW is
/// not a valid name of `target`, or one OLD is given two names.
[[nodiscard]] std::optional<std::map<std::string, std::string>> name_renames(const std::vector<std::string>& names,
                                                                             NameTarget target, std::ostream& err);

[[nodiscard]] int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace specconv::cli
