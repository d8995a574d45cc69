// JSON reader: nlohmann/json SAX events -> io::Node with positions, duplicate-key checks and
// limits. nlohmann 3.11 gives no value positions, so a counting iterator tells how far the
// lexer has read when each event arrives, and the token start is found from there.
#include "io/json_load.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "io/pointer.h"

namespace specconv::io {
namespace {

/// A `const char*` that records the furthest offset the lexer has consumed.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator() = default;
  CountingIterator(const char* p, const char* begin, std::size_t* consumed)
      : p_(p), begin_(begin), consumed_(consumed) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    if (consumed_ != nullptr) *consumed_ = static_cast<std::size_t>(p_ - begin_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
    return a.p_ == b.p_;
  }
  friend bool operator!=(const CountingIterator& a, const CountingIterator& b) {
    return a.p_ != b.p_;
  }

 private:
  const char* p_ = nullptr;
  const char* begin_ = nullptr;
  std::size_t* consumed_ = nullptr;
};

/// Start offset of the token that ends at or just before `end` (the lexer may have read one
/// character past a number or literal).
std::size_t token_start(std::string_view text, std::size_t end, bool is_string) {
  if (end > text.size()) end = text.size();
  std::size_t i = end;
  if (is_string) {
    // Back to the closing quote, then to the opening quote that is not escaped.
    while (i > 0 && text[i - 1] != '"') --i;
    if (i == 0) return 0;
    --i;  // at closing quote
    while (i > 0) {
      --i;
      if (text[i] == '"') {
        std::size_t backslashes = 0;
        for (std::size_t j = i; j > 0 && text[j - 1] == '\\'; --j) ++backslashes;
        if (backslashes % 2 == 0) return i;
      }
    }
    return 0;
  }
  // Numbers and literals: skip a trailing delimiter or whitespace, then the token itself.
  auto is_token_char = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' ||
           c == '.' || c == 'E';
  };
  while (i > 0 && !is_token_char(text[i - 1])) --i;
  while (i > 0 && is_token_char(text[i - 1])) --i;
  return i;
}

/// Offsets of line starts, so a position lookup is a binary search, not a scan.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  [[nodiscard]] LineCol at(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    return LineCol{static_cast<int64_t>(line), static_cast<int64_t>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<std::size_t> starts_;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, const std::string& file, const Limits& limits,
              const std::size_t* consumed, Diagnostics& diags)
      : text_(text), lines_(text), file_(file), limits_(limits), consumed_(consumed), diags_(diags) {}

  bool null() override { return add(Node::null(), false); }
  bool boolean(bool v) override { return add(Node::boolean(v), false); }
  bool number_integer(number_integer_t v) override { return add(Node::integer(v), false); }
  bool number_unsigned(number_unsigned_t v) override {
    if (v <= static_cast<number_unsigned_t>(INT64_MAX)) {
      return add(Node::integer(static_cast<int64_t>(v)), false);
    }
    return add(Node::floating(static_cast<double>(v), std::to_string(v)), false);
  }
  bool number_float(number_float_t v, const string_t& raw) override {
    return add(Node::floating(v, raw), false);
  }
  bool string(string_t& v) override {
    if (v.size() > limits_.max_string_bytes) {
      return limit_error("string-too-long", "a string of " + std::to_string(v.size()) +
                                                " bytes exceeds the limit of " +
                                                std::to_string(limits_.max_string_bytes) +
                                                " bytes (raise with --max-string-length)");
    }
    return add(Node::string(std::move(v)), true);
  }
  bool binary(binary_t&) override { return false; }

  bool start_object(std::size_t) override { return open(Node::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Node::array()); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    if (k.size() > limits_.max_string_bytes) {
      return limit_error("string-too-long", "a key of " + std::to_string(k.size()) + " bytes exceeds the limit of " +
                                                std::to_string(limits_.max_string_bytes) + " bytes (raise with --max-string-length)");
    }
    if (++nodes_ > limits_.max_nodes) {  // keys are values too: they cost as much to read
      return limit_error("too-many-values", "more than " + std::to_string(limits_.max_nodes) +
                                                " values in one file (raise with --max-values)");
    }
    const std::size_t start = token_start(text_, *consumed_, true);
    Frame& f = stack_.back();
    if (!f.keys.insert(k).second) {
      const LineCol lc = line_col(start);
      diags_.error("duplicate-key", {file_, pointer() + "/" + escape_pointer_token(k), lc.line, lc.column, -1},
                   "duplicate key \"" + k + "\" in the same object");
      failed_ = true;
      return false;
    }
    f.pending_key = std::move(k);
    f.key_offset = start;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    if (failed_) return false;  // our own error was already reported
    // position counts characters read, 1-based at the failing character.
    const std::size_t at = position > 0 ? position - 1 : 0;
    const LineCol lc = line_col(at);
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
    // parsing value - unexpected end of input; expected '[', '{', or a literal" -> keep the tail.
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    else if (auto q = what.find(": "); q != std::string::npos) what = what.substr(q + 2);
    diags_.error("json-syntax", {file_, "", lc.line, lc.column, -1}, what);
    failed_ = true;
    return false;
  }

  std::optional<Node> result() && {
    if (failed_ || !has_root_) return std::nullopt;
    return std::move(root_);
  }

 private:
  struct Frame {
    Node node;
    std::set<std::string, std::less<>> keys;
    std::string pending_key;
    std::size_t key_offset = 0;
  };

  std::string pointer() const {
    std::string p;
    for (std::size_t i = 1; i < stack_.size(); ++i) {
      const Frame& parent = stack_[i - 1];
      if (parent.node.is_object()) append_pointer_token(p, parent.pending_key);
      else p += "/" + std::to_string(parent.node.items().size());
    }
    return p;
  }

  bool limit_error(const std::string& code, const std::string& message) {
    const LineCol lc = line_col(*consumed_ > 0 ? *consumed_ - 1 : 0);
    std::string where = pointer();
    if (where.size() > 120) where = where.substr(0, 120) + "...";
    diags_.error(code, {file_, where, lc.line, lc.column, -1}, message);
    failed_ = true;
    return false;
  }

  bool open(Node n) {
    if (stack_.size() >= limits_.max_depth) {
      return limit_error("nesting-too-deep", "nesting deeper than " +
                                                 std::to_string(limits_.max_depth) +
                                                 " levels (raise with --max-depth)");
    }
    const std::size_t start = *consumed_ > 0 ? *consumed_ - 1 : 0;
    const LineCol lc = line_col(start);
    n.set_position(lc.line, lc.column);
    if (!stack_.empty() && stack_.back().node.is_object()) {
      const LineCol klc = line_col(stack_.back().key_offset);
      n.set_position(klc.line, klc.column);
    }
    if (++nodes_ > limits_.max_nodes) {
      return limit_error("too-many-values", "more than " + std::to_string(limits_.max_nodes) +
                                                " values in one file (raise with --max-values)");
    }
    stack_.push_back(Frame{std::move(n), {}, {}, 0});
    return true;
  }

  bool close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return attach(std::move(f.node));
  }

  bool add(Node n, bool is_string) {
    if (++nodes_ > limits_.max_nodes) {
      return limit_error("too-many-values", "more than " + std::to_string(limits_.max_nodes) +
                                                " values in one file (raise with --max-values)");
    }
    std::size_t start = token_start(text_, *consumed_, is_string);
    if (!stack_.empty() && stack_.back().node.is_object()) start = stack_.back().key_offset;
    const LineCol lc = line_col(start);
    n.set_position(lc.line, lc.column);
    return attach(std::move(n));
  }

  bool attach(Node n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      has_root_ = true;
      return true;
    }
    Frame& parent = stack_.back();
    if (parent.node.is_object()) {
      parent.node.members().emplace_back(std::move(parent.pending_key), std::move(n));
    } else {
      parent.node.items().push_back(std::move(n));
    }
    return true;
  }

  LineCol line_col(std::size_t offset) const { return lines_.at(std::min(offset, text_.size())); }

  std::string_view text_;
  LineIndex lines_;
  const std::string& file_;
  const Limits& limits_;
  const std::size_t* consumed_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  Node root_;
  bool has_root_ = false;
  bool failed_ = false;
  std::size_t nodes_ = 0;
};

}  // namespace

LineCol line_col_at(std::string_view text, std::size_t offset) {
  LineCol lc;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

std::optional<Node> load_json(std::string_view text, const std::string& file,
                              const Limits& limits, Diagnostics& diags) {
  std::size_t consumed = 0;
  TreeBuilder builder(text, file, limits, &consumed, diags);
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  try {
    nlohmann::json::sax_parse(CountingIterator(begin, begin, &consumed),
                              CountingIterator(end, begin, nullptr), &builder,
                              nlohmann::json::input_format_t::json, true);
  } catch (const nlohmann::json::exception& e) {
    diags.error("json-syntax", {file, "", 0, 0, -1}, e.what());
    return std::nullopt;
  }
  return std::move(builder).result();
}

}  // namespace specconv::io
