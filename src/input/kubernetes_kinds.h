// The Kubernetes kinds specconv knows, in one list: which run pods (workloads), which the
// Kubernetes reader converts to ECS, and the API version each is current in. Pure.
#pragma once

#include <string_view>

namespace specconv::input {

/// Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob.
[[nodiscard]] bool is_workload_kind(std::string_view kind);

/// The kinds `to-ecs` reads: the workloads and what wires them (Service, Ingress, ServiceAccount,
/// ConfigMap, Secret, HorizontalPodAutoscaler, SecurityGroupPolicy).
[[nodiscard]] bool is_converted_kind(std::string_view kind);

/// The API version a converted kind is served in today ("apps/v1" for a Deployment).
[[nodiscard]] std::string_view current_api_version(std::string_view kind);

}  // namespace specconv::input
