// JSON writer for io::Node. Hand-written so that output order and number text are exactly the
// tree's, with no library state involved.
#include "io/json_write.h"

#include <cstdio>

#include "io/utf8.h"

namespace specconv::io {
namespace {

void write(const Node& n, int indent, int level, std::string& out) {
  auto newline = [&](int lvl) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * lvl), ' ');
  };
  switch (n.kind()) {
    case Node::Kind::kNull: out += "null"; break;
    case Node::Kind::kBool: out += n.as_bool() ? "true" : "false"; break;
    case Node::Kind::kInt: out += std::to_string(n.as_int()); break;
    case Node::Kind::kFloat: {
      if (!n.text().empty() && n.text().find_first_not_of("0123456789+-.eE") == std::string::npos) {
        out += n.text();
      } else {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", n.as_float());
        out += buf;
      }
      break;
    }
    case Node::Kind::kString: out += json_quote(n.text()); break;
    case Node::Kind::kArray: {
      if (n.items().empty()) {
        out += "[]";
        break;
      }
      out += '[';
      bool first = true;
      for (const Node& item : n.items()) {
        if (!first) out += ',';
        first = false;
        newline(level + 1);
        write(item, indent, level + 1, out);
      }
      newline(level);
      out += ']';
      break;
    }
    case Node::Kind::kObject: {
      if (n.members().empty()) {
        out += "{}";
        break;
      }
      out += '{';
      bool first = true;
      for (const auto& [k, v] : n.members()) {
        if (!first) out += ',';
        first = false;
        newline(level + 1);
        out += json_quote(k);
        out += indent < 0 ? ":" : ": ";
        write(v, indent, level + 1, out);
      }
      newline(level);
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c < 0x80) {
          out += static_cast<char>(c);
        } else if (const std::size_t len = utf8_sequence_length(s, i); len > 0) {
          out.append(s, i, len);
          i += len - 1;
        } else {
          out += "\\ufffd";  // not UTF-8 (a string cut inside a character): JSON must be
        }
    }
  }
  out += '"';
  return out;
}

std::string to_json(const Node& node, int indent, int level) {
  std::string out;
  write(node, indent, level, out);
  return out;
}

}  // namespace specconv::io
