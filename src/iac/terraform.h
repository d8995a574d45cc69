// Terraform JSON (`terraform show -json` of a state, or of a saved plan) -> ecs::Bundle: the same
// task definitions, services and load balancer / scaling wiring the API JSON path reads, so that
// pairing and emitting do not know where they came from (docs/iac-inputs.md, "Terraform").
//   aws_ecs_task_definition  as RegisterTaskDefinition input (container_definitions parsed)
//   aws_ecs_service          as CreateService input
//   aws_lb*, aws_alb*, aws_appautoscaling_*: as their describe-* entries
// Resources link by the ARNs and IDs the state holds; in a plan, values known only after apply
// are linked through the configuration's references or become REPLACE_ME_ placeholders, with a
// warning naming the resource. Every other resource type, and every attribute of these the
// conversion does not use, is reported. Pure: a parsed tree in, a bundle and diagnostics out.
#pragma once

#include <string>

#include "ecs/bundle.h"
#include "io/limits.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

void read_terraform(const io::Node& root, const std::string& file, const io::Limits& limits, ecs::Bundle& bundle,
                    Diagnostics& diags);

/// The task definition of the aws_ecs_task_definition whose values are at `pointer` of `root`,
/// in the API's JSON (for the Kubernetes carry); nullopt when `pointer` names none.
[[nodiscard]] std::optional<io::Node> terraform_task_definition(const io::Node& root, const std::string& pointer,
                                                                const io::Limits& limits);

}  // namespace specconv::iac
