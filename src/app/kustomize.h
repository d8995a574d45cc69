// Several environments' conversions as one kustomize layout: `base/` with the objects every
// environment has, `overlays/<env>/` with only where that environment differs. Objects are
// matched across environments by kind, namespace and name.
//
// - base: each object every environment has, as the first environment has it (so the base is a
//   complete, deployable configuration), one file per object, listed in base/kustomization.yaml;
// - overlay: `resources: [../../base]` plus the objects only some environments have; `replicas:`
//   for a Deployment's or StatefulSet's replica count; a strategic merge patch per object for the
//   rest (env vars, images, resources, probes, hosts, annotations), holding only values that
//   differ from the base. An object no exact patch describes (e.g. reordered containers) is not
//   put in the base: each environment's overlay holds it whole.
// The layout is checked before it is returned: every overlay, built in-process as kustomize
// builds it (strategic_patch.h), gives exactly that environment's objects.
#pragma once

#include <string>
#include <vector>

#include "app/k8s_writer.h"
#include "specconv/convert.h"
#include "specconv/k8s_object.h"

namespace specconv::app {

struct Environment {
  std::string name;                     // overlays/<name>
  std::vector<K8sWorkload> workloads;   // its direct conversion
  std::vector<std::string> inputs;      // for diagnostics
  /// Set when environments have namespaces of their own (--env-namespace): the namespace its
  /// objects were converted into. The layout then holds them without a namespace and each
  /// overlay's `namespace:` puts them back.
  std::string namespace_name;
};

struct KustomizeLayout {
  std::vector<OutputFile> files;  // paths relative to the layout's folder; none when diagnostics has errors
  Diagnostics diagnostics;
};

/// The layout of `environments` (at least one). Errors (nothing written): a workload name whose
/// controller kind differs between environments. `per_env_namespaces`: the environments'
/// namespace_name are their overlays' `namespace:` (objects are matched across them without it).
[[nodiscard]] KustomizeLayout kustomize_layout(const std::vector<Environment>& environments, bool per_env_namespaces = false);

}  // namespace specconv::app
