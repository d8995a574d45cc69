// YAML scalar quoting: plain-scalar safety check (union of the YAML 1.1 and
// YAML 1.2 core implicit-type rules, plus plain-scalar syntax rules) and the
// double-quoted renderer with escapes.
#include "io/yaml_quoting.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace specconv::io {
namespace {

struct Utf8Char {
  char32_t cp = 0;
  std::size_t len = 0;
};

// Decodes one well-formed UTF-8 sequence starting at s[i]. Rejects truncated
// sequences, bad continuation bytes, overlong forms, surrogates and code
// points above U+10FFFF.
std::optional<Utf8Char> decode_utf8(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    return Utf8Char{b0, 1};
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min_cp = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    len = 2;
    cp = b0 & 0x1FU;
    min_cp = 0x80;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    len = 3;
    cp = b0 & 0x0FU;
    min_cp = 0x800;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    len = 4;
    cp = b0 & 0x07U;
    min_cp = 0x10000;
  } else {
    return std::nullopt;
  }
  if (s.size() - i < len) {
    return std::nullopt;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) {
      return std::nullopt;
    }
    cp = (cp << 6U) | (b & 0x3FU);
  }
  if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return std::nullopt;
  }
  return Utf8Char{cp, len};
}

// Code points that are line breaks in YAML 1.1 (U+2028/U+2029), a byte order
// mark (U+FEFF) or outside YAML's printable set (U+FFFE/U+FFFF).
bool is_special_unicode(char32_t cp) {
  return cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

// C0 controls (tab and line breaks included), DEL and C1 controls (NEL too).
bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}

// Words resolved as null or bool by YAML 1.1 or 1.2 (matched
// case-insensitively, which is a superset of the spec's case forms).
constexpr std::array<std::string_view, 10> kReservedWords = {
    "null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"};

bool is_reserved_word(std::string_view s) {
  if (s == "=" || s == "<<") {  // YAML 1.1 value key, merge key.
    return true;
  }
  for (const std::string_view word : kReservedWords) {
    if (iequals(s, word)) {
      return true;
    }
  }
  return false;
}

// Superset of decimal ints, YAML 1.1 `0777` octals and base-10 floats of both
// versions: `[0-9.][0-9_.]*([eE][-+]?[0-9]+)?`. Multiple dots are accepted on
// purpose: the YAML 1.1 float regex `([0-9][0-9_]*)?\.[0-9.]*` allows them.
bool looks_decimal_or_float(std::string_view t) {
  if (t.empty() || (!is_digit(t[0]) && t[0] != '.')) {
    return false;
  }
  std::size_t i = 0;
  while (i < t.size() && (is_digit(t[i]) || t[i] == '_' || t[i] == '.')) {
    ++i;
  }
  if (i == t.size()) {
    return true;
  }
  if (t[i] != 'e' && t[i] != 'E') {
    return false;
  }
  ++i;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    ++i;
  }
  const std::size_t digits_start = i;
  while (i < t.size() && is_digit(t[i])) {
    ++i;
  }
  return i == t.size() && i > digits_start;
}

// `0x..`, `0o..`, `0b..` (either letter case, `_` allowed). `0x_` counts: it
// matches the YAML 1.1 regex (and makes PyYAML fail to construct an int).
bool looks_prefixed_int(std::string_view t) {
  if (t.size() < 3 || t[0] != '0') {
    return false;
  }
  const char prefix = ascii_lower(t[1]);
  for (const char c : t.substr(2)) {
    if (c == '_') {
      continue;
    }
    const char lc = ascii_lower(c);
    const bool ok = (prefix == 'x' && (is_digit(c) || (lc >= 'a' && lc <= 'f'))) ||
                    (prefix == 'o' && c >= '0' && c <= '7') ||
                    (prefix == 'b' && (c == '0' || c == '1'));
    if (!ok) {
      return false;
    }
  }
  return true;
}

// YAML 1.1 base-60 int/float, widened: `[0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?`.
bool looks_sexagesimal(std::string_view t) {
  const auto digit_or_underscore = [&t](std::size_t j) { return is_digit(t[j]) || t[j] == '_'; };
  if (t.empty() || !is_digit(t[0])) {
    return false;
  }
  std::size_t i = 0;
  while (i < t.size() && digit_or_underscore(i)) {
    ++i;
  }
  int groups = 0;
  while (i < t.size() && t[i] == ':') {
    ++i;
    const std::size_t start = i;
    while (i < t.size() && digit_or_underscore(i)) {
      ++i;
    }
    if (i == start) {
      return false;
    }
    ++groups;
  }
  if (groups == 0) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && digit_or_underscore(i)) {
      ++i;
    }
  }
  return i == t.size();
}

bool looks_numeric_body(std::string_view t) {
  return looks_decimal_or_float(t) || looks_prefixed_int(t) || looks_sexagesimal(t);
}

// Any int or float form of YAML 1.1, YAML 1.2 core, or go-yaml v2 (which
// deletes every `_` before parsing with Go's base-prefix-aware ParseInt).
bool looks_numeric(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  const char first = s[0];
  if (!is_digit(first) && first != '.' && first != '+' && first != '-') {
    return false;  // Every implementation gates numbers on this first char.
  }
  std::string_view body = s;
  if (first == '+' || first == '-') {
    body.remove_prefix(1);
  }
  if (iequals(body, ".inf") || iequals(body, ".nan")) {
    return true;
  }
  if (looks_numeric_body(body)) {
    return true;
  }
  std::string stripped;
  for (const char c : body) {
    if (c != '_') {
      stripped.push_back(c);
    }
  }
  return looks_numeric_body(stripped);
}

// `YYYY-M-D` or `YYYY-MM-DD`, alone or followed by `T`, `t`, space or tab
// (the start of every YAML 1.1 / go-yaml timestamp form).
bool looks_timestamp(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&s, &i](std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (i < s.size() && n < max && is_digit(s[i])) {
      ++i;
      ++n;
    }
    return n >= min;
  };
  const auto dash = [&s, &i] {
    if (i < s.size() && s[i] == '-') {
      ++i;
      return true;
    }
    return false;
  };
  if (!(digits(4, 4) && dash() && digits(1, 2) && dash() && digits(1, 2))) {
    return false;
  }
  return i == s.size() || s[i] == 'T' || s[i] == 't' || s[i] == ' ' || s[i] == '\t';
}

// Characters that cannot start a plain scalar (or may only in some contexts;
// we quote in all of them).
constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";

bool has_bad_syntax(std::string_view s) {
  if (s.front() == ' ' || s.back() == ' ') {
    return true;
  }
  if (kIndicators.find(s.front()) != std::string_view::npos) {
    return true;
  }
  if (s.starts_with("...")) {  // Document end marker at column 0.
    return true;
  }
  if (s.back() == ':' || s.find(": ") != std::string_view::npos ||
      s.find(" #") != std::string_view::npos) {
    return true;
  }
  for (std::size_t i = 0; i < s.size();) {
    const auto ch = decode_utf8(s, i);
    if (!ch || is_control(ch->cp) || is_special_unicode(ch->cp)) {
      return true;
    }
    i += ch->len;
  }
  return false;
}

// Appends `\x` + 2 or `\u` + 4 upper-case hex digits of `value`.
template <int kDigits>
void append_hex_escape(std::string& out, std::uint32_t value) {
  static_assert(kDigits == 2 || kDigits == 4);
  constexpr std::string_view kHex = "0123456789ABCDEF";
  out += kDigits == 2 ? "\\x" : "\\u";
  for (int shift = (kDigits - 1) * 4; shift >= 0; shift -= 4) {
    out.push_back(kHex[(value >> static_cast<unsigned>(shift)) & 0xFU]);
  }
}

}  // namespace

bool needs_quotes(std::string_view s) {
  if (s.empty()) {
    return true;
  }
  return has_bad_syntax(s) || is_reserved_word(s) || looks_numeric(s) || looks_timestamp(s);
}

std::string double_quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    const auto ch = decode_utf8(s, i);
    if (!ch) {
      append_hex_escape<2>(out, static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    const char32_t cp = ch->cp;
    switch (cp) {
      case U'\\':
        out += "\\\\";
        break;
      case U'"':
        out += "\\\"";
        break;
      case U'\0':
        out += "\\0";
        break;
      case U'\t':
        out += "\\t";
        break;
      case U'\n':
        out += "\\n";
        break;
      case U'\r':
        out += "\\r";
        break;
      default:
        if (is_control(cp)) {
          append_hex_escape<2>(out, static_cast<std::uint32_t>(cp));
        } else if (is_special_unicode(cp)) {
          append_hex_escape<4>(out, static_cast<std::uint32_t>(cp));
        } else {
          out.append(s.substr(i, ch->len));
        }
        break;
    }
    i += ch->len;
  }
  out.push_back('"');
  return out;
}

std::string yaml_scalar(std::string_view s) {
  if (needs_quotes(s)) {
    return double_quoted(s);
  }
  return std::string(s);
}

}  // namespace specconv::io
