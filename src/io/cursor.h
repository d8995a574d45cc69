// Cursor: typed, located reading of an io::Node object. Every read marks the key as consumed;
// finish() reports the keys nobody read as unknown, with a "did you mean". Type checks come
// before conversion (no silent 1.9 -> 1), `null` means absent, and a number written as a
// string is accepted with a warning where the meaning is unambiguous.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/key_spelling.h"
#include "io/pointer.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::io {

/// What every cursor of one input document shares.
struct ReadContext {
  std::string file;
  int64_t document = -1;
  Diagnostics* diags = nullptr;
  bool yaml = false;  // messages say "mapping"/"sequence" and explain YAML 1.1 pitfalls
  /// How the document spells its keys (the input registry decides). Readers always ask for
  /// camelCase names; in a PascalCase or snake_case document a key is found by its folded form
  /// and reported as written.
  KeyStyle keys = KeyStyle::kCamel;
};

class Cursor {
 public:
  Cursor(const Node& node, const ReadContext& ctx, std::string pointer)
      : node_(&node), ctx_(&ctx), pointer_(std::move(pointer)) {}

  [[nodiscard]] const Node& node() const { return *node_; }
  [[nodiscard]] const std::string& pointer() const { return pointer_; }
  [[nodiscard]] SourceLocation where() const;
  [[nodiscard]] SourceLocation where(std::string_view key) const;
  [[nodiscard]] const ReadContext& context() const { return *ctx_; }

  /// The member `key` (null counts as absent), marked as read; nullptr when absent.
  [[nodiscard]] const Node* take(std::string_view key);
  /// The member `key` as is (null included), without marking it as read; nullptr when absent.
  [[nodiscard]] const Node* peek(std::string_view key) const;
  /// Marks a key as read without looking at it (output-only fields that are ignored).
  void ignore(std::string_view key) { consumed_.insert(std::string(spelled(key))); }
  [[nodiscard]] bool has(std::string_view key) const;

  [[nodiscard]] std::optional<std::string> string(std::string_view key);
  [[nodiscard]] std::optional<int64_t> integer(std::string_view key, int64_t min = INT64_MIN,
                                               int64_t max = INT64_MAX);
  [[nodiscard]] std::optional<bool> boolean(std::string_view key);
  [[nodiscard]] std::optional<double> number(std::string_view key);
  /// A list of strings (each element checked).
  [[nodiscard]] std::optional<std::vector<std::string>> strings(std::string_view key);
  /// A string-to-string map (values must be scalars; non-strings are reported and stringified).
  [[nodiscard]] std::optional<std::vector<std::pair<std::string, std::string>>> string_map(
      std::string_view key);

  /// Child cursors; a wrong type is reported and nullopt returned.
  [[nodiscard]] std::optional<Cursor> object(std::string_view key);
  [[nodiscard]] std::vector<Cursor> objects(std::string_view key);  // array of objects
  [[nodiscard]] const Node* array(std::string_view key);

  /// Reports every member not read as `unknown-key` (severity as given), suggesting the
  /// closest of `known` (the full list of legal keys of this object).
  void finish(const std::vector<std::string_view>& known, Severity severity = Severity::kError);

  /// Value conversions usable on any node (for array elements).
  [[nodiscard]] std::optional<std::string> as_string(const Node& n, const std::string& ptr) const;
  [[nodiscard]] std::optional<int64_t> as_integer(const Node& n, const std::string& ptr,
                                                  int64_t min, int64_t max) const;
  [[nodiscard]] std::optional<bool> as_boolean(const Node& n, const std::string& ptr) const;

  void error(std::string_view key, std::string code, std::string message) const;
  void warning(std::string_view key, std::string code, std::string message) const;

  /// The pointer of member `key`, spelled as the document writes it.
  [[nodiscard]] std::string child_pointer(std::string_view key) const {
    return pointer_ + "/" + escape_pointer_token(spelled(key));
  }
  /// `key` as the document spells it (itself when absent, or in a camelCase document).
  [[nodiscard]] std::string_view spelled(std::string_view key) const;

 private:
  [[nodiscard]] SourceLocation location_of(const Node& n, const std::string& ptr) const;
  void type_error(const Node& n, const std::string& ptr, std::string_view expected) const;

  const Node* node_;
  const ReadContext* ctx_;
  std::string pointer_;
  std::set<std::string, std::less<>> consumed_;
};

}  // namespace specconv::io
