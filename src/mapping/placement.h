// ECS placement constraints (memberOf expressions of the cluster query language) -> node
// affinity requirements. Handles `attribute:NAME == V`, `!=`, `in [a, b]`, `not_in [...]`,
// joined by `and`; anything else (or, =~ wildcards, task groups) is left to the caller to keep
// verbatim. Pure; standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specconv::mapping {

struct NodeRequirement {
  std::string key;            // Kubernetes node label
  bool negate = false;        // NotIn instead of In
  std::vector<std::string> values;
  friend bool operator==(const NodeRequirement&, const NodeRequirement&) = default;
};

struct PlacementParse {
  std::vector<NodeRequirement> requirements;
  std::string error;  // why the expression could not be expressed; empty on success
};

[[nodiscard]] PlacementParse parse_member_of(std::string_view expression);

/// ECS built-in attribute -> well-known node label (custom attributes keep their name).
[[nodiscard]] std::string node_label_for(std::string_view ecs_attribute);

}  // namespace specconv::mapping
