// `--format json`: one document per workload, the ECS writer's inputs as they are:
// `{"taskDefinition": {...}, "service": {...}}` (plus `"autoscaling": [...]` envelopes when an HPA
// scales it) for long-running workloads, the bare RegisterTaskDefinition input for Pods, Jobs and
// CronJobs. Per workload, not per namespace: this format creates nothing around the workload (no
// target group, Cloud Map service or schedule), so it does not need the namespace's plan. Pure.
#pragma once

#include "aws/build_plan.h"
#include "io/tree.h"

namespace specconv::aws {

[[nodiscard]] io::Node render_json(const WorkloadInput& workload);

}  // namespace specconv::aws
