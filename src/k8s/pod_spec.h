// model::Workload -> Kubernetes PodSpec (containers, init containers and native sidecars,
// resources, probes, security, volumes, DNS, scheduling), with the ECS-only container values
// collected for the specconv.io/ecs-containers annotation.
#pragma once

#include <string>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/tree.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::k8s {

struct EfsClaim {
  std::string volume;      // pod volume name
  std::string claim_name;  // PVC (and PV) name
  const model::Volume* source = nullptr;
};

struct PodSpec {
  io::Node spec = io::Node::object();
  io::Node carried = io::Node::object();  // {container: {ecsField: value}}
  /// The containers' Kubernetes names in ECS order, when the pod lists them in another order
  /// (init containers and sidecars first); empty otherwise.
  std::vector<std::string> ecs_order;
  /// ECS volume names that Kubernetes renamed: {Kubernetes name, ECS name}.
  std::vector<std::pair<std::string, std::string>> renamed_volumes;
  std::vector<EfsClaim> claims;
  bool has_cpu_requests = false;
  bool has_memory_requests = false;
  bool pod_level_resources = false;  // spec.resources holds the task size
};

/// `name` is the workload's Kubernetes name (for claim names and the ServiceAccount). With
/// `pod_level_resources` (the target Kubernetes version has them) the task cpu/memory become the
/// pod's "resources"; otherwise they are shared out to the containers (docs/ecs-to-k8s.md).
[[nodiscard]] PodSpec build_pod_spec(const model::Workload& w, const carry::EcsCarry& kept, const std::string& name,
                                     bool pod_level_resources, Diagnostics& diags);

/// Location of an ECS field of `w`'s task definition, for diagnostics.
[[nodiscard]] SourceLocation task_location(const model::Workload& w, const std::string& pointer);
[[nodiscard]] SourceLocation service_location(const model::Workload& w, const std::string& pointer);

}  // namespace specconv::k8s
