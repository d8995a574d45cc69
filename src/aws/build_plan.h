// Builds the AWS resource plan (plan.h) of one Kubernetes namespace from the linking results and
// the RegisterTaskDefinition / CreateService / Application Auto Scaling inputs already written by
// ecs/writer (so every format holds the same task definitions). Secret values are never an
// input here. The diagnostics about the plan (listener conflicts, Cloud Map limits, skipped
// ConfigMap keys, SecureString parameters, IRSA roles, schedules without an EventBridge form) are
// reported here, once, whatever renders the plan. Pure; never prints.
#pragma once

#include <string>
#include <vector>

#include "aws/plan.h"
#include "io/tree.h"
#include "k8s/link.h"
#include "k8s/reader.h"
#include "specconv/diagnostics.h"

namespace specconv::aws {

/// One workload of the namespace with its written API inputs.
struct WorkloadInput {
  const k8s::LinkedWorkload* linked = nullptr;
  io::Node task_definition;  // RegisterTaskDefinition input
  io::Node service;          // CreateService input, or null for Pods/Jobs/CronJobs
  io::Node autoscaling;      // application-autoscaling envelopes (array, may be empty)
};

struct NamespaceInput {
  std::string namespace_name;
  std::vector<WorkloadInput> workloads;
  std::vector<const k8s::KeyedObject*> config_maps;
  std::vector<const k8s::KeyedObject*> secrets;  // key names only
};

/// The plan of `in` (taken by value: the task-definition and service bodies move into the plan).
[[nodiscard]] Plan build_plan(NamespaceInput in, const Options& options, Diagnostics& diags);

}  // namespace specconv::aws
