// A plan as a CloudFormation template: the plan's resources (AWS::ECS::TaskDefinition / Service,
// ALB / NLB + listeners + listener rules + target groups, Cloud Map namespace and services, SSM
// String parameters, Secrets Manager secrets WITHOUT values, Application Auto Scaling, EventBridge
// Scheduler schedules, IAM roles) under their logical names, references as `Ref` / `Fn::GetAtt`,
// the plan's inputs as Parameters (VPC, subnets, cluster, execution role, certificate). Task
// definition and service bodies are respelled once (io/key_spelling.h to_pascal_keys). Pure; never prints.
#pragma once

#include "aws/plan.h"
#include "io/tree.h"

namespace specconv::aws {

[[nodiscard]] io::Node render_cfn(const Plan& plan);

}  // namespace specconv::aws
