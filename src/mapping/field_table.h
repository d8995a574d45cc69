// The mapping table: one row per ECS field, saying where it goes in Kubernetes and how
// faithfully. It is data: the ECS reader takes each object's legal keys from it (so unknown
// keys get a "did you mean"), conversions take their "no equivalent" messages from it, and
// docs/mappings.md is generated from it (`specconv mappings`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specconv::mapping {

enum class Fidelity {
  kExact,        // same value, other spelling
  kConverted,    // transformed by an exact rule (units, shapes)
  kApproximate,  // transformed; a diagnostic says when the result is not exact
  kAnnotation,   // no Kubernetes field: kept in a specconv.io annotation for the way back
  kReported,     // no Kubernetes meaning: dropped with a warning
  kIgnored,      // read-only output of describe-* calls: accepted and ignored
};

[[nodiscard]] const char* to_string(Fidelity);

struct FieldRow {
  std::string_view scope;   // ECS object: task, container, portMapping, service, ...
  std::string_view key;     // ECS wire name inside that object
  std::string_view k8s;     // Kubernetes target (path or object), or "" when none
  Fidelity fidelity;
  std::string_view note;    // the rule, or why it cannot be carried
};

[[nodiscard]] const std::vector<FieldRow>& ecs_field_table();

/// Legal keys of one ECS object scope, in table order.
[[nodiscard]] std::vector<std::string_view> ecs_keys(std::string_view scope);

/// The row for scope/key, or nullptr.
[[nodiscard]] const FieldRow* ecs_field(std::string_view scope, std::string_view key);

/// docs/mappings.md, generated from the table.
[[nodiscard]] std::string mappings_markdown();

}  // namespace specconv::mapping
