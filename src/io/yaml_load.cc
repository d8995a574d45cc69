// YAML reader: yaml-cpp nodes -> io::Node with 1-based positions. yaml-cpp keeps duplicate
// keys (first wins on lookup), so they are detected here; aliases are expanded under the
// node-count limit; nesting is bounded before yaml-cpp's recursive parser ever sees the text.
#include "io/yaml_load.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <optional>
#include <regex>
#include <set>

namespace specconv::io {
namespace {

/// Deepest flow/block nesting a quick scan can see, so that yaml-cpp (which recurses) is
/// never handed input that could overflow the stack. Counts flow brackets outside quotes and
/// comments, and for block style the leading indentation (at least one more column per level;
/// two is assumed) plus the "- - -" sequence entries that open a level each on one line.
std::size_t rough_depth(std::string_view text) {
  std::size_t flow = 0, max_flow = 0, max_block = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    std::size_t p = i;
    while (p < end && text[p] == ' ') ++p;
    std::size_t levels = (p - i) / 2;
    while (p + 1 < end && text[p] == '-' && text[p + 1] == ' ') {
      ++levels;
      p += 2;
      while (p < end && text[p] == ' ') ++p;
    }
    max_block = std::max(max_block, levels);
    bool in_single = false, in_double = false;
    for (std::size_t k = p; k < end; ++k) {
      const char c = text[k];
      if (in_double) {
        if (c == '\\') ++k;
        else if (c == '"') in_double = false;
      } else if (in_single) {
        if (c == '\'') in_single = false;
      } else if (c == '"') {
        in_double = true;
      } else if (c == '\'') {
        in_single = true;
      } else if (c == '#' && (k == p || text[k - 1] == ' ')) {
        break;
      } else if (c == '[' || c == '{') {
        max_flow = std::max(max_flow, ++flow);
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      }
    }
    i = end + 1;
  }
  return std::max(max_flow, max_block);
}

/// yaml-cpp 0.7 loops forever on a document whose first token is a flow entry (","), which
/// is invalid YAML anyway: find it before yaml-cpp sees the text. Returns the 0-based offset of
/// the offending ',' or npos.
std::size_t document_starting_with_comma(std::string_view text) {
  bool at_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    std::string_view line = text.substr(i, end - i);
    const bool marker = line.rfind("---", 0) == 0 && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker || (line.rfind("...", 0) == 0)) {
      at_start = true;
      line = marker ? line.substr(3) : std::string_view();
    }
    if (at_start) {
      std::size_t p = 0;
      while (true) {
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t' || line[p] == '\r')) ++p;
        if (p < line.size() && (line[p] == '&' || line[p] == '!')) {  // node properties
          while (p < line.size() && line[p] != ' ' && line[p] != '\t') ++p;
          continue;
        }
        break;
      }
      if (p < line.size() && line[p] != '#' && !(p == 0 && line[0] == '%')) {
        if (line[p] == ',') return static_cast<std::size_t>(line.data() - text.data()) + p;
        at_start = false;
      }
    }
    i = end + 1;
  }
  return std::string_view::npos;
}

bool full_match(const std::string& s, const std::regex& re) { return std::regex_match(s, re); }

class Converter {
 public:
  Converter(const std::string& file, int64_t doc, const Limits& limits, Diagnostics& diags)
      : file_(file), doc_(doc), limits_(limits), diags_(diags) {}

  bool convert(const YAML::Node& in, Node& out, const std::string& path, std::size_t depth) {
    if (failed_) return false;
    if (++nodes_ > limits_.max_nodes) {
      return fail(in, path, "too-many-values",
                  "more than " + std::to_string(limits_.max_nodes) +
                      " values after alias expansion (an alias bomb?)");
    }
    if (depth > limits_.max_depth) {
      return fail(in, path, "nesting-too-deep",
                  "nesting deeper than " + std::to_string(limits_.max_depth) +
                      " levels (raise with --max-depth)");
    }
    // An alias reaches a collection a second time (same mark): count what it expands to.
    const bool collection = in.Type() == YAML::NodeType::Map || in.Type() == YAML::NodeType::Sequence;
    bool entered_alias = false;
    if (collection) {
      const YAML::Mark m = in.Mark();
      if (!seen_.insert({m.pos, m.line}).second && alias_depth_ == 0) {
        ++alias_depth_;
        entered_alias = true;
      }
    }
    if (alias_depth_ > 0 && ++alias_nodes_ > limits_.max_alias_nodes) {
      return fail(in, path, "alias-expansion-limit",
                  "YAML aliases expand to more than " + std::to_string(limits_.max_alias_nodes) +
                      " values (an alias bomb?)");
    }
    const bool ok = convert_node(in, out, path, depth);
    if (entered_alias) --alias_depth_;
    return ok;
  }

  bool convert_node(const YAML::Node& in, Node& out, const std::string& path, std::size_t depth) {
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out = Node::null();
        break;
      case YAML::NodeType::Scalar: {
        const std::string& s = in.Scalar();
        if (s.size() > limits_.max_string_bytes) {
          return fail(in, path, "string-too-long",
                      "a scalar of " + std::to_string(s.size()) + " bytes exceeds the limit of " +
                          std::to_string(limits_.max_string_bytes) + " bytes");
        }
        const std::string& tag = in.Tag();
        if (tag == "?") out = resolve_plain_scalar(s);
        else out = Node::string(s);  // quoted, block literal, or explicit !!str
        break;
      }
      case YAML::NodeType::Sequence: {
        out = Node::array();
        std::size_t i = 0;
        for (const auto& item : in) {
          Node child;
          if (!convert(item, child, path + "/" + std::to_string(i++), depth + 1)) return false;
          out.items().push_back(std::move(child));
        }
        break;
      }
      case YAML::NodeType::Map: {
        out = Node::object();
        std::set<std::string, std::less<>> seen;
        for (const auto& kv : in) {
          if (!kv.first.IsScalar()) {
            return fail(kv.first, path, "yaml-complex-key", "only scalar mapping keys are supported");
          }
          const std::string key = kv.first.Scalar();
          const std::string child_path = path + "/" + escape(key);
          if (key == "<<" && kv.first.Tag() == "?") {
            return fail(kv.first, child_path, "yaml-merge-key",
                        "merge keys (<<) are not supported by Kubernetes' YAML reader");
          }
          if (!seen.insert(key).second) {
            return fail(kv.first, child_path, "duplicate-key",
                        "duplicate key \"" + key + "\" in the same mapping");
          }
          Node child;
          if (!convert(kv.second, child, child_path, depth + 1)) return false;
          const YAML::Mark m = kv.first.Mark();
          child.set_position(m.line + 1, m.column + 1);
          out.members().emplace_back(key, std::move(child));
        }
        break;
      }
    }
    if (out.line() == 0) {
      const YAML::Mark m = in.Mark();
      if (m.line >= 0) out.set_position(m.line + 1, m.column + 1);
    }
    return true;
  }

 private:
  static std::string escape(std::string_view k) {
    std::string out;
    for (char c : k) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }

  bool fail(const YAML::Node& at, const std::string& path, const std::string& code,
            const std::string& message) {
    const YAML::Mark m = at.Mark();
    diags_.error(code, {file_, path, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0, doc_},
                 message);
    failed_ = true;
    return false;
  }

  const std::string& file_;
  int64_t doc_;
  const Limits& limits_;
  Diagnostics& diags_;
  std::size_t nodes_ = 0;
  std::size_t alias_nodes_ = 0;
  int alias_depth_ = 0;
  std::set<std::pair<std::size_t, int>> seen_;
  bool failed_ = false;
};

}  // namespace

Node resolve_plain_scalar(const std::string& s) {
  static const std::regex kInt(R"([-+]?[0-9][0-9_]*)");
  static const std::regex kHex(R"(0x[0-9a-fA-F_]+)");
  static const std::regex kOct(R"(0o[0-7_]+)");
  static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)");
  static const std::regex kInf(R"([-+]?\.(inf|Inf|INF))");
  static const std::regex kNan(R"(\.(nan|NaN|NAN))");
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Node::null();
  static const std::set<std::string, std::less<>> kTrue = {"true", "True", "TRUE", "yes", "Yes", "YES",
                                                            "on",   "On",   "ON",   "y",   "Y"};
  static const std::set<std::string, std::less<>> kFalse = {"false", "False", "FALSE", "no", "No", "NO",
                                                             "off",   "Off",   "OFF",   "n",  "N"};
  if (kTrue.count(s)) return std::move(Node::boolean(true).with_text(s));
  if (kFalse.count(s)) return std::move(Node::boolean(false).with_text(s));
  const char c0 = s[0];
  const bool numeric_start = (c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.';
  if (!numeric_start) return Node::string(s);
  auto parse_int = [&](const std::string& digits, int base) -> std::optional<int64_t> {
    std::string clean;
    for (char c : digits) {
      if (c != '_') clean += c;
    }
    try {
      std::size_t used = 0;
      const long long v = std::stoll(clean, &used, base);
      if (used != clean.size()) return std::nullopt;
      return static_cast<int64_t>(v);
    } catch (...) {
      return std::nullopt;
    }
  };
  if (full_match(s, kInt)) {
    // YAML 1.1 (kubectl): a leading 0 means octal.
    const bool negative = s[0] == '-';
    const std::string body = (s[0] == '-' || s[0] == '+') ? s.substr(1) : s;
    const bool octal = body.size() > 1 && body[0] == '0';
    if (auto v = parse_int(s, octal ? 8 : 10)) return std::move(Node::integer(*v).with_text(s));
    if (octal) {
      // digits 8/9 after a leading 0: not octal, read as a decimal number by YAML 1.2
      if (auto v = parse_int(s, 10)) return std::move(Node::integer(*v).with_text(s));
    }
    (void)negative;
    return Node::floating(std::strtod(s.c_str(), nullptr), s);
  }
  if (full_match(s, kHex)) {
    if (auto v = parse_int(s.substr(2), 16)) return std::move(Node::integer(*v).with_text(s));
    return Node::string(s);
  }
  if (full_match(s, kOct)) {
    if (auto v = parse_int(s.substr(2), 8)) return std::move(Node::integer(*v).with_text(s));
    return Node::string(s);
  }
  if (s != "." && full_match(s, kFloat)) {
    std::string clean;
    for (char c : s) {
      if (c != '_') clean += c;
    }
    return Node::floating(std::strtod(clean.c_str(), nullptr), s);
  }
  if (full_match(s, kInf)) return Node::floating(s[0] == '-' ? -HUGE_VAL : HUGE_VAL, s);
  if (full_match(s, kNan)) return Node::floating(NAN, s);
  return Node::string(s);
}

YamlLoad load_yaml(std::string_view text, const std::string& file, const Limits& limits,
                   Diagnostics& diags) {
  YamlLoad result;
  if (rough_depth(text) > limits.max_depth) {
    diags.error("nesting-too-deep", {file, "", 0, 0, -1},
                "nesting deeper than " + std::to_string(limits.max_depth) +
                    " levels (raise with --max-depth)");
    result.ok = false;
    return result;
  }
  if (const std::size_t comma = document_starting_with_comma(text); comma != std::string_view::npos) {
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k < comma; ++k) {
      if (text[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    diags.error("yaml-syntax", {file, "", static_cast<int64_t>(line), static_cast<int64_t>(column), -1},
                "a document cannot start with ',' (a flow entry outside [ ] or { })");
    result.ok = false;
    return result;
  }
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::ParserException& e) {
    // yaml-cpp's message for a tab in indentation ("illegal map value") does not say why.
    std::string message = e.msg;
    int64_t line = e.mark.line + 1, column = e.mark.column + 1;
    std::size_t start = 0;
    for (int64_t l = 1; l <= line && start < text.size(); ++l) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      if (l >= line - 1) {
        const std::size_t indent_end = text.find_first_not_of(" \t", start);
        const std::size_t tab = text.find('\t', start);
        if (tab != std::string_view::npos && tab < std::min(indent_end, end)) {
          message = "tab character in indentation (YAML allows only spaces)";
          line = l;
          column = static_cast<int64_t>(tab - start) + 1;
          break;
        }
      }
      start = end + 1;
    }
    diags.error("yaml-syntax", {file, "", line, column, -1}, message);
    result.ok = false;
    return result;
  } catch (const YAML::Exception& e) {
    diags.error("yaml-syntax", {file, "", e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                e.mark.column >= 0 ? e.mark.column + 1 : 0, -1},
                e.msg);
    result.ok = false;
    return result;
  }
  if (docs.size() > limits.max_documents) {
    diags.error("too-many-documents", {file, "", 0, 0, -1},
                std::to_string(docs.size()) + " documents exceed the limit of " +
                    std::to_string(limits.max_documents));
    result.ok = false;
    return result;
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].IsNull()) continue;
    Converter conv(file, static_cast<int64_t>(i), limits, diags);
    YamlDocument d;
    d.index = static_cast<int64_t>(i);
    if (!conv.convert(docs[i], d.root, "", 0)) {
      result.ok = false;
      result.documents.clear();
      return result;
    }
    result.documents.push_back(std::move(d));
  }
  return result;
}

}  // namespace specconv::io
