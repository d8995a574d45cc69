// docs/mappings.md: both field tables as Markdown (`specconv mappings`).
#pragma once

#include <string>

namespace specconv::mapping {

/// ECS -> Kubernetes (field_table.h), then Kubernetes -> ECS (k8s_field_table.h), one section
/// per scope in table order.
[[nodiscard]] std::string mappings_markdown();

}  // namespace specconv::mapping
