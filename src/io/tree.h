// Tree: the project's own document tree, shared by the JSON and YAML readers and writers.
// Scalars keep an explicit type (a string "8080" is never the number 8080) and each node
// remembers where it came from (1-based line/column, 0 when unknown). Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace specconv::io {

class Node {
 public:
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kArray, kObject };
  using Member = std::pair<std::string, Node>;

  Node() = default;
  static Node null() { return Node(); }
  static Node boolean(bool v) {
    Node n(Kind::kBool);
    n.bool_ = v;
    return n;
  }
  static Node integer(int64_t v) {
    Node n(Kind::kInt);
    n.int_ = v;
    return n;
  }
  /// A number that is not an int64: keeps its source text so that writers reproduce it exactly.
  static Node floating(double v, std::string text) {
    Node n(Kind::kFloat);
    n.float_ = v;
    n.text_ = std::move(text);
    return n;
  }
  static Node string(std::string v) {
    Node n(Kind::kString);
    n.text_ = std::move(v);
    return n;
  }
  static Node array() { return Node(Kind::kArray); }
  /// An array of strings, in order (writers' lists: commands, hosts, condition values).
  static Node strings(const std::vector<std::string>& values);
  static Node object() { return Node(Kind::kObject); }

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_null() const { return kind_ == Kind::kNull; }
  [[nodiscard]] bool is_bool() const { return kind_ == Kind::kBool; }
  [[nodiscard]] bool is_int() const { return kind_ == Kind::kInt; }
  [[nodiscard]] bool is_float() const { return kind_ == Kind::kFloat; }
  [[nodiscard]] bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat; }
  [[nodiscard]] bool is_string() const { return kind_ == Kind::kString; }
  [[nodiscard]] bool is_array() const { return kind_ == Kind::kArray; }
  [[nodiscard]] bool is_object() const { return kind_ == Kind::kObject; }
  [[nodiscard]] bool is_scalar() const { return !is_array() && !is_object(); }

  [[nodiscard]] bool as_bool() const { return bool_; }
  [[nodiscard]] int64_t as_int() const { return int_; }
  [[nodiscard]] double as_float() const { return float_; }
  /// String value; for other scalars the source text when known (`yes`, `0777`, `1.50`).
  [[nodiscard]] const std::string& text() const { return text_; }
  Node& with_text(std::string t) {
    text_ = std::move(t);
    return *this;
  }

  [[nodiscard]] const std::vector<Node>& items() const { return items_; }
  [[nodiscard]] std::vector<Node>& items() { return items_; }
  [[nodiscard]] const std::vector<Member>& members() const { return members_; }
  [[nodiscard]] std::vector<Member>& members() { return members_; }
  [[nodiscard]] std::size_t size() const {
    return kind_ == Kind::kObject ? members_.size() : items_.size();
  }

  /// First member named `key`, or nullptr.
  [[nodiscard]] const Node* find(std::string_view key) const;
  [[nodiscard]] Node* find(std::string_view key);

  /// Appends (arrays) or sets (objects; replaces an existing member); returns the stored node.
  Node& push(Node v);
  Node& set(std::string key, Node v);

  [[nodiscard]] int64_t line() const { return line_; }
  [[nodiscard]] int64_t column() const { return column_; }
  void set_position(int64_t line, int64_t column) {
    line_ = line;
    column_ = column;
  }

  friend bool operator==(const Node& a, const Node& b);

 private:
  explicit Node(Kind k) : kind_(k) {}
  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  double float_ = 0;
  std::string text_;
  std::vector<Node> items_;
  std::vector<Member> members_;
  int64_t line_ = 0;
  int64_t column_ = 0;
};

[[nodiscard]] const char* kind_name(Node::Kind);

/// The node at an RFC 6901 JSON pointer, or the deepest existing ancestor (nullptr only for a
/// malformed pointer). Used to give line:col to diagnostics that were raised with a pointer.
[[nodiscard]] const Node* resolve_pointer(const Node& root, std::string_view pointer);

/// Convenience for writers: a string node, or nothing when empty.
[[nodiscard]] inline Node str(std::string v) { return Node::string(std::move(v)); }

}  // namespace specconv::io
