// Schema validation of Kubernetes objects and ECS API inputs over io::Node trees: types,
// required fields, enums, strict unknown fields (with "did you mean"), int-or-string,
// resource quantities, maps, the AWS model's ranges, plus the server-side rules that
// ../shared/tools/validate-k8s and validate-ecs call "semantic" (the cheap ones).
// Pure functions: diagnostics are collected, never printed.
#pragma once

#include <string_view>

#include "io/tree.h"
#include "specconv/diagnostics.h"
#include "validate/schema.h"

namespace specconv::validate {

/// Checks one Kubernetes object; a `kind: List` is checked item by item. `where` gives the
/// file and document index; pointers are relative to `object`.
void check_k8s_object(const Registry& registry, const io::Node& object, const SourceLocation& where,
                      Diagnostics& diags);

/// Checks a RegisterTaskDefinition input.
void check_ecs_task_definition(const Registry& registry, const io::Node& td, const SourceLocation& where,
                               Diagnostics& diags);

/// Checks a CreateService input; `task_definition` (may be null) is a task definition from the
/// same file, to cross-check load balancer containers and launch type.
void check_ecs_service(const Registry& registry, const io::Node& service, const io::Node* task_definition,
                       const SourceLocation& where, Diagnostics& diags);

/// An ECS JSON document as validate-ecs accepts it: a task definition (has
/// "containerDefinitions"), a service (has "serviceName"), an {"api","input"} envelope (its
/// input is not validated: no model shipped for other services), an array of those, or a
/// wrapper object whose values are all of those.
void check_ecs_document(const Registry& registry, const io::Node& doc, const SourceLocation& where,
                        Diagnostics& diags);

/// resource.Quantity syntax: "500m", "1Gi", "1e3", "0.5".
[[nodiscard]] bool is_quantity(std::string_view s);

}  // namespace specconv::validate
