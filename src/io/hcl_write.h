// Writing HCL (Terraform configuration) text: expressions, bodies of attributes and blocks, and a
// file of top-level blocks, formatted as `terraform fmt` formats them (2-space indents, `=` of
// consecutive one-line attributes aligned, one blank line between top-level blocks), so the text
// passes `terraform fmt -check`. Strings are quoted with HCL's escapes, template sequences
// included (`${` -> `$${`, `%{` -> `%%{`); names that are not identifiers are quoted as object
// keys. Pure: builds text, no global state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/tree.h"

namespace specconv::io {

/// An HCL expression: a literal, a list, an object, a function call or raw text (a reference
/// such as `aws_lb.web.arn` or a template such as `"${var.cluster}/x"`, written as given).
class HclExpr {
 public:
  using Member = std::pair<std::string, HclExpr>;

  static HclExpr raw(std::string text);
  static HclExpr string(std::string_view value);
  static HclExpr number(int64_t value);
  static HclExpr boolean(bool value);
  static HclExpr null();
  static HclExpr list(std::vector<HclExpr> items = {});
  static HclExpr strings(const std::vector<std::string>& values);
  static HclExpr object(std::vector<Member> members = {});
  /// `function(argument)`, e.g. jsonencode([...]).
  static HclExpr call(std::string function, HclExpr argument);
  /// A JSON-like document as HCL literals (objects keep their member order).
  static HclExpr from_node(const Node& node);

  [[nodiscard]] bool is_list() const { return kind_ == Kind::kList; }
  [[nodiscard]] bool is_object() const { return kind_ == Kind::kObject; }
  [[nodiscard]] std::vector<HclExpr>& items() { return items_; }
  [[nodiscard]] const std::vector<HclExpr>& items() const { return items_; }
  [[nodiscard]] const std::vector<Member>& members() const { return members_; }
  /// The member `key` of an object, or null.
  [[nodiscard]] HclExpr* find(std::string_view key);
  /// Sets member `key` of an object (replacing it in place when present).
  HclExpr& set(std::string key, HclExpr value);

  /// Appends the expression's text at nesting `level` (its first line continues the current one).
  void write(std::string& out, int level) const;
  /// True when the expression is written on one line.
  [[nodiscard]] bool one_line() const;

 private:
  enum class Kind { kRaw, kList, kObject, kCall };
  explicit HclExpr(Kind kind) : kind_(kind) {}
  Kind kind_ = Kind::kRaw;
  std::string text_;  // kRaw: the text; kCall: the function name
  std::vector<HclExpr> items_;  // kList; kCall: the argument
  std::vector<Member> members_;
};

/// The body of a block (or of a file): attributes and nested blocks, in the order added.
class HclBody {
 public:
  HclBody() = default;
  HclBody(const HclBody& other);
  HclBody& operator=(const HclBody& other);
  HclBody(HclBody&&) noexcept = default;
  HclBody& operator=(HclBody&&) noexcept = default;
  ~HclBody() = default;

  void attribute(std::string name, HclExpr value);
  /// Appends a nested block `type "label" ... { }` and returns its body.
  HclBody& block(std::string type, std::vector<std::string> labels = {});
  [[nodiscard]] bool empty() const { return items_.empty(); }

  /// Appends the body's lines at nesting `level`; `blank_between_blocks` separates blocks (a file).
  void write(std::string& out, int level, bool blank_between_blocks = false) const;

 private:
  struct Item {
    std::string name;                 // attribute name or block type
    std::vector<std::string> labels;  // blocks
    std::vector<HclExpr> value;       // attributes: one expression
    std::unique_ptr<HclBody> body;    // blocks
  };
  std::vector<Item> items_;
};

/// The text of a file whose body is `file`: top-level blocks separated by one blank line.
[[nodiscard]] std::string write_hcl(const HclBody& file);

/// A quoted HCL string literal: `"` `\` and control characters escaped, `${` -> `$${`, `%{` -> `%%{`;
/// bytes that are not UTF-8 become U+FFFD (as in JSON output).
[[nodiscard]] std::string hcl_quote(std::string_view value);

/// True when `name` is an HCL identifier (a letter or `_`, then letters, digits, `_`, `-`).
[[nodiscard]] bool is_hcl_identifier(std::string_view name);

/// A snake_case identifier from any name: "ShopApi80TargetGroup" -> "shop_api80_target_group",
/// "web-app" -> "web_app", "80x" -> "_80x", "" -> "_".
[[nodiscard]] std::string hcl_identifier(std::string_view name);

/// snake_case of a camelCase or PascalCase key: "enableECSManagedTags" -> "enable_ecs_managed_tags".
[[nodiscard]] std::string snake_case(std::string_view key);

}  // namespace specconv::io
