// --kubernetes-version: parsing "1.34", "v1.35", "V1.33.2", and which features a version has.
// Pure functions (docs/cli.md lists the accepted forms).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "specconv/kubernetes_version.h"

namespace specconv::mapping {

/// "MAJOR.MINOR" with an optional "v"/"V" prefix and an optional ".PATCH" (ignored); surrounding
/// blanks are not accepted. Only major version 1 exists; minor 0..99. nullopt otherwise.
[[nodiscard]] std::optional<KubernetesVersion> parse_kubernetes_version(std::string_view text);

/// "1.34"
[[nodiscard]] std::string to_string(const KubernetesVersion& v);

/// Pod-level resources (PodSpec.resources, feature gate PodLevelResources): alpha in 1.32 and
/// 1.33 (off by default), beta and on by default from 1.34. Only the versions where a cluster
/// accepts them without a feature gate count.
inline constexpr int kPodLevelResourcesMinor = 34;
[[nodiscard]] bool has_pod_level_resources(const KubernetesVersion& v);

}  // namespace specconv::mapping
