// The ECS reader's part for scheduled tasks: an EventBridge Scheduler schedule that runs an ECS
// task (get-schedule output; an AWS::Scheduler::Schedule's Properties; an AWS::Events::Rule with
// one target, as the template reader respells it) -> ecs::ScheduleInput. The expression becomes a
// five-field cron where that runs at the same times (mapping/schedule.h), else a located error;
// the target's TaskCount, launch type and container overrides (command, environment) are read,
// every other field is mapped or reported (the "schedule", "scheduleTarget", "ecsParameters" and
// "containerOverride" scopes of the ECS field table).
#pragma once

#include "ecs/bundle.h"
#include "io/cursor.h"

namespace specconv::ecs {

void read_schedule(io::Cursor& c, Bundle& bundle);

}  // namespace specconv::ecs
