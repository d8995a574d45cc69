// The parts every emitted Kubernetes object starts with: apiVersion, kind and metadata.
#pragma once

#include <string>

#include "io/tree.h"
#include "k8s/options.h"

namespace specconv::k8s {

inline constexpr const char* kNameLabel = "app.kubernetes.io/name";

/// metadata {name, namespace (when `namespaced` and a namespace is set)}.
[[nodiscard]] io::Node metadata(const std::string& name, const EmitOptions& opt, bool namespaced);

/// {apiVersion, kind, metadata}.
[[nodiscard]] io::Node object(const char* api_version, const char* kind, io::Node meta);

/// {app.kubernetes.io/name: name}: the labels that select a workload's pods.
[[nodiscard]] io::Node selector_labels(const std::string& name);

/// metadata of an object that belongs to workload `workload` (labelled with its name).
[[nodiscard]] io::Node labelled_metadata(const std::string& workload, const std::string& object_name,
                                         const EmitOptions& opt, bool namespaced);

}  // namespace specconv::k8s
