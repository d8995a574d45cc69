// Internal: the schema walker shared by the Kubernetes and ECS checks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/tree.h"
#include "specconv/diagnostics.h"
#include "validate/schema.h"

namespace specconv::validate::detail {

/// Walks a node against a Type, reporting schema-* diagnostics. `pointer` is the JSON pointer of
/// the node (kept as a growing buffer: no allocation per level once warm).
class Walker {
 public:
  Walker(const SourceLocation& where, Diagnostics& diags, bool kubernetes)
      : where_(where), diags_(diags), k8s_(kubernetes) {}

  void walk(const Type& type, const io::Node& node, std::string& pointer);

  /// Reports an error at `pointer` (line:col from `node`).
  void error(std::string_view code, const std::string& pointer, const io::Node& node, std::string message);
  void warning(std::string_view code, const std::string& pointer, const io::Node& node, std::string message);

  /// Marks the subtree at `pointer` (relative, e.g. "/stringData") as secret: messages about a value
  /// there name its type only, never the value (Secret data must never be printed).
  void hide_values_under(std::string pointer) { secret_.push_back(std::move(pointer)); }
  /// describe(node), or only its type when `pointer` is in a secret subtree.
  [[nodiscard]] std::string show(const io::Node& node, const std::string& pointer) const;

 private:
  void type_error(const char* expected, const io::Node& node, const std::string& pointer);
  const SourceLocation& where_;
  Diagnostics& diags_;
  bool k8s_;
  std::vector<std::string> secret_;
};

/// "spec.template.spec.containers[0].image" from "/spec/template/spec/containers/0/image".
[[nodiscard]] std::string dotted(std::string_view pointer);
/// Short description of a value for messages: string "80", boolean true, number 3, null.
[[nodiscard]] std::string describe(const io::Node& n);
/// The same without the value: "a string", "a number", "a boolean", "null", "an array", "an object".
[[nodiscard]] std::string describe_type(const io::Node& n);

}  // namespace specconv::validate::detail
