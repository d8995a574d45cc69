// The compiled schema registry: the Kubernetes definitions and the AWS API shapes (ECS and the calls specconv writes) shipped in
// data/schemas/ (embedded at build time), turned once into an immutable graph of Type nodes.
// Built lazily by builtin_registry() (a function-local static const); callers pass it by const
// reference. No JSON is parsed per validated document.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specconv::validate {

struct Type;

struct Property {
  std::string name;
  const Type* type = nullptr;
  bool required = false;
};

struct Type {
  enum class Kind {
    kAny, kString, kInteger, kNumber, kBoolean, kIntOrString, kQuantity, kTimestamp,
    kEnum, kArray, kMap, kObject
  };
  Kind kind = Kind::kAny;
  std::string name;                     // definition / shape name ("" for inline types)
  std::vector<std::string> enum_values;  // kEnum (and ECS strings with an enum)
  const Type* item = nullptr;           // kArray items, kMap values
  std::vector<Property> props;          // kObject, sorted by name
  std::optional<int64_t> min, max;      // ECS: string length, list size, number value
  bool ecs = false;                     // an AWS API shape (enum values on strings, ranges)

  [[nodiscard]] const Property* prop(std::string_view key) const;
};

class Registry {
 public:
  /// Builds from the two embedded JSON documents (k8s.json, aws.json) (see scripts/update-schemas for the format).
  /// An empty string_view leaves that part out. Throws std::runtime_error on malformed data (a
  /// build defect, caught by the unit tests).
  Registry(std::string_view k8s_json, std::string_view aws_json);
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// The root type of a Kubernetes kind, or nullptr when the kind is not shipped.
  [[nodiscard]] const Type* k8s_kind(std::string_view api_version, std::string_view kind) const;
  /// Input shape of an ECS operation ("RegisterTaskDefinition", "CreateService").
  [[nodiscard]] const Type* ecs_operation(std::string_view op) const;
  /// Input shape of an AWS API call "service:Operation" ("elbv2:CreateTargetGroup"), or nullptr
  /// when its shape is not shipped.
  [[nodiscard]] const Type* api_operation(std::string_view api) const;
  /// Every operation name of a shipped AWS service (shapes or not), or nullptr.
  [[nodiscard]] const std::vector<std::string>* api_operation_names(std::string_view service) const;
  [[nodiscard]] const std::map<std::string, const Type*, std::less<>>& k8s_kinds() const { return kinds_; }
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& sources() const { return sources_; }

 private:
  std::deque<Type> store_;
  std::map<std::string, const Type*, std::less<>> kinds_;  // "apps/v1/Deployment"
  std::map<std::string, const Type*, std::less<>> ops_;  // "ecs:RegisterTaskDefinition"
  std::map<std::string, std::vector<std::string>, std::less<>> op_names_;
  std::map<std::string, std::string, std::less<>> sources_;  // "kubernetes-models" -> "5.1.0"
  friend struct RegistryBuilder;
};

/// The registry built from the schemas embedded in the binary (thread-safe lazy init).
[[nodiscard]] const Registry& builtin_registry();
/// Only the Kubernetes part / only the AWS part (each half the start-up cost): what the check of
/// a conversion's outputs needs.
[[nodiscard]] const Registry& builtin_k8s_registry();
[[nodiscard]] const Registry& builtin_aws_registry();

/// The embedded data (generated from data/schemas/*.json by CMake).
[[nodiscard]] std::string_view embedded_k8s_schema();
[[nodiscard]] std::string_view embedded_aws_schema();

}  // namespace specconv::validate
