// The describe-* document of one load balancing or scaling resource of a template, made from its
// evaluated Properties (what the ECS reader's wiring readers read), and the properties that
// document does not use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iac/evaluator.h"

namespace specconv::iac {

struct WiringDocument {
  std::string list_key;  // TargetGroups, Listeners, Rules, LoadBalancers, ScalableTargets, ScalingPolicies
  io::Node item;         // one entry of that list
};

/// The properties of a load balancing or scaling type that the conversion uses (only these are
/// evaluated; the rest are reported); empty for any other type.
[[nodiscard]] const std::vector<std::string_view>& used_properties(const std::string& type);

/// The document of resource `id` of `type` from its used properties, evaluated; list_key is empty
/// for a type that is not wiring.
[[nodiscard]] WiringDocument wiring_document(Evaluator& ev, const std::string& id, const std::string& type, const io::Node& props);

}  // namespace specconv::iac
