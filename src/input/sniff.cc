// sniff(): what a file is from its text, without parsing it: a scan of the top-level keys of a
// JSON object (values are skipped, not parsed), or of the `kind:` lines of a YAML stream.
#include <algorithm>
#include <cctype>

#include "input/kind.h"
#include "input/kubernetes_kinds.h"
#include "input/top_level.h"

namespace specconv::input {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Skips one JSON value starting at i (strings, numbers, literals, nested containers).
/// Returns the position after it, or npos on malformed input.
std::size_t skip_json_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) return std::string_view::npos;
  if (t[i] == '"') {
    for (++i; i < t.size(); ++i) {
      if (t[i] == '\\') ++i;
      else if (t[i] == '"') return i + 1;
    }
    return std::string_view::npos;
  }
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    for (; i < t.size(); ++i) {
      const char c = t[i];
      if (c == '"') {
        i = skip_json_value(t, i);
        if (i == std::string_view::npos) return i;
        --i;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return std::string_view::npos;
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !is_space(t[i])) ++i;
  return i;
}

ValueType type_at(std::string_view t, std::size_t i) {
  if (t[i] == '"') return ValueType::kString;
  return t[i] == '{' ? ValueType::kObject : ValueType::kOther;
}

/// The top-level keys of the JSON object starting at i; `complete` is false when the text is
/// broken before the object ends (what was seen so far still counts).
TopLevel scan_object(std::string_view t, std::size_t i, bool& complete) {
  TopLevel top;
  complete = false;
  if (i >= t.size() || t[i] != '{') return top;
  ++i;
  while (true) {
    while (i < t.size() && (is_space(t[i]) || t[i] == ',')) ++i;
    if (i >= t.size()) return top;
    if (t[i] == '}') {
      complete = true;
      return top;
    }
    if (t[i] != '"') return top;
    const std::size_t key_end = skip_json_value(t, i);
    if (key_end == std::string_view::npos) return top;
    const std::string_view key = t.substr(i + 1, key_end - i - 2);
    i = key_end;
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size() || t[i] != ':') return top;
    ++i;
    while (i < t.size() && is_space(t[i])) ++i;
    const std::size_t value_end = skip_json_value(t, i);
    if (value_end == std::string_view::npos) return top;
    const ValueType type = type_at(t, i);
    note(top, key, type, type == ValueType::kString ? t.substr(i + 1, value_end - i - 2) : std::string_view());
    i = value_end;
  }
}

/// The first workload kind named at the start of a line (`kind: X` at column 0: top-level keys of
/// YAML documents), or "".
std::string_view yaml_workload_kind(std::string_view t) {
  std::size_t pos = 0;
  while (pos < t.size()) {
    const std::size_t eol = std::min(t.find('\n', pos), t.size());
    std::string_view line = t.substr(pos, eol - pos);
    if (line.substr(0, 5) == "kind:") {
      line.remove_prefix(5);
      while (!line.empty() && (is_space(line.front()) || line.front() == '"' || line.front() == '\'')) line.remove_prefix(1);
      std::size_t n = 0;
      while (n < line.size() && std::isalnum(static_cast<unsigned char>(line[n])) != 0) ++n;
      if (is_workload_kind(line.substr(0, n))) return line.substr(0, n);
    }
    pos = eol + 1;
  }
  return {};
}

/// A YAML CloudFormation template: a `Resources:` line at column 0 and a resource of an AWS type.
bool yaml_cloudformation(std::string_view t) {
  const bool resources = t.substr(0, 10) == "Resources:" || t.find("\nResources:") != std::string_view::npos;
  return resources && (t.find("Type: AWS::") != std::string_view::npos || t.find("Type: 'AWS::") != std::string_view::npos ||
                       t.find("Type: \"AWS::") != std::string_view::npos);
}

Kind sniff_json(std::string_view text, std::size_t i) {
  bool complete = false;
  if (text[i] == '[') {
    std::size_t j = i + 1;
    while (j < text.size() && is_space(text[j])) ++j;
    const TopLevel first = scan_object(text, j, complete);
    if (first.api_version) {  // an array of manifests: its first item's kind does not matter
      Kind k;
      k.shape = Shape::kKubernetesObject;
      k.k8s_kind = "List";
      return k;
    }
    Kind k = decide(first);
    if (k.platform() == Platform::kKubernetes) k = {};
    return k;
  }
  const TopLevel top = scan_object(text, i, complete);
  Kind k = decide(top);
  // Broken JSON groups no folder: it reports its own error when converted on its own.
  if (!complete && k.platform() == Platform::kEcs) k.shape = Shape::kUnknown;
  return k;
}

}  // namespace

std::optional<char> first_significant(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return c;
  }
  return std::nullopt;
}

Kind sniff(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i == text.size()) return {};
  if (text[i] == '{' || text[i] == '[') return sniff_json(text, i);
  Kind k;
  if (yaml_cloudformation(text)) {
    k.shape = Shape::kCloudFormationTemplate;
    return k;
  }
  if (text.find("apiVersion:") != std::string_view::npos && text.find("kind:") != std::string_view::npos) {
    k.shape = Shape::kKubernetesObject;
    k.k8s_kind = std::string(yaml_workload_kind(text));
  }
  return k;
}

}  // namespace specconv::input
