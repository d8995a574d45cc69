// The mapping tables: one row per field of one side, saying where it goes on the other side and
// how faithfully. The ECS table is here; the Kubernetes one is in k8s_field_table.h. They are
// data: each reader takes its objects' legal keys from its table (so unknown keys get a "did you
// mean"), conversions and `explain` take their targets and "no equivalent" messages from them,
// and docs/mappings.md is generated from both (`specconv mappings`).
#pragma once

#include <string_view>
#include <vector>

namespace specconv::mapping {

enum class Fidelity {
  kExact,        // same value, other spelling
  kConverted,    // transformed by an exact rule (units, shapes)
  kApproximate,  // transformed; a diagnostic says when the result is not exact
  kAnnotation,   // ECS -> Kubernetes: no Kubernetes field; kept in a specconv.io/ecs-* annotation
  kCarried,      // Kubernetes -> ECS: no ECS field; kept in a specconv.io/k8s-* docker label
  kReported,     // no meaning on the other side: dropped with a diagnostic (the note names its code)
  kIgnored,      // accepted without effect: server-set output, or nothing to convert (see the note)
};

[[nodiscard]] const char* to_string(Fidelity);

struct FieldRow {
  std::string_view scope;        // object of the source side: task, container, ... / PodSpec, Container, ...
  std::string_view key;          // wire name inside that object
  std::string_view counterpart;  // target on the other side (path or object), or "" when none
  Fidelity fidelity;
  std::string_view note;         // the rule, or why it cannot be carried
};

[[nodiscard]] const std::vector<FieldRow>& ecs_field_table();

/// Legal keys of one ECS object scope, in table order.
[[nodiscard]] std::vector<std::string_view> ecs_keys(std::string_view scope);

/// The row for scope/key, or nullptr.
[[nodiscard]] const FieldRow* ecs_field(std::string_view scope, std::string_view key);

}  // namespace specconv::mapping
