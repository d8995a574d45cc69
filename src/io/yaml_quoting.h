// YAML scalar quoting: decides whether a string can be written as a plain
// (unquoted) YAML scalar without being re-read as null/bool/number/timestamp by
// any common parser (YAML 1.1: go-yaml v2 / kubectl, PyYAML; YAML 1.2 core),
// and renders a double-quoted scalar with escapes when it cannot.
#pragma once

#include <string>
#include <string_view>

namespace specconv::io {

// True when `s` must NOT be emitted as a plain scalar: it would resolve to a
// non-string (null, bool, int, float, timestamp, merge/value key) in YAML 1.1
// or 1.2, or it is not a valid plain scalar (leading indicator, ": ", " #",
// trailing ':', leading/trailing space, control chars, tabs, line breaks,
// invalid UTF-8, non-printable code points). Deliberately conservative: when
// in doubt it answers true. Assumes block context (values in flow collections
// `[...]`/`{...}` would additionally need quoting of `, [ ] { }`).
[[nodiscard]] bool needs_quotes(std::string_view s);

// `s` as a YAML double-quoted scalar, including the surrounding quotes.
// Escapes `\` and `"`, C0 controls and DEL (\0 \t \n \r, else \xNN), C1
// controls (\xNN), U+2028/U+2029/U+FEFF/U+FFFE/U+FFFF (\uNNNN). Valid
// multi-byte UTF-8 passes through. Each byte of invalid UTF-8 becomes \xNN;
// note a YAML reader decodes \xNN as code point U+00NN, so invalid bytes do
// not round-trip (YAML strings are Unicode and cannot hold them).
[[nodiscard]] std::string double_quoted(std::string_view s);

// `s` itself when needs_quotes(s) is false, else double_quoted(s).
[[nodiscard]] std::string yaml_scalar(std::string_view s);

}  // namespace specconv::io
