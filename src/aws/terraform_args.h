// The Terraform spelling of an AWS API input object (camelCase, as the ECS writer makes task
// definitions and services, or PascalCase, as Application Auto Scaling inputs are): each member
// becomes an argument of a resource or a nested block. Keys are snake_cased; an object member is a
// nested block and an array of objects repeated blocks; the AWS provider's irregular names and
// shapes are one table (`volumes` -> `volume` blocks, `tags` [{key, value}] -> a map,
// `host.sourcePath` -> `host_path`, `deploymentConfiguration` lifted into `deployment_*`
// arguments, `assignPublicIp` -> a bool, ...). Pure.
#pragma once

#include <string_view>
#include <vector>

#include "io/hcl_write.h"
#include "io/tree.h"

namespace specconv::aws {

/// Adds the members of `input` (an object) to `body`, except those named in `skip`.
void add_terraform_arguments(const io::Node& input, io::HclBody& body, const std::vector<std::string_view>& skip = {});

}  // namespace specconv::aws
