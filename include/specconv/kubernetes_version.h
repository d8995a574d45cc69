// The Kubernetes version the manifests are written for (--kubernetes-version). Plain data:
// parsing and the features each version has are in src/mapping/k8s_version.h.
#pragma once

namespace specconv {

struct KubernetesVersion {
  int major = 1;
  /// Default: v1.36, the version of the Kubernetes schemas the project ships (data/schemas/k8s.json)
  /// and validates its output against (docs/validation.md).
  int minor = 36;
  friend bool operator==(const KubernetesVersion&, const KubernetesVersion&) = default;
};

}  // namespace specconv
