// Cursor implementation: type checks, liberal coercions with warnings, unknown-key reports.
#include "io/cursor.h"

#include <charconv>
#include <cmath>

#include "io/suggest.h"

namespace specconv::io {

SourceLocation Cursor::location_of(const Node& n, const std::string& ptr) const {
  return SourceLocation{ctx_->file, ptr, n.line(), n.column(), ctx_->document};
}

SourceLocation Cursor::where() const { return location_of(*node_, pointer_); }

const Node* Cursor::peek(std::string_view key) const {
  if (!node_->is_object()) return nullptr;
  if (const Node* n = node_->find(key); n != nullptr || ctx_->keys == KeyStyle::kCamel) return n;
  for (const auto& [k, v] : node_->members()) {
    if (same_key(k, key)) return &v;
  }
  return nullptr;
}

std::string_view Cursor::spelled(std::string_view key) const {
  if (ctx_->keys == KeyStyle::kCamel || !node_->is_object() || node_->find(key) != nullptr) return key;
  for (const auto& member : node_->members()) {
    if (same_key(member.first, key)) return member.first;
  }
  return key;
}

SourceLocation Cursor::where(std::string_view key) const {
  const Node* n = peek(key);
  return location_of(n != nullptr ? *n : *node_, child_pointer(key));
}

bool Cursor::has(std::string_view key) const {
  const Node* n = peek(key);
  return n != nullptr && !n->is_null();
}

const Node* Cursor::take(std::string_view key) {
  const Node* n = peek(key);
  if (n == nullptr) return nullptr;
  consumed_.insert(std::string(spelled(key)));
  return n->is_null() ? nullptr : n;
}

void Cursor::error(std::string_view key, std::string code, std::string message) const {
  ctx_->diags->error(std::move(code), where(key), std::move(message));
}

void Cursor::warning(std::string_view key, std::string code, std::string message) const {
  ctx_->diags->warning(std::move(code), where(key), std::move(message));
}

void Cursor::type_error(const Node& n, const std::string& ptr, std::string_view expected) const {
  std::string got = kind_name(n.kind());
  if (n.is_scalar() && !n.text().empty()) got += " " + n.text();
  ctx_->diags->error("type-mismatch", location_of(n, ptr),
                     "expected " + std::string(expected) + ", got " + got);
}

std::optional<std::string> Cursor::as_string(const Node& n, const std::string& ptr) const {
  if (n.is_string()) return n.text();
  if (n.is_scalar() && !n.is_null()) {
    // An unquoted YAML scalar that a YAML 1.1 reader types as bool/number: keep the text,
    // but say that kubectl would not.
    std::string text = n.text();
    if (text.empty()) {
      if (n.is_bool()) text = n.as_bool() ? "true" : "false";
      else if (n.is_int()) text = std::to_string(n.as_int());
    }
    ctx_->diags->warning("type-coerced", location_of(n, ptr),
                         "expected a string, got " + std::string(kind_name(n.kind())) + " " +
                             text + "; read as the string \"" + text + "\"" +
                             (ctx_->yaml ? " (quote it: kubectl would reject it)" : ""));
    return text;
  }
  type_error(n, ptr, "a string");
  return std::nullopt;
}

std::optional<int64_t> Cursor::as_integer(const Node& n, const std::string& ptr, int64_t min,
                                          int64_t max) const {
  std::optional<int64_t> v;
  if (n.is_int()) {
    v = n.as_int();
  } else if (n.is_float() && std::isfinite(n.as_float()) && n.as_float() == std::floor(n.as_float()) &&
             std::fabs(n.as_float()) < 9.0e15) {
    v = static_cast<int64_t>(n.as_float());
    ctx_->diags->warning("type-coerced", location_of(n, ptr),
                         "expected an integer, got " + n.text() + "; read as " + std::to_string(*v));
  } else if (n.is_string()) {
    int64_t parsed = 0;
    const std::string& s = n.text();
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) {
      v = parsed;
      ctx_->diags->warning("type-coerced", location_of(n, ptr),
                           "expected an integer, got the string \"" + s + "\"; read as " + s);
    }
  }
  if (!v) {
    type_error(n, ptr, "an integer");
    return std::nullopt;
  }
  if (*v < min || *v > max) {
    ctx_->diags->error("out-of-range", location_of(n, ptr),
                       "value " + std::to_string(*v) + " is outside the allowed range " +
                           std::to_string(min) + ".." + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Cursor::as_boolean(const Node& n, const std::string& ptr) const {
  if (n.is_bool()) return n.as_bool();
  if (n.is_string() && (n.text() == "true" || n.text() == "false")) {
    ctx_->diags->warning("type-coerced", location_of(n, ptr),
                         "expected a boolean, got the string \"" + n.text() + "\"; read as " +
                             n.text());
    return n.text() == "true";
  }
  type_error(n, ptr, "a boolean");
  return std::nullopt;
}

std::optional<std::string> Cursor::string(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  return as_string(*n, child_pointer(key));
}

std::optional<int64_t> Cursor::integer(std::string_view key, int64_t min, int64_t max) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  return as_integer(*n, child_pointer(key), min, max);
}

std::optional<bool> Cursor::boolean(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  return as_boolean(*n, child_pointer(key));
}

std::optional<double> Cursor::number(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  if (n->is_int()) return static_cast<double>(n->as_int());
  if (n->is_float()) return n->as_float();
  type_error(*n, child_pointer(key), "a number");
  return std::nullopt;
}

std::optional<std::vector<std::string>> Cursor::strings(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  const std::string ptr = child_pointer(key);
  if (!n->is_array()) {
    type_error(*n, ptr, "a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n->items().size(); ++i) {
    if (auto s = as_string(n->items()[i], ptr + "/" + std::to_string(i))) out.push_back(*s);
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> Cursor::string_map(
    std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  const std::string ptr = child_pointer(key);
  if (!n->is_object()) {
    type_error(*n, ptr, "a map of strings");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : n->members()) {
    if (v.is_null()) {
      out.emplace_back(k, "");
      continue;
    }
    if (auto s = as_string(v, ptr + "/" + escape_pointer_token(k))) out.emplace_back(k, *s);
  }
  return out;
}

std::optional<Cursor> Cursor::object(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_object()) {
    type_error(*n, child_pointer(key), ctx_->yaml ? "a mapping" : "an object");
    return std::nullopt;
  }
  return Cursor(*n, *ctx_, child_pointer(key));
}

const Node* Cursor::array(std::string_view key) {
  const Node* n = take(key);
  if (n == nullptr) return nullptr;
  if (!n->is_array()) {
    type_error(*n, child_pointer(key), ctx_->yaml ? "a sequence" : "an array");
    return nullptr;
  }
  return n;
}

std::vector<Cursor> Cursor::objects(std::string_view key) {
  std::vector<Cursor> out;
  const Node* n = array(key);
  if (n == nullptr) return out;
  const std::string ptr = child_pointer(key);
  for (std::size_t i = 0; i < n->items().size(); ++i) {
    const Node& item = n->items()[i];
    const std::string item_ptr = ptr + "/" + std::to_string(i);
    if (item.is_null()) continue;
    if (!item.is_object()) {
      type_error(item, item_ptr, ctx_->yaml ? "a mapping" : "an object");
      continue;
    }
    out.emplace_back(item, *ctx_, item_ptr);
  }
  return out;
}

void Cursor::finish(const std::vector<std::string_view>& known, Severity severity) {
  if (!node_->is_object()) return;
  for (const auto& [key, value] : node_->members()) {
    if (consumed_.count(key) != 0) continue;
    bool is_known = false;
    for (std::string_view k : known) {
      if (k == key || (ctx_->keys != KeyStyle::kCamel && same_key(k, key))) {
        is_known = true;
        break;
      }
    }
    if (is_known) continue;  // legal but not read here: the caller reports it if it matters
    std::string message = "unknown field \"" + key + "\"";
    if (auto s = did_you_mean(key, known)) message += " (did you mean \"" + *s + "\"?)";
    ctx_->diags->report({severity, "unknown-key", message, location_of(value, child_pointer(key))});
  }
}

}  // namespace specconv::io
