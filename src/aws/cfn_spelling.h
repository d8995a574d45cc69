// The CloudFormation spelling of the ECS API's inputs: RegisterTaskDefinition / CreateService
// keys are camelCase in the API (and in the plan), PascalCase in CloudFormation, with the
// exceptions of the table in cfn_spelling.cc; user maps (dockerLabels, log driver options,
// driverOpts, labels) keep their keys. Pure.
#pragma once

#include "io/tree.h"

namespace specconv::aws {

/// An API input (or a part of one) in CloudFormation's property spelling.
[[nodiscard]] io::Node to_cfn_properties(const io::Node& api_input);

}  // namespace specconv::aws
