// The Kubernetes -> ECS field table: one row per key the Kubernetes reader accepts, by scope,
// with its ECS counterpart and how faithfully it converts (the ECS side is in field_table.h).
//
// A scope is the object the reader reads at one place, named after its Kubernetes schema type
// (PodSpec, Container, ServicePort, ...). Where the reader checks several schema types with one
// key list, the scope says so: `Workload` is the root of every pod-template kind, `Object` the
// root of every other converted kind, `WorkloadSpec` the spec of Deployment, StatefulSet,
// DaemonSet and ReplicaSet. k8s_child_scope() and k8s_spec_scope() say which scope a field's
// value is read as, so the tables can be walked the way the schema is (explain does).
#pragma once

#include <string_view>
#include <vector>

#include "mapping/field_table.h"

namespace specconv::mapping {

[[nodiscard]] const std::vector<FieldRow>& k8s_field_table();

/// Legal keys of one Kubernetes scope, in table order (the order "did you mean" breaks ties in);
/// empty for an unknown scope.
[[nodiscard]] const std::vector<std::string_view>& k8s_keys(std::string_view scope);

/// The row for scope/key, or nullptr.
[[nodiscard]] const FieldRow* k8s_field(std::string_view scope, std::string_view key);

/// The scope the value of scope/key is read as (each item of an array), or "" when the reader
/// reads no object there. `spec` of a root depends on the kind: see k8s_spec_scope().
[[nodiscard]] std::string_view k8s_child_scope(std::string_view scope, std::string_view key);

/// The root scope of a converted kind ("Workload" or "Object"), or "" for other kinds.
[[nodiscard]] std::string_view k8s_root_scope(std::string_view kind);

/// The scope of the root's `spec` for a converted kind, or "" when the kind has no spec.
[[nodiscard]] std::string_view k8s_spec_scope(std::string_view kind);

}  // namespace specconv::mapping
