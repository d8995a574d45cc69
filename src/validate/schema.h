// The compiled schema registry: the Kubernetes definitions and the ECS API shapes shipped in
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
  /// Builds from the two embedded JSON documents (see scripts/update-schemas for the format).
  /// Throws std::runtime_error on malformed data (a build defect, caught by the unit tests).
  Registry(std::string_view k8s_json, std::string_view ecs_json);
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// The root type of a Kubernetes kind, or nullptr when the kind is not shipped.
  [[nodiscard]] const Type* k8s_kind(std::string_view api_version, std::string_view kind) const;
  /// Input shape of an ECS operation ("RegisterTaskDefinition", "CreateService").
  [[nodiscard]] const Type* ecs_operation(std::string_view op) const;
  [[nodiscard]] const std::map<std::string, const Type*, std::less<>>& k8s_kinds() const { return kinds_; }
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& sources() const { return sources_; }

 private:
  std::deque<Type> store_;
  std::map<std::string, const Type*, std::less<>> kinds_;  // "apps/v1/Deployment"
  std::map<std::string, const Type*, std::less<>> ops_;
  std::map<std::string, std::string, std::less<>> sources_;  // "kubernetes-models" -> "5.1.0"
  friend struct RegistryBuilder;
};

/// The registry built from the schemas embedded in the binary (thread-safe lazy init).
[[nodiscard]] const Registry& builtin_registry();

/// The embedded data (generated from data/schemas/*.json by CMake).
[[nodiscard]] std::string_view embedded_k8s_schema();
[[nodiscard]] std::string_view embedded_ecs_schema();

}  // namespace specconv::validate
