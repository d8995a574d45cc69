// The schema walker.
#include "validate/walk.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "io/pointer.h"
#include "io/suggest.h"
#include "validate/validator.h"

namespace specconv::validate::detail {

std::string dotted(std::string_view pointer) {
  std::string out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t j = pointer.find('/', i + 1);
    if (j == std::string_view::npos) j = pointer.size();
    const std::string tok = io::unescape_pointer_token(pointer.substr(i + 1, j - i - 1));
    bool index = !tok.empty() && std::all_of(tok.begin(), tok.end(), [](unsigned char c) { return std::isdigit(c); });
    bool plain = !tok.empty() && std::all_of(tok.begin(), tok.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '_' || c == '-';
    });
    if (index) {
      out += "[" + tok + "]";
    } else if (plain) {
      if (!out.empty()) out += ".";
      out += tok;
    } else {
      out += "[\"" + tok + "\"]";
    }
    i = j;
  }
  return out.empty() ? "(root)" : out;
}

std::string describe(const io::Node& n) {
  switch (n.kind()) {
    case io::Node::Kind::kNull: return "null";
    case io::Node::Kind::kBool: return std::string("boolean ") + (n.as_bool() ? "true" : "false");
    case io::Node::Kind::kInt: return "number " + std::to_string(n.as_int());
    case io::Node::Kind::kFloat: return "number " + n.text();
    case io::Node::Kind::kString: return "string \"" + n.text() + "\"";
    case io::Node::Kind::kArray: return "array";
    case io::Node::Kind::kObject: return "object";
  }
  return "value";
}

std::string describe_type(const io::Node& n) {
  switch (n.kind()) {
    case io::Node::Kind::kNull: return "null";
    case io::Node::Kind::kBool: return "a boolean";
    case io::Node::Kind::kInt:
    case io::Node::Kind::kFloat: return "a number";
    case io::Node::Kind::kString: return "a string";
    case io::Node::Kind::kArray: return "an array";
    case io::Node::Kind::kObject: return "an object";
  }
  return "a value";
}

std::string Walker::show(const io::Node& node, const std::string& pointer) const {
  for (const auto& s : secret_) {
    if (pointer.compare(0, s.size(), s) == 0 && (pointer.size() == s.size() || pointer[s.size()] == '/')) {
      return describe_type(node) + "; value not shown: Secret data";
    }
  }
  return describe(node);
}

void Walker::error(std::string_view code, const std::string& pointer, const io::Node& node, std::string message) {
  SourceLocation loc = where_;
  loc.pointer = loc.pointer + pointer;
  if (node.line() > 0) {
    loc.line = node.line();
    loc.column = node.column();
  }
  diags_.error(std::string(code), loc, dotted(loc.pointer) + ": " + std::move(message));
}

void Walker::warning(std::string_view code, const std::string& pointer, const io::Node& node, std::string message) {
  SourceLocation loc = where_;
  loc.pointer = loc.pointer + pointer;
  if (node.line() > 0) {
    loc.line = node.line();
    loc.column = node.column();
  }
  diags_.warning(std::string(code), loc, dotted(loc.pointer) + ": " + std::move(message));
}

void Walker::type_error(const char* expected, const io::Node& node, const std::string& pointer) {
  const std::string got = show(node, pointer);
  std::string msg = std::string("must be ") + expected + " (got " + got + ")";
  const bool hidden = got.find("value not shown") != std::string::npos;
  // YAML 1.1 pitfalls: an unquoted yes/on/0755 where a string is wanted.
  if (hidden && k8s_ && !node.is_string() && node.is_scalar() && std::string_view(expected) == "string") {
    msg += " [an unquoted scalar is not a string in YAML 1.1 (kubectl): quote it]";
  } else if (k8s_ && !node.is_string() && node.is_scalar() && !node.text().empty() && std::string_view(expected) == "string") {
    msg += " [unquoted " + node.text() + " is not a string in YAML 1.1 (kubectl): quote it]";
  }
  error("schema-type", pointer, node, std::move(msg));
}

namespace {

bool integral(const io::Node& n) {
  if (n.is_int()) return true;
  return n.is_float() && std::isfinite(n.as_float()) && std::floor(n.as_float()) == n.as_float();
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "\"" : ", \"") + v + "\"";
  return out;
}

}  // namespace

void Walker::walk(const Type& type, const io::Node& node, std::string& pointer) {
  using K = Type::Kind;
  if (node.is_null() && k8s_) return;  // the API server drops nulls
  switch (type.kind) {
    case K::kAny:
      return;
    case K::kString:
      if (!node.is_string()) return type_error(type.ecs ? "a string" : "string", node, pointer);
      break;
    case K::kTimestamp:
      if (!node.is_string() && !node.is_number()) type_error("a timestamp", node, pointer);
      return;
    case K::kInteger:
      if (!integral(node)) return type_error(type.ecs ? "an integer" : "integer", node, pointer);
      break;
    case K::kNumber:
      if (!node.is_number()) return type_error("a number", node, pointer);
      break;
    case K::kBoolean:
      if (!node.is_bool()) return type_error(type.ecs ? "a boolean" : "boolean", node, pointer);
      return;
    case K::kIntOrString:
      if (!integral(node) && !node.is_string()) type_error("integer or string", node, pointer);
      return;
    case K::kQuantity:
      if (node.is_number()) return;
      if (!node.is_string() || !is_quantity(node.text())) {
        error("schema-format", pointer, node,
              "must be a number or a string in quantity format like 500m, 1Gi (got " + show(node, pointer) + ")");
      }
      return;
    case K::kEnum: {
      if (!node.is_string()) return type_error(type.ecs ? "a string" : "string", node, pointer);
      for (const auto& v : type.enum_values) {
        if (v == node.text()) return;
      }
      error("schema-enum", pointer, node,
            "must be one of " + quoted_list(type.enum_values) + " (got " + show(node, pointer) + ")");
      return;
    }
    case K::kArray: {
      if (!node.is_array()) return type_error(type.ecs ? "an array" : "array", node, pointer);
      const std::size_t len = pointer.size();
      for (std::size_t i = 0; i < node.items().size(); ++i) {
        pointer += '/';
        pointer += std::to_string(i);
        walk(*type.item, node.items()[i], pointer);
        pointer.resize(len);
      }
      break;
    }
    case K::kMap: {
      if (!node.is_object()) return type_error(type.ecs ? "an object" : "object", node, pointer);
      const std::size_t len = pointer.size();
      for (const auto& [key, value] : node.members()) {
        io::append_pointer_token(pointer, key);
        walk(*type.item, value, pointer);
        pointer.resize(len);
      }
      break;
    }
    case K::kObject: {
      if (!node.is_object()) return type_error(type.ecs ? "an object" : "object", node, pointer);
      for (const auto& p : type.props) {
        if (!p.required) continue;
        const io::Node* v = node.find(p.name);
        if (v == nullptr || (k8s_ && v->is_null())) {
          error("schema-missing-field", pointer, node,
                std::string(type.ecs ? "missing required member \"" : "missing required field \"") + p.name + "\"");
        }
      }
      const std::size_t len = pointer.size();
      for (const auto& [key, value] : node.members()) {
        const Property* p = type.prop(key);
        io::append_pointer_token(pointer, key);
        if (p == nullptr) {
          std::vector<std::string_view> known;
          known.reserve(type.props.size());
          for (const auto& q : type.props) known.emplace_back(q.name);
          std::string msg = std::string(type.ecs ? "unknown member \"" : "unknown field \"") + key + "\"";
          std::optional<std::string> hint = io::did_you_mean(key, known);
          if (!hint && key.size() >= 4) {  // a truncated name: taskRole -> taskRoleArn
            for (auto k : known) {
              if (k.size() > key.size() && k.compare(0, key.size(), key) == 0) {
                hint = std::string(k);
                break;
              }
            }
          }
          if (hint) msg += " (did you mean \"" + *hint + "\"?)";
          error("schema-unknown-field", pointer, value, std::move(msg));
        } else {
          walk(*p->type, value, pointer);
        }
        pointer.resize(len);
      }
      break;
    }
  }
  // The AWS model's ranges: string length, list size, number value.
  if (type.ecs && (type.min || type.max)) {
    int64_t v = 0;
    const char* what = "value";
    if (node.is_string()) {
      v = static_cast<int64_t>(node.text().size());
      what = "length";
    } else if (node.is_array()) {
      v = static_cast<int64_t>(node.items().size());
      what = "length";
    } else if (node.is_int()) {
      v = node.as_int();
    } else {
      return;
    }
    const bool hide = node.is_int() && show(node, pointer) != describe(node);
    const std::string got = hide ? " (value not shown: Secret data)" : " (got " + std::to_string(v) + ")";
    if (type.min && v < *type.min) {
      error("schema-range", pointer, node, std::string(what) + " must be >= " + std::to_string(*type.min) + got);
    } else if (type.max && v > *type.max) {
      error("schema-range", pointer, node, std::string(what) + " must be <= " + std::to_string(*type.max) + got);
    }
  }
}

}  // namespace specconv::validate::detail
