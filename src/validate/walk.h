// Internal: the schema walker shared by the Kubernetes and ECS checks.
#pragma once

#include <string>
#include <string_view>

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

 private:
  void type_error(const char* expected, const io::Node& node, const std::string& pointer);
  const SourceLocation& where_;
  Diagnostics& diags_;
  bool k8s_;
};

/// "spec.template.spec.containers[0].image" from "/spec/template/spec/containers/0/image".
[[nodiscard]] std::string dotted(std::string_view pointer);
/// Appends one RFC 6901-escaped token.
void push_token(std::string& pointer, std::string_view token);
/// Short description of a value for messages: string "80", boolean true, number 3, null.
[[nodiscard]] std::string describe(const io::Node& n);

}  // namespace specconv::validate::detail
