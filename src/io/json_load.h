// JSON text -> io::Node, through nlohmann/json's SAX parser (iterative, so deep input cannot
// overflow the stack). Reports syntax errors as file:line:col, duplicate keys, and limits.
// The only place that parses JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/limits.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::io {

/// Parses one JSON document. On failure returns nullopt and reports an error.
[[nodiscard]] std::optional<Node> load_json(std::string_view text, const std::string& file,
                                            const Limits& limits, Diagnostics& diags);

/// 1-based line and column of a byte offset (columns count bytes).
struct LineCol {
  int64_t line = 1;
  int64_t column = 1;
};
[[nodiscard]] LineCol line_col_at(std::string_view text, std::size_t offset);

}  // namespace specconv::io
