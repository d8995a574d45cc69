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

}  // namespace specconv::app
