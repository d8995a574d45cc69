// Block YAML writer for io::Node; hand-written so output bytes depend on the tree alone.
#include "io/yaml_write.h"

#include <cmath>
#include <cstdio>

#include "io/yaml_quoting.h"

namespace specconv::io {
namespace {

bool is_empty_collection(const Node& n) {
  return (n.is_array() && n.items().empty()) || (n.is_object() && n.members().empty());
}

std::string scalar(const Node& n) {
  switch (n.kind()) {
    case Node::Kind::kNull: return "null";
    case Node::Kind::kBool: return n.as_bool() ? "true" : "false";
    case Node::Kind::kInt: return std::to_string(n.as_int());
    case Node::Kind::kFloat: {
      if (!n.text().empty() && n.text().find_first_not_of("0123456789+-.eE") == std::string::npos) return n.text();
      const double v = n.as_float();
      if (std::isnan(v)) return ".nan";
      if (std::isinf(v)) return v < 0 ? "-.inf" : ".inf";
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      std::string out = buf;
      // A float must read back as a float: "45" would be an integer.
      if (out.find_first_of(".eE") == std::string::npos) out += ".0";
      return out;
    }
    case Node::Kind::kString: return yaml_scalar(n.text());
    case Node::Kind::kArray: return n.items().empty() ? "[]" : "";
    case Node::Kind::kObject: return n.members().empty() ? "{}" : "";
  }
  return "";
}

void write_block(const Node& n, int indent, std::string& out);

void write_map_body(const Node& n, int indent, bool first_inline, std::string& out) {
  bool first = true;
  for (const auto& [k, v] : n.members()) {
    if (!(first && first_inline)) out.append(static_cast<std::size_t>(indent), ' ');
    first = false;
    const std::string key = yaml_scalar(k);
    // YAML limits implicit keys to 1024 characters; longer ones need the explicit "? key" form.
    const bool explicit_key = key.size() > 1000;
    if (explicit_key) {
      out += "? " + key + "\n";
      out.append(static_cast<std::size_t>(indent), ' ');
    } else {
      out += key;
    }
    out += ':';
    if (v.is_scalar() || is_empty_collection(v)) {
      out += ' ';
      out += scalar(v);
      out += '\n';
    } else if (v.is_array()) {
      out += '\n';
      write_block(v, explicit_key ? indent + 2 : indent, out);  // kubectl style: "- " at the key's indentation
    } else {
      out += '\n';
      write_block(v, indent + 2, out);
    }
  }
}

void write_block(const Node& n, int indent, std::string& out) {
  if (n.is_object()) {
    write_map_body(n, indent, false, out);
    return;
  }
  if (n.is_array()) {
    for (const Node& item : n.items()) {
      out.append(static_cast<std::size_t>(indent), ' ');
      out += "- ";
      if (item.is_scalar() || is_empty_collection(item)) {
        out += scalar(item);
        out += '\n';
      } else if (item.is_object()) {
        write_map_body(item, indent + 2, true, out);
      } else {
        // nested sequence: start on the next line
        out.pop_back();
        out += '\n';
        write_block(item, indent + 2, out);
      }
    }
    return;
  }
  out.append(static_cast<std::size_t>(indent), ' ');
  out += scalar(n);
  out += '\n';
}

}  // namespace

std::string to_yaml(const Node& node) {
  std::string out;
  if (node.is_scalar() || is_empty_collection(node)) {
    out = scalar(node) + "\n";
    return out;
  }
  write_block(node, 0, out);
  return out;
}

}  // namespace specconv::io
