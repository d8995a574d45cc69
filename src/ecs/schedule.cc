// EventBridge Scheduler schedule (or rule target) running an ECS task -> ScheduleInput (see schedule.h).
#include "ecs/schedule.h"

#include <string>

#include "io/json_load.h"
#include "mapping/field_table.h"
#include "mapping/schedule.h"

namespace specconv::ecs {
namespace {

using io::Cursor;
using io::Node;

/// The keys of `scope` that are read without effect, marked as read.
void ignore_scope(Cursor& c, std::string_view scope) {
  for (const auto& row : mapping::ecs_field_table()) {
    if (row.scope == scope && row.fidelity == mapping::Fidelity::kIgnored) c.ignore(row.key);
  }
}

/// The keys of `scope` that have no Kubernetes form and are present, reported in one warning.
void report_unmapped(Cursor& c, std::string_view scope, const std::string& what) {
  std::string names;
  SourceLocation at;
  for (const auto& row : mapping::ecs_field_table()) {
    if (row.scope != scope || row.fidelity != mapping::Fidelity::kReported || c.peek(row.key) == nullptr) continue;
    if (names.empty()) at = c.where(row.key);
    (void)c.take(row.key);
    names += (names.empty() ? "" : ", ") + std::string(row.key) + (row.note.empty() ? "" : " (" + std::string(row.note) + ")");
  }
  if (!names.empty()) c.context().diags->warning("unsupported-field", at, what + " fields not carried to the CronJob: " + names);
}

void read_expression(Cursor& c, ScheduleInput& in) {
  model::Schedule& s = in.schedule;
  s.expression = c.string("scheduleExpression").value_or("");
  const mapping::KubernetesCron k = mapping::kubernetes_cron(s.expression);
  s.cron = k.cron;
  if (!k.problem.empty()) {
    c.error("scheduleExpression", "schedule-not-expressible",
            k.problem + "; the CronJob is not written (a schedule that runs at other times would be worse)");
  } else if (!k.note.empty()) {
    c.context().diags->note("schedule-rate-aligned", c.where("scheduleExpression"), k.note);
  }
  s.time_zone = c.string("scheduleExpressionTimezone").value_or("UTC");
  if (auto state = c.string("state")) {
    if (*state == "DISABLED") s.suspended = true;
    else if (*state != "ENABLED" && *state != "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS") {
      c.error("state", "invalid-value", "State is ENABLED or DISABLED");
    }
  }
  if (auto window = c.object("flexibleTimeWindow")) {
    const std::string mode = window->string("mode").value_or("OFF");
    window->ignore("maximumWindowInMinutes");
    if (mode != "OFF") {
      c.warning("flexibleTimeWindow", "unsupported-field",
                "a flexible time window (mode " + mode + ") lets EventBridge start the task later; the CronJob starts on time");
    }
    window->finish({"mode", "maximumWindowInMinutes"});
  }
}

/// One containerOverrides entry of the RunTask overrides in Input (located at `input`: the
/// attribute's line and column, its pointer followed by the one inside the string).
void read_container_override(Cursor& o, const SourceLocation& input, ScheduleInput& in) {
  ContainerOverride co;
  co.where = {input.file, input.pointer + o.pointer(), input.line, input.column, -1};
  co.name = o.string("name").value_or("");
  if (co.name.empty()) o.error("name", "missing-field", "a container override names its container");
  co.command = o.strings("command");
  for (Cursor e : o.objects("environment")) {
    auto name = e.string("name");
    auto value = e.string("value");
    if (name) co.environment.emplace_back(*name, value.value_or(""));
    e.finish({"name", "value"});
  }
  report_unmapped(o, "containerOverride", "container override");
  o.finish(mapping::ecs_keys("containerOverride"));
  in.overrides.push_back(std::move(co));
}

/// Input: the RunTask overrides as a JSON string ("{}" when there are none).
void read_overrides(Cursor& target, ScheduleInput& in) {
  auto text = target.string("input");
  if (!text) return;
  const SourceLocation at = target.where("input");
  Diagnostics local;
  std::optional<Node> doc = io::load_json(*text, at.file, io::Limits{}, local);
  if (!doc || !doc->is_object()) {
    target.warning("input", "unsupported-field",
                   "Input is not a JSON object of RunTask overrides (containerOverrides, ...); not carried to the CronJob");
    return;
  }
  io::ReadContext ctx{at.file, -1, &local, false, io::KeyStyle::kCamel};
  Cursor overrides(*doc, ctx, "");
  for (Cursor o : overrides.objects("containerOverrides")) read_container_override(o, at, in);
  report_unmapped(overrides, "overrides", "RunTask override");
  overrides.finish(mapping::ecs_keys("overrides"));
  for (Diagnostic d : local.all()) {  // inside the string: located at Input, the inner pointer named
    d.message = "Input" + d.location.pointer + ": " + d.message;
    d.location = at;
    target.context().diags->report(std::move(d));
  }
}

void read_ecs_parameters(Cursor& p, ScheduleInput& in) {
  in.where = p.where("taskDefinitionArn");
  in.task_definition = p.string("taskDefinitionArn").value_or("");
  if (in.task_definition.empty()) p.error("taskDefinitionArn", "missing-field", "the ECS target names no TaskDefinitionArn");
  in.schedule.task_count = p.integer("taskCount", 1, 10).value_or(1);
  if (auto lt = p.string("launchType")) {
    if (*lt == "FARGATE") in.launch_type = model::LaunchType::kFargate;
    else if (*lt == "EC2") in.launch_type = model::LaunchType::kEc2;
    else if (*lt == "EXTERNAL") in.launch_type = model::LaunchType::kExternal;
    else p.error("launchType", "invalid-value", "LaunchType is FARGATE, EC2 or EXTERNAL");
  }
  report_unmapped(p, "ecsParameters", "the scheduled task's");
  p.finish(mapping::ecs_keys("ecsParameters"));
}

}  // namespace

void read_schedule(Cursor& c, Bundle& bundle) {
  ScheduleInput in;
  in.name = c.string("name").value_or("");
  in.schedule.source_file = c.context().file;
  in.schedule.source_pointer = c.pointer();
  in.where = c.where("target");
  read_expression(c, in);
  if (auto a = c.string("actionAfterCompletion"); a && *a != "NONE") {
    c.warning("actionAfterCompletion", "unsupported-field",
              "ActionAfterCompletion " + *a + " (delete the schedule after its last run) has no CronJob form");
  }
  ignore_scope(c, "schedule");
  report_unmapped(c, "schedule", "the schedule's");
  auto target = c.object("target");
  if (!target) {
    c.error("target", "missing-field", "the schedule has no Target");
  } else if (auto params = target->object("ecsParameters")) {
    read_ecs_parameters(*params, in);
    read_overrides(*target, in);
    if (auto retry = target->object("retryPolicy")) {
      const auto attempts = retry->integer("maximumRetryAttempts", 0, 185);
      (void)retry->integer("maximumEventAgeInSeconds", 60, 86400);
      retry->finish({"maximumRetryAttempts", "maximumEventAgeInSeconds"});
      c.context().diags->note("schedule-retry-policy", target->where("retryPolicy"),
                              "RetryPolicy (" + std::to_string(attempts.value_or(185)) +
                                  " attempts) retries the RunTask call when EventBridge cannot start the task, not a task "
                                  "that fails: it is no backoffLimit; a failed run is not retried (backoffLimit 0), as on ECS");
    }
    ignore_scope(*target, "scheduleTarget");
    report_unmapped(*target, "scheduleTarget", "the target's");
    target->finish(mapping::ecs_keys("scheduleTarget"));
  } else {
    target->error("ecsParameters", "missing-field",
                  "the schedule's Target has no EcsParameters: it does not run an ECS task (nothing to convert)");
  }
  c.finish(mapping::ecs_keys("schedule"));
  bundle.schedules.push_back(std::move(in));
}

}  // namespace specconv::ecs
