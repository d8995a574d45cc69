// The schedule of a CronJob that comes back from ECS (Kubernetes -> ECS -> Kubernetes): the
// carried CronJob is merged with the one emitted from the EventBridge schedule. What the schedule
// says wins where it differs from what to-ecs wrote for the carried CronJob (so an edit made on
// the ECS side is kept); where it is what to-ecs made of it, the CronJob as written comes back
// (`@daily` stays `@daily`, no timeZone stays none). Pure.
#pragma once

#include "io/tree.h"

namespace specconv::app {

/// `restored` is the carried CronJob `original` with its pod template merged; `emitted` the CronJob
/// made from the ECS schedule (restartPolicy Never, backoffLimit 0: what an ECS task does; the
/// original's own come back).
void restore_cron_job_schedule(const io::Node& emitted, const io::Node& original, io::Node& restored);

}  // namespace specconv::app
