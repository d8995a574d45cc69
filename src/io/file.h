// Files: reading whole inputs (with the size limit) and writing outputs atomically
// (temporary file in the same folder, then rename), so no reader ever sees half a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/limits.h"
#include "specconv/diagnostics.h"

namespace specconv::io {

/// Reads `path` ("-" = standard input). Reports unreadable, too large, binary or non-UTF-8
/// input and returns nullopt.
[[nodiscard]] std::optional<std::string> read_input(const std::string& path, const Limits& limits, Diagnostics& diags);

/// Checks that `text` is UTF-8 without NUL bytes; reports the first offending byte.
[[nodiscard]] bool check_text(std::string_view text, const std::string& file, Diagnostics& diags);

/// Writes `content` to `path` through a temporary file and rename; creates parent folders.
/// Returns an error message, or "" on success. Mode 0600 when `private_file`.
[[nodiscard]] std::string write_file_atomic(const std::string& path, std::string_view content, bool private_file = false);

}  // namespace specconv::io
