// A plan as AWS API calls `{"api": "<service>:<Operation>", "input": {...}}` in an order that
// creates every resource before its first use (validate-ecs envelopes); a reference to another
// resource is its ARN, with REPLACE_ME where AWS makes up part of it, and REGION / ACCOUNT_ID
// when --region / --account-id are not given. The plan's task-definition and service bodies are
// the calls' inputs as they are. Pure; never prints.
#pragma once

#include "aws/plan.h"
#include "io/tree.h"

namespace specconv::aws {

[[nodiscard]] io::Node render_api(const Plan& plan);

}  // namespace specconv::aws
