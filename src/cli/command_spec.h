// The command line as plain data, read off the CLI11 definition (cli/commands.h
// describe_commands): what the completion scripts and the man page are generated from, so that
// they need no CLI11 and always list the commands and flags the binary really has.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace specconv::cli {

struct FlagSpec {
  std::vector<std::string> names;  // -o, --output
  std::string description;
  std::string value;               // TEXT, INT... ("" for a flag)
  std::vector<std::string> choices;
};

struct CommandSpec {
  std::string name;  // "" for the top level
  std::string description;
  std::vector<FlagSpec> flags;
  std::vector<std::pair<std::string, std::string>> positionals;  // name, description
};

/// Completion script for `shell` ("bash" or "zsh") covering every command and flag; the first
/// command is the top level.
[[nodiscard]] std::string completion_script(const std::vector<CommandSpec>& commands, const std::string& shell);
/// specconv(1) in roff, from the same description.
[[nodiscard]] std::string man_page(const std::vector<CommandSpec>& commands, const std::string& version);

}  // namespace specconv::cli
