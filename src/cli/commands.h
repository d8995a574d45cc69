// CLI11 definitions of the batch-era subcommands, and the completion scripts and man page
// generated from the whole CLI11 definition. Only src/cli/ includes this header.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/batch_options.h"

namespace specconv::cli {

CLI::App* add_convert_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_explain_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_validate_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_completion_command(CLI::App& app, BatchCliOptions& o);
CLI::App* add_man_command(CLI::App& app);

/// Completion script for `shell` ("bash" or "zsh") covering every subcommand and flag of `app`.
[[nodiscard]] std::string completion_script(const CLI::App& app, const std::string& shell);
/// specconv(1) in roff, from the same definition.
[[nodiscard]] std::string man_page(const CLI::App& app, const std::string& version);

}  // namespace specconv::cli
