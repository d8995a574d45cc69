// The default log configuration of a task (to-ecs --logs awslogs): each container sends its output
// to CloudWatch Logs, one group per workload. Pure.
#pragma once

#include <string>

#include "io/tree.h"

namespace specconv::ecs {

/// The log group of a workload's default log configuration: /ecs/<namespace>/<family>
/// (namespace "default" when none).
[[nodiscard]] std::string log_group_name(const std::string& namespace_name, const std::string& family);

/// A container's awslogs logConfiguration: `group` in `region`, streams prefixed with the
/// container's name; `create_group` adds awslogs-create-group (when nothing else creates it).
[[nodiscard]] io::Node awslogs_configuration(const std::string& group, const std::string& region, const std::string& container,
                                             bool create_group);

}  // namespace specconv::ecs
