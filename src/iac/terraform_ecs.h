// aws_ecs_task_definition and aws_ecs_service attributes as the API's RegisterTaskDefinition and
// CreateService input (camelCase), for the ECS reader: container_definitions parsed, volume
// blocks as volumes, deployment_* as deploymentConfiguration, load_balancer blocks as
// loadBalancers, network_configuration as awsvpcConfiguration, tags maps as key/value lists.
#pragma once

#include "iac/terraform_translate.h"

namespace specconv::iac {

[[nodiscard]] const Fields& task_definition_fields();
[[nodiscard]] const Fields& service_fields();

}  // namespace specconv::iac
