// Diagnostics: what the library has to say about the user's input, collected as data.
// Library code never prints; the command line renders a Diagnostics list once, at the edge.
// Depends on the standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace specconv {

enum class Severity { kNote, kWarning, kError };

[[nodiscard]] const char* to_string(Severity);

/// Where a diagnostic points. `pointer` is an RFC 6901 JSON pointer on both sides
/// (`/containerDefinitions/0/cpu`, `/spec/template/spec/containers/0`); line and column are
/// 1-based and 0 when unknown. `document` is the 0-based index in a multi-document stream.
struct SourceLocation {
  std::string file;
  std::string pointer;
  int64_t line = 0;
  int64_t column = 0;
  int64_t document = -1;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;  // stable kebab-case id, listed in docs/diagnostics.md
  std::string message;
  SourceLocation location;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// An append-only list of diagnostics.
class Diagnostics {
 public:
  /// Adds `d`; its message, file and pointer are made well-formed UTF-8 (bytes that are not
  /// become U+FFFD), so every renderer can write them as JSON or to a terminal.
  void report(Diagnostic d);
  void error(std::string code, SourceLocation where, std::string message) {
    report({Severity::kError, std::move(code), std::move(message), std::move(where)});
  }
  void warning(std::string code, SourceLocation where, std::string message) {
    report({Severity::kWarning, std::move(code), std::move(message), std::move(where)});
  }
  void note(std::string code, SourceLocation where, std::string message) {
    report({Severity::kNote, std::move(code), std::move(message), std::move(where)});
  }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t count(Severity) const;
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace specconv
