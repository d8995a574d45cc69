// YAML text -> io::Node documents, through yaml-cpp. Plain scalars are typed the way kubectl
// reads them (YAML 1.1 booleans such as `yes`/`on` included; the source text is kept so a
// reader can explain the pitfall). Duplicate keys, alias expansion and nesting are checked.
// The only place that parses YAML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/limits.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::io {

struct YamlDocument {
  Node root;
  int64_t index = 0;  // position in the stream, 0-based, counting empty documents too
};

/// Parses a YAML stream. Empty documents are skipped. On a syntax error or a limit the whole
/// stream is rejected (`ok` false) and an error is reported.
struct YamlLoad {
  std::vector<YamlDocument> documents;
  bool ok = true;
};
[[nodiscard]] YamlLoad load_yaml(std::string_view text, const std::string& file,
                                 const Limits& limits, Diagnostics& diags);

/// How a plain (unquoted) YAML scalar is typed by kubectl's YAML 1.1 reader.
[[nodiscard]] Node resolve_plain_scalar(const std::string& text);

}  // namespace specconv::io
