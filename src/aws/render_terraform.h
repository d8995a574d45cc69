// A plan as a Terraform configuration (HCL text, `terraform fmt`-clean, one module per
// namespace): the same resources as the CloudFormation rendering (aws_ecs_task_definition with
// `container_definitions = jsonencode([...])` in HCL object syntax, aws_ecs_service, aws_lb,
// aws_lb_listener, aws_lb_listener_rule, aws_lb_listener_certificate, aws_lb_target_group, Cloud
// Map namespace and services, aws_ssm_parameter, aws_secretsmanager_secret without a value,
// Application Auto Scaling, aws_scheduler_schedule, IAM roles), each named by the snake_case of
// its logical name; a reference to another resource of the plan is a Terraform reference
// (`aws_lb_target_group.web_target_group.arn`). What the manifests cannot say (VPC, subnets,
// security groups, cluster, certificate, execution role, Cloud Map name) is a `variable` with the
// command line's value as default; created ARNs and DNS names are outputs; the `terraform` block
// pins hashicorp/aws ~> 5.0. Pure; never prints.
#pragma once

#include <string>

#include "aws/plan.h"

namespace specconv::aws {

[[nodiscard]] std::string render_terraform(const Plan& plan);

}  // namespace specconv::aws
