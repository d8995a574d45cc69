// YAML reader: yaml-cpp nodes -> io::Node with 1-based positions. yaml-cpp keeps duplicate
// keys (first wins on lookup), so they are detected here; aliases are expanded under the
// value-count and byte limits; nesting and size are bounded before yaml-cpp's recursive parser
// ever sees the text.
#include "io/yaml_load.h"

#include <algorithm>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>

#include <cmath>
#include <optional>
#include <set>

#include "io/pointer.h"

namespace specconv::io {
namespace {

/// `|`, `>`, `|-`, `>+2`, ...: the token that starts a block scalar.
bool is_block_scalar_header(std::string_view token) {
  if (token.empty() || (token[0] != '|' && token[0] != '>') || token.size() > 3) return false;
  for (std::size_t i = 1; i < token.size(); ++i) {
    const char c = token[i];
    if (c != '+' && c != '-' && !(c >= '1' && c <= '9')) return false;
  }
  return true;
}

/// Deepest flow/block nesting a quick scan can see, so that yaml-cpp (which recurses) is
/// never handed input that could overflow the stack. Counts flow brackets outside quotes,
/// comments, plain scalars and block scalars, and for block style the leading indentation (at
/// least one more column per level; two is assumed) plus the "- - -" sequence entries that open
/// a level each on one line. Brackets inside a block-context plain scalar (`a: x{{{`) and the
/// lines of a block scalar (`a: |`) nest nothing: counting them rejected valid YAML, including
/// specconv's own output (a fuzz finding).
std::size_t rough_depth(std::string_view text) {
  std::size_t flow = 0, max_flow = 0, max_block = 0;
  std::size_t block_scalar_parent = std::string_view::npos;  // column of the node that owns a block scalar
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    std::size_t p = i;
    while (p < end && text[p] == ' ') ++p;
    const std::size_t indent = p - i;
    if (block_scalar_parent != std::string_view::npos) {
      const bool blank = p == end || (p + 1 == end && text[p] == '\r');
      if (blank || indent > block_scalar_parent) {  // a line of the block scalar
        i = end + 1;
        continue;
      }
      block_scalar_parent = std::string_view::npos;
    }
    std::size_t levels = indent / 2;
    while (p + 1 < end && text[p] == '-' && text[p + 1] == ' ') {
      ++levels;
      p += 2;
      while (p < end && text[p] == ' ') ++p;
    }
    max_block = std::max(max_block, levels);
    bool in_single = false, in_double = false, in_plain = false;
    bool value_start = true;  // block context: the next token starts a node
    std::size_t k = p;
    for (; k < end; ++k) {
      const char c = text[k];
      const bool space_after = k + 1 >= end || text[k + 1] == ' ' || text[k + 1] == '\t' || text[k + 1] == '\r';
      if (in_double) {
        if (c == '\\') ++k;
        else if (c == '"') in_double = false;
      } else if (in_single) {
        if (c == '\'') in_single = false;
      } else if (c == '#' && (k == p || text[k - 1] == ' ' || text[k - 1] == '\t')) {
        break;
      } else if (in_plain) {  // block context: a plain scalar runs to ": " or the end of the line
        if (c == ':' && space_after) {
          in_plain = false;
          value_start = true;
        }
      } else if (c == ' ' || c == '\t' || c == '\r') {
        continue;
      } else if (k == i && (c == '-' || c == '.') && k + 2 < end && text[k + 1] == c && text[k + 2] == c &&
                 (k + 3 >= end || text[k + 3] == ' ' || text[k + 3] == '\t' || text[k + 3] == '\r')) {
        k += 2;  // a document marker (--- or ...): a node may follow on the same line
        value_start = true;
      } else if (flow > 0) {
        if (c == '"') in_double = true;
        else if (c == '\'') in_single = true;
        else if (c == '[' || c == '{') max_flow = std::max(max_flow, ++flow);
        else if (c == ']' || c == '}') --flow;
      } else {
        if (c == '"') {
          in_double = true;
        } else if (c == '\'') {
          in_single = true;
        } else if (c == '[' || c == '{') {
          max_flow = std::max(max_flow, ++flow);
        } else if ((c == '&' || c == '!') && value_start) {  // a node property: skip it
          while (k + 1 < end && text[k + 1] != ' ' && text[k + 1] != '\t') ++k;
        } else if ((c == '?' || c == '-' || c == ':') && space_after) {
          value_start = true;
        } else if (value_start && (c == '|' || c == '>')) {
          std::size_t t = k;
          while (t < end && text[t] != ' ' && text[t] != '\t' && text[t] != '\r') ++t;
          std::size_t after = t;
          while (after < end && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r')) ++after;
          if (is_block_scalar_header(text.substr(k, t - k)) && (after == end || text[after] == '#')) {
            // Its lines are those indented deeper than the node that owns it: the key (or entry)
            // this line's content starts with, after any "- " (YAML 1.2, 8.1.1.1).
            block_scalar_parent = p - i;
            break;
          }
          in_plain = true;
          value_start = false;
        } else {
          in_plain = true;
          value_start = false;
        }
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


/// yaml-cpp 0.7 decodes the double-quoted escapes `\N` (U+0085) and `\_` (U+00A0) to the single
/// bytes 0x85 and 0xA0 instead of their UTF-8 encodings. The input was valid UTF-8, so a byte
/// that does not belong to a valid sequence came from one of those escapes: encode it properly.
std::string utf8_escapes_repaired(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 4);
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (ok) {
      out.append(s, i, len);
      i += len;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
      ++i;
    }
  }
  return out;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// Thrown by the builder to stop yaml-cpp's parser (a limit, or an invalid construct).
struct Abort {};

/// yaml-cpp parser events -> io::Node documents. Building from events (not YAML::Node) lets
/// every limit apply while parsing: documents, values, alias expansion, nesting, string size.
/// yaml-cpp 0.7 can loop forever producing empty documents on some invalid input; the document
/// limit ends that.
class Builder : public YAML::EventHandler {
 public:
  Builder(const std::string& file, const Limits& limits, Diagnostics& diags, YamlTags tags)
      : file_(file), limits_(limits), diags_(diags), tags_(tags) {}

  std::vector<YamlDocument> take_documents() { return std::move(documents_); }
  [[nodiscard]] std::size_t documents_seen() const { return documents_seen_; }

  void OnDocumentStart(const YAML::Mark&) override {
    if (++documents_seen_ > limits_.max_documents) {
      fail({}, "too-many-documents",
           "more than " + std::to_string(limits_.max_documents) + " documents in one stream, or YAML the parser cannot get past (raise with --max-documents)");
    }
    stack_.clear();
    anchors_.clear();
    root_ = Node();
    has_root_ = false;
  }

  void OnDocumentEnd() override {
    if (has_root_ && !root_.is_null()) {
      documents_.push_back(YamlDocument{std::move(root_), static_cast<int64_t>(documents_seen_ - 1)});
    }
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n = Node::null();
    position(n, mark);
    add(std::move(n), anchor, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end()) fail(mark, "yaml-syntax", "alias to an unknown anchor");
    const Anchored& target = it->second;
    alias_values_ += target.values;
    alias_bytes_ += target.bytes;
    if (alias_bytes_ > limits_.max_alias_bytes) {
      fail(mark, "alias-expansion-limit",
           "YAML aliases repeat more than " + std::to_string(limits_.max_alias_bytes) +
               " bytes of scalars, an alias bomb? (raise with --max-alias-bytes)");
    }
    if (alias_values_ > limits_.max_alias_nodes) {
      fail(mark, "alias-expansion-limit",
           "YAML aliases expand to more than " + std::to_string(limits_.max_alias_nodes) + " values, an alias bomb? (raise with --max-alias-values)");
    }
    count(target.values, target.bytes, mark);
    add(Node(target.node), 0, mark, /*counted=*/true);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > limits_.max_string_bytes) {
      fail(mark, "string-too-long",
           "a scalar of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
               std::to_string(limits_.max_string_bytes) + " bytes (raise with --max-string-length)");
    }
    Node n = tag == "?" ? resolve_plain_scalar(value)
                        : Node::string(is_ascii(value) ? value : utf8_escapes_repaired(value));
    if (tag == "?" && value == "<<" && expecting_key()) fail(mark, "yaml-merge-key", "merge keys (<<) are not supported by Kubernetes' YAML reader");
    position(n, mark);
    if (const std::string fn = intrinsic(tag); !fn.empty() && !expecting_key()) n = wrapped(fn, std::move(n));
    add(std::move(n), anchor, mark, /*counted=*/false, value.size());
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::array(), anchor, mark);
    stack_.back().wrap = intrinsic(tag);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::object(), anchor, mark);
    stack_.back().wrap = intrinsic(tag);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::size_t values = 1;  // values in this subtree, for alias accounting
    std::size_t bytes = 0;   // bytes of the scalars (keys included) in this subtree, likewise
    bool has_key = false;    // maps: a key is waiting for its value
    std::string key;
    YAML::Mark key_mark;
    std::set<std::string, std::less<>> keys;
    std::string wrap;  // a CloudFormation short-form tag: the long form's key
  };

  /// The long-form key of a CloudFormation short-form tag (`!Sub` -> "Fn::Sub"), or "".
  std::string intrinsic(const std::string& tag) const {
    if (tags_ != YamlTags::kCloudFormation || tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return "";
    const std::string name = tag.substr(1);
    return name == "Ref" || name == "Condition" ? name : "Fn::" + name;
  }

  static Node wrapped(const std::string& key, Node value) {
    Node n = Node::object();
    n.set_position(value.line(), value.column());
    n.set(key, std::move(value));
    return n;
  }

  bool expecting_key() const { return !stack_.empty() && stack_.back().node.is_object() && !stack_.back().has_key; }

  std::string pointer() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (f.node.is_object()) {
        if (f.has_key) append_pointer_token(p, f.key);
      } else {
        p += "/" + std::to_string(f.node.items().size());
      }
    }
    return p;
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& code, const std::string& message) {
    diags_.error(code,
                 {file_, pointer(), mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                  documents_seen_ > 0 ? static_cast<int64_t>(documents_seen_ - 1) : -1},
                 message);
    throw Abort{};
  }

  static void position(Node& n, const YAML::Mark& mark) {
    if (mark.line >= 0) n.set_position(mark.line + 1, mark.column + 1);
  }

  void count(std::size_t values, std::size_t bytes, const YAML::Mark& mark) {
    values_ += values;
    if (values_ > limits_.max_nodes) {
      fail(mark, "too-many-values", "more than " + std::to_string(limits_.max_nodes) + " values in one file (raise with --max-values)");
    }
    for (Frame& f : stack_) {
      f.values += values;
      f.bytes += bytes;
    }
  }

  void open(Node n, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (stack_.size() >= limits_.max_depth) {
      fail(mark, "nesting-too-deep", "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (raise with --max-depth)");
    }
    if (expecting_key()) fail(mark, "yaml-complex-key", "only scalar mapping keys are supported");
    count(1, 0, mark);
    position(n, mark);
    Frame f;
    f.node = std::move(n);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.wrap.empty()) f.node = wrapped(f.wrap, std::move(f.node));
    if (f.anchor != 0) anchors_[f.anchor] = Anchored{f.node, f.values, f.bytes};
    attach(std::move(f.node), f.key_mark);
  }

  /// `counted`: an alias, whose values and bytes were counted already; `bytes`: a scalar's size.
  void add(Node n, YAML::anchor_t anchor, const YAML::Mark& mark, bool counted = false, std::size_t bytes = 0) {
    if (!stack_.empty() && stack_.back().node.is_object() && !stack_.back().has_key) {
      // a mapping key
      Frame& f = stack_.back();
      if (!counted) count(1, bytes, mark);  // keys are values too: they cost as much to read
      if (!n.is_scalar()) fail(mark, "yaml-complex-key", "only scalar mapping keys are supported");
      std::string key = n.is_string() || !n.text().empty() ? n.text() : (n.is_null() ? "" : n.text());
      if (n.is_null() && key.empty()) key = "";
      f.has_key = true;
      f.key = key;
      f.key_mark = mark;
      if (!f.keys.insert(key).second) fail(mark, "duplicate-key", "duplicate key \"" + key + "\" in the same mapping");
      return;
    }
    if (!counted) count(1, bytes, mark);
    if (anchor != 0) anchors_[anchor] = Anchored{n, 1, bytes};
    attach(std::move(n), mark);
  }

  void attach(Node n, const YAML::Mark&) {
    if (stack_.empty()) {
      root_ = std::move(n);
      has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.is_object()) {
      if (parent.key_mark.line >= 0) n.set_position(parent.key_mark.line + 1, parent.key_mark.column + 1);
      parent.node.members().emplace_back(std::move(parent.key), std::move(n));
      parent.has_key = false;
      parent.key.clear();
    } else {
      parent.node.items().push_back(std::move(n));
    }
  }

  const std::string& file_;
  const Limits& limits_;
  Diagnostics& diags_;
  YamlTags tags_;
  std::vector<Frame> stack_;
  struct Anchored {
    Node node;
    std::size_t values = 1;  // values the anchored node holds
    std::size_t bytes = 0;   // bytes of its scalars
  };
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::vector<YamlDocument> documents_;
  Node root_;
  bool has_root_ = false;
  std::size_t documents_seen_ = 0;
  std::size_t values_ = 0;
  std::size_t alias_values_ = 0;
  std::size_t alias_bytes_ = 0;
};

}  // namespace

namespace scalar_syntax {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
bool digit_or_sep(char c) { return digit(c) || c == '_'; }
bool sign(char c) { return c == '-' || c == '+'; }
}  // namespace

// Hand-written equivalents of the YAML 1.1 core-schema patterns (std::regex was the hot spot of
// reading manifests); yaml_load_test.cc checks them against the regular expressions.

// [-+]?[0-9][0-9_]*
bool is_int(std::string_view s) {
  std::size_t i = !s.empty() && sign(s[0]) ? 1 : 0;
  if (i >= s.size() || !digit(s[i])) return false;
  for (++i; i < s.size(); ++i) {
    if (!digit_or_sep(s[i])) return false;
  }
  return true;
}

// 0x[0-9a-fA-F_]+
bool is_hex(std::string_view s) {
  if (s.size() < 3 || s[0] != '0' || s[1] != 'x') return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    const char c = s[i];
    if (!(digit_or_sep(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

// 0o[0-7_]+
bool is_oct(std::string_view s) {
  if (s.size() < 3 || s[0] != '0' || s[1] != 'o') return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    if (!((s[i] >= '0' && s[i] <= '7') || s[i] == '_')) return false;
  }
  return true;
}

// [-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view s) {
  std::size_t i = !s.empty() && sign(s[0]) ? 1 : 0;
  if (i >= s.size()) return false;
  if (s[i] == '.') {
    ++i;
    if (i >= s.size() || !digit(s[i])) return false;
    while (i < s.size() && digit(s[i])) ++i;
  } else if (digit(s[i])) {
    while (i < s.size() && digit_or_sep(s[i])) ++i;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && digit_or_sep(s[i])) ++i;
    }
  } else {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && sign(s[i])) ++i;
    if (i >= s.size() || !digit(s[i])) return false;
    while (i < s.size() && digit(s[i])) ++i;
  }
  return i == s.size();
}

// [-+]?\.(inf|Inf|INF)
bool is_inf(std::string_view s) {
  if (!s.empty() && sign(s[0])) s.remove_prefix(1);
  return s == ".inf" || s == ".Inf" || s == ".INF";
}

// \.(nan|NaN|NAN)
bool is_nan(std::string_view s) { return s == ".nan" || s == ".NaN" || s == ".NAN"; }

}  // namespace scalar_syntax

Node resolve_plain_scalar(const std::string& s) {
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
  if (scalar_syntax::is_int(s)) {
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
  if (scalar_syntax::is_hex(s)) {
    if (auto v = parse_int(s.substr(2), 16)) return std::move(Node::integer(*v).with_text(s));
    return Node::string(s);
  }
  if (scalar_syntax::is_oct(s)) {
    if (auto v = parse_int(s.substr(2), 8)) return std::move(Node::integer(*v).with_text(s));
    return Node::string(s);
  }
  if (s != "." && scalar_syntax::is_float(s)) {
    std::string clean;
    for (char c : s) {
      if (c != '_') clean += c;
    }
    return Node::floating(std::strtod(clean.c_str(), nullptr), s);
  }
  if (scalar_syntax::is_inf(s)) return Node::floating(s[0] == '-' ? -HUGE_VAL : HUGE_VAL, s);
  if (scalar_syntax::is_nan(s)) return Node::floating(NAN, s);
  return Node::string(s);
}

YamlLoad load_yaml(std::string_view text, const std::string& file, const Limits& limits,
                   Diagnostics& diags, YamlTags tags) {
  YamlLoad result;
  // yaml-cpp reads 2-10 MB/s (plain multi-line scalars are the slowest): a YAML stream has its
  // own, lower size limit so that no file keeps it busy for more than about a second.
  if (text.size() > limits.max_yaml_bytes) {
    diags.error("file-too-large", {file, "", 0, 0, -1},
                "a YAML stream of " + std::to_string(text.size()) + " bytes, more than the limit of " +
                    std::to_string(limits.max_yaml_bytes) + " for YAML (raise with --max-yaml-size)");
    result.ok = false;
    return result;
  }
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
  Builder builder(file, limits, diags, tags);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Abort&) {
    result.ok = false;
    return result;
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
  result.documents = builder.take_documents();
  return result;
}

}  // namespace specconv::io
