// The check every object goes through before specconv writes it: the same schema validation
// as `specconv validate`. A failure is an internal error (a converter bug), reported as
// `invalid-output` at the input's location; the caller then drops that input's output.
#pragma once

#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::app {

/// A Kubernetes object about to be written. Returns false (and reports) when invalid.
bool check_output_k8s(const io::Node& object, const SourceLocation& input, Diagnostics& diags);
/// A RegisterTaskDefinition input and, when `service` is not null, its CreateService input.
bool check_output_ecs(const io::Node& task_definition, const io::Node* service, const SourceLocation& input,
                      Diagnostics& diags);

/// The AWS API calls of `to-ecs --format api` (an array of {"api", "input"}): each call whose
/// model is shipped is checked (ECS, ELBv2, Cloud Map, SSM, Application Auto Scaling, ...).
bool check_output_api(const io::Node& calls, const SourceLocation& input, Diagnostics& diags);

}  // namespace specconv::app
