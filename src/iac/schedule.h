// A template's scheduled tasks as the ECS reader's schedules (ecs/schedule.h):
//   AWS::Scheduler::Schedule  its Properties are what `aws scheduler get-schedule` prints
//   AWS::Events::Rule         each target with EcsParameters, with the rule's ScheduleExpression,
//                             State and Name, read as one such schedule (EcsParameters respelled:
//                             PlacementStrategies -> PlacementStrategy, TagList -> Tags)
// A rule that matches events (no ScheduleExpression) and a target that is no ECS task are reported
// (template-skipped) and not read. Diagnostics point into the template as written.
#pragma once

#include <string>

#include "ecs/bundle.h"
#include "iac/evaluator.h"
#include "input/kind.h"

namespace specconv::iac {

/// What a schedule is read as, from a template or from Terraform: `aws scheduler get-schedule`
/// output (PascalCase), by the ECS reader.
[[nodiscard]] input::Kind scheduler_schedule_kind();

void read_scheduled_task(Evaluator& ev, const std::string& id, const std::string& type, ecs::Bundle& bundle, Diagnostics& diags);

}  // namespace specconv::iac
