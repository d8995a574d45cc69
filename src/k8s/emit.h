// model::Workload -> Kubernetes objects (as io::Node documents, in apply order):
// ServiceAccount, ExternalSecret, PersistentVolume, PersistentVolumeClaim, Service,
// Deployment/DaemonSet, HorizontalPodAutoscaler, Ingress (or, with EmitOptions::gateway_api, the
// Gateway API objects of k8s/gateway.h). Field rules live in mapping/; this file assembles objects
// and reports what it could not carry.
#pragma once

#include <string>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/tree.h"
#include "k8s/options.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::k8s {

struct Object {
  std::string kind;
  std::string name;
  io::Node doc;
};

struct Emitted {
  std::string workload;  // DNS name of the workload (used for output file names)
  std::string renamed_by;  // the EmitOptions::renames key that named it; "" when none did
  std::vector<Object> objects;
};

/// `kept`: the ECS-only values of the workload, written to its annotations for a conversion back.
[[nodiscard]] Emitted emit_workload(const model::Workload& w, const carry::EcsCarry& kept, const EmitOptions& options,
                                    Diagnostics& diags);

/// The annotation keys used to carry ECS-only values (documented in docs/mappings.md).
inline constexpr const char* kAnnotationTask = "specconv.io/ecs-task";
inline constexpr const char* kAnnotationContainers = "specconv.io/ecs-containers";
inline constexpr const char* kAnnotationService = "specconv.io/ecs-service";
inline constexpr const char* kAnnotationOriginalName = "specconv.io/original-name";

}  // namespace specconv::k8s
