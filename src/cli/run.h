// Runs a parsed command: reads the inputs, calls the library, renders diagnostics once,
// writes outputs, and maps the result to the documented exit code. The only code that touches
// stdout and stderr.
#pragma once

#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "cli/options.h"
#include "specconv/diagnostics.h"

namespace specconv::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;

/// Expands folders (recursively, sorted) into files with the given extensions; "-" stays.
[[nodiscard]] std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                                   const std::set<std::string>& extensions, Diagnostics& diags);

[[nodiscard]] int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace specconv::cli
