// io::Node -> JSON text (deterministic: members in tree order; floats as their source text).
#pragma once

#include <string>

#include "io/tree.h"

namespace specconv::io {

/// indent < 0: compact, one line. Otherwise pretty-printed with that many spaces, as if `node`
/// stood `level` levels deep in a larger document (its inner lines indented `indent * level`
/// more; the first line is not indented).
[[nodiscard]] std::string to_json(const Node& node, int indent = 2, int level = 0);

/// A JSON string literal (quotes included) for `s`, with control characters escaped.
[[nodiscard]] std::string json_quote(const std::string& s);

}  // namespace specconv::io
