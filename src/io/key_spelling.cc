// Key spelling: folding for look-up, and re-spelling to camelCase for what is carried as written.
#include "io/key_spelling.h"

#include "io/pointer.h"

#include <algorithm>
#include <array>
#include <utility>

namespace specconv::io {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

/// CloudFormation's exceptions to "the API name with its first letter raised"; `parent` is the
/// API key of the enclosing object ("" = any). Read in both directions.
struct Irregular {
  std::string_view parent;
  std::string_view camel;
  std::string_view pascal;
};
constexpr std::array<Irregular, 6> kIrregular = {{
    {"", "efsVolumeConfiguration", "EFSVolumeConfiguration"},
    {"", "fsxWindowsFileServerVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration"},
    {"efsVolumeConfiguration", "fileSystemId", "FilesystemId"},
    {"", "iam", "IAM"},
    {"proxyConfiguration", "properties", "ProxyConfigurationProperties"},
    {"", "placementStrategy", "PlacementStrategies"},
}};

std::string camel_from_pascal(std::string_view key) {
  for (const Irregular& r : kIrregular) {
    if (key == r.pascal) return std::string(r.camel);
  }
  std::string out(key);
  if (!out.empty()) out[0] = lower(out[0]);
  return out;
}

std::string pascal_from_camel(std::string_view key, std::string_view parent) {
  for (const Irregular& r : kIrregular) {
    if (key == r.camel && (r.parent.empty() || parent == r.parent)) return std::string(r.pascal);
  }
  std::string out(key);
  if (!out.empty()) out[0] = upper(out[0]);
  return out;
}

std::string camel_from_snake(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  bool raise = false;
  for (char c : key) {
    if (c == '_') {
      raise = !out.empty();
      continue;
    }
    out += raise ? upper(c) : c;
    raise = false;
  }
  return out;
}

bool free_map(std::string_view camel_key) {
  return camel_key == "dockerLabels" || camel_key == "options" || camel_key == "driverOpts" || camel_key == "labels";
}

}  // namespace

Node to_pascal_keys(const Node& node, std::string_view key) {
  if (free_map(key)) return node;
  if (node.is_array()) {
    Node out = Node::array();
    for (const Node& item : node.items()) out.push(to_pascal_keys(item, key));
    return out;
  }
  if (!node.is_object()) return node;
  Node out = Node::object();
  for (const auto& [k, value] : node.members()) out.set(pascal_from_camel(k, key), to_pascal_keys(value, k));
  return out;
}

const char* to_string(KeyStyle style) {
  switch (style) {
    case KeyStyle::kPascal: return "PascalCase";
    case KeyStyle::kSnake: return "snake_case";
    case KeyStyle::kCamel: break;
  }
  return "camelCase";
}

std::string fold_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c != '_') out += lower(c);
  }
  return out;
}

bool same_key(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i] == '_') ++i;
    while (j < b.size() && b[j] == '_') ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (lower(a[i]) != lower(b[j])) return false;
    ++i;
    ++j;
  }
}

KeyStyle style_of(std::string_view key) {
  if (key.find('_') != std::string_view::npos) return KeyStyle::kSnake;
  if (!key.empty() && key[0] >= 'A' && key[0] <= 'Z') return KeyStyle::kPascal;
  return KeyStyle::kCamel;
}

Node to_camel_keys(const Node& node, KeyStyle from, std::string_view key) {
  if (from == KeyStyle::kCamel || free_map(key)) return node;
  if (node.is_array()) {
    Node out = Node::array();
    for (const Node& item : node.items()) out.push(to_camel_keys(item, from, key));
    return out;
  }
  if (!node.is_object()) return node;
  Node out = Node::object();
  for (const auto& [k, value] : node.members()) {
    std::string camel = from == KeyStyle::kPascal ? camel_from_pascal(k) : camel_from_snake(k);
    Node v = to_camel_keys(value, from, camel);
    out.set(std::move(camel), std::move(v));
  }
  return out;
}

std::string respell_pointer(const Node& root, std::string_view pointer) {
  std::string out;
  const Node* cur = &root;
  std::size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    const std::size_t next = std::min(pointer.find('/', i + 1), pointer.size());
    const std::string token = unescape_pointer_token(pointer.substr(i + 1, next - i - 1));
    const Node* child = nullptr;
    std::string written = token;
    if (cur != nullptr && cur->is_object()) {
      child = cur->find(token);
      for (std::size_t m = 0; child == nullptr && m < cur->members().size(); ++m) {
        if (same_key(cur->members()[m].first, token)) {
          child = &cur->members()[m].second;
          written = cur->members()[m].first;
        }
      }
    } else if (cur != nullptr && cur->is_array() && !token.empty() && token.size() < 10 &&
               token.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t index = std::stoul(token);
      if (index < cur->items().size()) child = &cur->items()[index];
    }
    append_pointer_token(out, written);
    cur = child;
    i = next;
  }
  return out;
}

}  // namespace specconv::io
