// Pairs what the ECS reader found into workloads: each service with its task definition
// (by family, family:revision or ARN), the ALB wiring with the services' target groups, and
// scaling policies with their services. Task definitions that no service uses stand alone.
#pragma once

#include <vector>

#include "carry/ecs_carry.h"
#include "ecs/bundle.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::app {

struct Paired {
  model::Workload workload;
  carry::EcsCarry carry;            // the ECS-only values of its task definition and service
  std::vector<std::string> files;  // every input file that contributed
};

[[nodiscard]] std::vector<Paired> pair_ecs(const ecs::Bundle& bundle, Diagnostics& diags);

}  // namespace specconv::app
