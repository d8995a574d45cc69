// The renderings of a plan, by output format: the text each writes, and which of the ECS
// writer's diagnostics its output makes moot. The writer reports what its API inputs leave to
// the user (a placeholder target group ARN, no Cloud Map registration, placeholder subnets, no
// execution role); a rendering of the plan that creates that thing itself (a target group, a
// Cloud Map service, a Parameter) resolves the diagnostic, so the user does not see it. Pure.
#pragma once

#include <string>

#include "aws/plan.h"
#include "io/tree.h"
#include "specconv/convert_ecs.h"
#include "specconv/diagnostics.h"

namespace specconv::aws {

/// The document of `format` (kCfn: a CloudFormation template; kApi: the array of API calls;
/// kTerraform is text only, see render_plan_text).
[[nodiscard]] io::Node render(const Plan& plan, EcsFormat format);

/// The text of a rendered document: YAML for CloudFormation, JSON (2-space indent) for the rest.
[[nodiscard]] std::string render_text(const io::Node& document, EcsFormat format);

/// The text of `format`'s rendering of a plan: HCL for Terraform (render_terraform), else
/// render_text(render(plan, format), format).
[[nodiscard]] std::string render_plan_text(const Plan& plan, EcsFormat format);

/// True when a writer diagnostic is about something the rendering of `format` creates itself.
[[nodiscard]] bool resolved_by(EcsFormat format, const Diagnostic& d);

}  // namespace specconv::aws
