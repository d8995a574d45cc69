// CloudFormation template (JSON, YAML with short-form tags, `cdk synth` output) -> ecs::Bundle:
// the same task definitions, services and load balancer / scaling wiring the API JSON path reads,
// so that pairing and emitting do not know where they came from (docs/iac-inputs.md).
//   AWS::ECS::TaskDefinition   Properties as RegisterTaskDefinition input (the ECS reader, PascalCase keys)
//   AWS::ECS::Service          Properties as CreateService input
//   AWS::ElasticLoadBalancingV2::{TargetGroup,Listener,ListenerRule,LoadBalancer}, AWS::ApplicationAutoScaling::
//   {ScalableTarget,ScalingPolicy}: as their describe-* outputs
// Every other resource type, and every property of these the conversion does not use, is
// reported. Diagnostics point into the template as written (/Resources/Web/Properties/...).
// Pure: a parsed tree in, a bundle and diagnostics out.
#pragma once

#include <string>

#include "ecs/bundle.h"
#include "io/limits.h"
#include "io/tree.h"
#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv::iac {

void read_template(const io::Node& root, const std::string& file, const TemplateInputs& inputs, const io::Limits& limits,
                   ecs::Bundle& bundle, Diagnostics& diags);

}  // namespace specconv::iac
