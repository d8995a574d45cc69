// Terraform's scheduled tasks as the schedules a template's are (iac/schedule.h), read by the same
// ECS reader (ecs/schedule.h) into the same ecs::ScheduleInput, so that the CronJob does not know
// where it came from:
//   aws_scheduler_schedule      its attributes as `aws scheduler get-schedule` prints them
//   aws_cloudwatch_event_target with ecs_target: one such schedule, with the schedule_expression,
//                               state, name and description of its aws_cloudwatch_event_rule (found
//                               by the target's rule name, in a plan by the configuration's reference)
//   aws_cloudwatch_event_rule   read through its targets; a rule with no ECS target is reported
// ecs_target's spelling (ordered_placement_strategy, placement_constraint) is read as Scheduler's.
// A rule that runs a task on events only (event_pattern) is an unsupported-field warning, as for
// a template. Diagnostics point into the Terraform JSON, then into an embedded input string.
#pragma once

#include "iac/terraform_read.h"

namespace specconv::iac {

void read_scheduler_schedule(TfReader& rd, const TfResource& r);
void read_event_target(TfReader& rd, const TfResource& r);
/// The rule's own attributes not converted, and a rule no ECS target of the document runs from.
void report_event_rule(TfReader& rd, const TfResource& r);

/// Whether `type` is one of the three above.
[[nodiscard]] bool schedule_type(const std::string& type);

}  // namespace specconv::iac
