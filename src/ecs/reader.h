// ECS JSON -> ecs::Bundle. Recognises, by content: RegisterTaskDefinition input,
// describe-task-definition output, CreateService input, describe-services output, and the
// wiring outputs of describe-target-groups / -listeners / -rules / -load-balancers and
// Application Auto Scaling describe-scalable-targets / describe-scaling-policies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ecs/bundle.h"
#include "input/kind.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::ecs {

/// A task size as written: "1024", "1 vCPU", ".25 vcpu" -> CPU units; "2048", "2 GB", "512 MiB" -> MiB.
[[nodiscard]] std::optional<int64_t> parse_task_size(const std::string& s, bool cpu);

/// Reads one parsed JSON document into `bundle`. Problems are reported to `diags`; an object
/// with errors is still added (the caller decides by diags.has_errors()).
void read_ecs(const io::Node& root, const std::string& file, Bundle& bundle, Diagnostics& diags);

/// Reads one object as the document `kind` names (a task definition, service or wiring, in
/// `kind.keys` spelling), its pointers rooted at `pointer`: a document found inside a larger one,
/// such as a CloudFormation resource's Properties (`/Resources/Web/Properties`).
void read_ecs_as(const io::Node& root, const input::Kind& kind, const std::string& file, const std::string& pointer,
                 Bundle& bundle, Diagnostics& diags);

}  // namespace specconv::ecs
