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
/// What local tags (`!Ref x`) mean. kIgnore: nothing (Kubernetes); kCloudFormation: the short form
/// of an intrinsic function, read as its long form (`!Ref x` -> {"Ref": "x"}, `!Sub s` ->
/// {"Fn::Sub": "s"}, `!Condition c` -> {"Condition": "c"}); an unknown tag `!X` becomes
/// {"Fn::X": ...} for the template reader to report.
enum class YamlTags { kIgnore, kCloudFormation };
[[nodiscard]] YamlLoad load_yaml(std::string_view text, const std::string& file,
                                 const Limits& limits, Diagnostics& diags, YamlTags tags = YamlTags::kIgnore);

/// How a plain (unquoted) YAML scalar is typed by kubectl's YAML 1.1 reader.
[[nodiscard]] Node resolve_plain_scalar(const std::string& text);

/// The YAML 1.1 core-schema number patterns, as full matches (exposed for their tests).
namespace scalar_syntax {
[[nodiscard]] bool is_int(std::string_view s);    // [-+]?[0-9][0-9_]*
[[nodiscard]] bool is_hex(std::string_view s);    // 0x[0-9a-fA-F_]+
[[nodiscard]] bool is_oct(std::string_view s);    // 0o[0-7_]+
[[nodiscard]] bool is_float(std::string_view s);  // [-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
[[nodiscard]] bool is_inf(std::string_view s);    // [-+]?\.(inf|Inf|INF)
[[nodiscard]] bool is_nan(std::string_view s);    // \.(nan|NaN|NAN)
}  // namespace scalar_syntax

}  // namespace specconv::io
