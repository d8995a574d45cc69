// Terraform's scheduled tasks read into the schedules a template's give: an aws_scheduler_schedule
// and an aws_cloudwatch_event_target with its rule, their expression, time zone, state, task count,
// launch type and container overrides; what has no CronJob form reported at the Terraform
// attribute (then inside the input string); a plan's unknown task definition ARN linked.
#include "iac/terraform_schedule.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "iac/terraform.h"
#include "io/json_load.h"

namespace specconv::iac {
namespace {

const char* kTaskDefinition = R"(
  {"address": "aws_ecs_task_definition.report", "mode": "managed", "type": "aws_ecs_task_definition", "name": "report",
   "values": {"family": "report", "arn": "arn:aws:ecs:us-east-1:1:task-definition/report:1", "revision": 1, "cpu": "256",
     "memory": "512", "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"],
     "container_definitions": "[{\"name\":\"report\",\"image\":\"python:3.12\",\"essential\":true}]"}})";

std::string schedule_state(const std::string& resources) {
  return R"({"format_version": "1.0", "values": {"root_module": {"resources": [)" + std::string(kTaskDefinition) + "," + resources +
         "]}}}";
}

std::string scheduler_schedule(const std::string& expression, const std::string& input) {
  return R"({"address": "aws_scheduler_schedule.nightly", "mode": "managed", "type": "aws_scheduler_schedule", "name": "nightly",
   "values": {"name": "nightly", "group_name": "default", "schedule_expression": ")" + expression + R"(",
     "schedule_expression_timezone": "Europe/Berlin", "state": "DISABLED", "start_date": "", "kms_key_arn": "",
     "flexible_time_window": [{"mode": "FLEXIBLE", "maximum_window_in_minutes": 15}],
     "target": [{"arn": "arn:aws:ecs:us-east-1:1:cluster/jobs", "role_arn": "arn:aws:iam::1:role/scheduler",
       "input": )" + input + R"(, "dead_letter_config": [{"arn": "arn:aws:sqs:us-east-1:1:dlq"}],
       "retry_policy": [{"maximum_event_age_in_seconds": 3600, "maximum_retry_attempts": 2}],
       "ecs_parameters": [{"task_definition_arn": "arn:aws:ecs:us-east-1:1:task-definition/report:1", "task_count": 3,
         "launch_type": "FARGATE", "platform_version": "LATEST", "enable_ecs_managed_tags": false, "group": "",
         "network_configuration": [{"assign_public_ip": false, "subnets": ["subnet-1"], "security_groups": ["sg-1"]}],
         "placement_strategy": [], "capacity_provider_strategy": []}]}]}})";
}

const char* kOverrides = R"("{\"containerOverrides\":[{\"name\":\"report\",\"command\":[\"run\",\"--weekday\"],\"environment\":[{\"name\":\"LEVEL\",\"value\":\"debug\"}]}]}")";

std::string event_rule(const std::string& attributes) {
  return R"({"address": "aws_cloudwatch_event_rule.cleanup", "mode": "managed", "type": "aws_cloudwatch_event_rule", "name": "cleanup",
   "values": {"name": "cleanup", "event_bus_name": "default", "description": "paused", )" + attributes + "}}";
}

std::string event_target(const std::string& rule, const std::string& task_definition) {
  return R"({"address": "aws_cloudwatch_event_target.cleanup", "mode": "managed", "type": "aws_cloudwatch_event_target",
   "name": "cleanup", "values": {"rule": ")" + rule + R"(", "event_bus_name": "default", "target_id": "t1",
     "arn": "arn:aws:ecs:us-east-1:1:cluster/jobs", "input": "", "force_destroy": false,
     "retry_policy": [{"maximum_event_age_in_seconds": 600, "maximum_retry_attempts": 3}],
     "ecs_target": [{"task_definition_arn": ")" + task_definition + R"(", "task_count": 2, "launch_type": "FARGATE",
       "ordered_placement_strategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}],
       "enable_execute_command": false, "network_configuration": []}]}})";
}

const Diagnostic* schedule_diag(const Diagnostics& d, const std::string& code, const std::string& pointer_end) {
  for (const Diagnostic& x : d.all()) {
    const std::string& p = x.location.pointer;
    if (x.code == code && p.size() >= pointer_end.size() && p.compare(p.size() - pointer_end.size(), pointer_end.size(), pointer_end) == 0) {
      return &x;
    }
  }
  return nullptr;
}

ecs::Bundle read_schedules(const std::string& text, Diagnostics& d) {
  const io::Node root = *io::load_json(text, "state.json", {}, d);
  ecs::Bundle b;
  read_terraform(root, "state.json", {}, b, d);
  return b;
}

TEST(TerraformSchedule, ASchedulerScheduleIsReadAsTheTemplatePathReadsIt) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(schedule_state(scheduler_schedule("cron(30 2 ? * MON-FRI *)", kOverrides)), d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.schedules.size(), 1u);
  const ecs::ScheduleInput& s = b.schedules[0];
  EXPECT_EQ(s.name, "nightly");
  EXPECT_EQ(s.schedule.cron, "30 2 * * MON-FRI");
  EXPECT_EQ(s.schedule.time_zone, "Europe/Berlin");
  EXPECT_TRUE(s.schedule.suspended);
  EXPECT_EQ(s.schedule.task_count, 3);
  EXPECT_EQ(s.launch_type, model::LaunchType::kFargate);
  EXPECT_EQ(s.task_definition, "arn:aws:ecs:us-east-1:1:task-definition/report:1");
  EXPECT_EQ(s.where.pointer, "/values/root_module/resources/1/values/target/0/ecs_parameters/0/task_definition_arn");
  EXPECT_EQ(s.schedule.source_pointer, "/values/root_module/resources/1/values");
  ASSERT_EQ(s.overrides.size(), 1u);
  EXPECT_EQ(s.overrides[0].command, (std::vector<std::string>{"run", "--weekday"}));
  EXPECT_EQ(s.overrides[0].environment, (std::vector<std::pair<std::string, std::string>>{{"LEVEL", "debug"}}));
  // an override of a container the task lacks is reported here: the input attribute, then inside it
  EXPECT_EQ(s.overrides[0].where.pointer, "/values/root_module/resources/1/values/target/0/input/containerOverrides/0");
  EXPECT_GT(s.overrides[0].where.line, 1);
  // what has no CronJob form is reported where Terraform wrote it
  EXPECT_NE(schedule_diag(d, "unsupported-field", "/values/flexible_time_window/0"), nullptr);
  const Diagnostic* ecs = schedule_diag(d, "unsupported-field", "/target/0/ecs_parameters/0/network_configuration/0");
  ASSERT_NE(ecs, nullptr);
  EXPECT_NE(ecs->message.find("platformVersion"), std::string::npos) << ecs->message;
  EXPECT_NE(schedule_diag(d, "unsupported-field", "/target/0/dead_letter_config/0"), nullptr);
  EXPECT_NE(schedule_diag(d, "schedule-retry-policy", "/target/0/retry_policy/0"), nullptr);
  EXPECT_EQ(schedule_diag(d, "terraform-skipped", "/resources/1/values"), nullptr);  // nothing left unread
}

TEST(TerraformSchedule, AnExpressionWithoutACronJobFormIsALocatedError) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(schedule_state(scheduler_schedule("at(2026-12-24T18:00:00)", kOverrides)), d);
  const Diagnostic* e = schedule_diag(d, "schedule-not-expressible", "/resources/1/values/schedule_expression");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->severity, Severity::kError);
  EXPECT_GT(e->location.line, 0);
}

TEST(TerraformSchedule, BrokenInputJsonIsReportedAtTheInputAttribute) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(schedule_state(scheduler_schedule("rate(1 day)", R"("{\"containerOverrides\": [")")), d);
  ASSERT_EQ(b.schedules.size(), 1u);
  EXPECT_TRUE(b.schedules[0].overrides.empty());
  const Diagnostic* w = schedule_diag(d, "unsupported-field", "/resources/1/values/target/0/input");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("not a JSON object"), std::string::npos) << w->message;
}

TEST(TerraformSchedule, AnUnknownKeyInsideTheInputIsLocatedThenNamedInside) {
  Diagnostics d;
  (void)read_schedules(schedule_state(scheduler_schedule("rate(1 day)", R"("{\"containerOverrides\":[{\"name\":\"report\",\"comand\":[\"x\"]}]}")")), d);
  const Diagnostic* e = schedule_diag(d, "unknown-key", "/resources/1/values/target/0/input");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->message.find("Input/containerOverrides/0/comand"), std::string::npos) << e->message;
}

TEST(TerraformSchedule, AnEventTargetRunsOnItsRulesScheduleAndState) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(
      schedule_state(event_rule(R"J("schedule_expression": "rate(6 hours)", "state": "DISABLED", "is_enabled": false)J") + "," +
                     event_target("cleanup", "arn:aws:ecs:us-east-1:1:task-definition/report:1")),
      d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.schedules.size(), 1u);
  const ecs::ScheduleInput& s = b.schedules[0];
  EXPECT_EQ(s.name, "cleanup");
  EXPECT_EQ(s.schedule.cron, "0 */6 * * *");
  EXPECT_TRUE(s.schedule.suspended);
  EXPECT_EQ(s.schedule.task_count, 2);
  EXPECT_EQ(s.where.pointer, "/values/root_module/resources/2/values/ecs_target/0/task_definition_arn");
  // the rule's attributes are reported at the rule, the target's at the target, in its own spelling
  EXPECT_NE(schedule_diag(d, "schedule-rate-aligned", "/resources/1/values/schedule_expression"), nullptr);
  const Diagnostic* strategy = schedule_diag(d, "unsupported-field", "/resources/2/values/ecs_target/0/ordered_placement_strategy");
  ASSERT_NE(strategy, nullptr);
  EXPECT_NE(strategy->message.find("placementStrategy"), std::string::npos);
}

TEST(TerraformSchedule, TheDeprecatedIsEnabledSuspendsARuleWithoutState) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(
      schedule_state(event_rule(R"J("schedule_expression": "rate(1 hour)", "is_enabled": false)J") + "," + event_target("cleanup", "report")), d);
  ASSERT_EQ(b.schedules.size(), 1u);
  EXPECT_TRUE(b.schedules[0].schedule.suspended);
}

TEST(TerraformSchedule, ATargetWhoseRuleIsNotInTheStateIsReported) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(schedule_state(event_target("elsewhere", "report")), d);
  EXPECT_TRUE(b.schedules.empty());
  const Diagnostic* w = schedule_diag(d, "missing-reference", "/resources/1/values");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("\"elsewhere\""), std::string::npos);
}

TEST(TerraformSchedule, ARuleOnEventsOnlyIsNotAScheduleAndARuleWithoutTaskIsANote) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(
      schedule_state(event_rule(R"("event_pattern": "{\"source\":[\"aws.s3\"]}", "state": "ENABLED")") + "," + event_target("cleanup", "report")),
      d);
  EXPECT_TRUE(b.schedules.empty());
  EXPECT_NE(schedule_diag(d, "unsupported-field", "/resources/1/values"), nullptr);
  Diagnostics alone;
  (void)read_schedules(schedule_state(event_rule(R"J("schedule_expression": "rate(1 hour)")J")), alone);
  const Diagnostic* n = schedule_diag(alone, "terraform-skipped", "/resources/1/values");
  ASSERT_NE(n, nullptr);
  EXPECT_NE(n->message.find("runs no ECS task"), std::string::npos);
}

TEST(TerraformSchedule, AnEventPatternBesideTheScheduleIsReportedAtIt) {
  Diagnostics d;
  const ecs::Bundle b = read_schedules(
      schedule_state(event_rule(R"J("schedule_expression": "rate(1 hour)", "event_pattern": "{\"source\":[\"aws.s3\"]}")J") + "," +
                     event_target("cleanup", "report")),
      d);
  EXPECT_EQ(b.schedules.size(), 1u);
  const Diagnostic* w = schedule_diag(d, "unsupported-field", "/resources/1/values/event_pattern");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("runs on its schedule only"), std::string::npos);
}

TEST(TerraformSchedule, AScheduleThatRunsNoEcsTaskIsANote) {
  const std::string lambda = R"J({"address": "aws_scheduler_schedule.ping", "mode": "managed", "type": "aws_scheduler_schedule",
    "name": "ping", "values": {"name": "ping", "schedule_expression": "rate(5 minutes)", "flexible_time_window": [{"mode": "OFF"}],
      "target": [{"arn": "arn:aws:lambda:us-east-1:1:function:ping", "ecs_parameters": [], "input": ""}]}})J";
  Diagnostics d;
  const ecs::Bundle b = read_schedules(schedule_state(lambda), d);
  EXPECT_TRUE(b.schedules.empty());
  const Diagnostic* n = schedule_diag(d, "terraform-skipped", "/resources/1/values");
  ASSERT_NE(n, nullptr);
  EXPECT_NE(n->message.find("does not run an ECS task"), std::string::npos);
}

TEST(TerraformSchedule, APlansUnknownTaskDefinitionIsLinkedByTheConfigurationsReference) {
  const std::string plan = R"J({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_task_definition.report", "mode": "managed", "type": "aws_ecs_task_definition", "name": "report",
     "values": {"family": "report", "container_definitions": "[{\"name\":\"report\",\"image\":\"python:3.12\"}]"}},
    {"address": "aws_scheduler_schedule.nightly", "mode": "managed", "type": "aws_scheduler_schedule", "name": "nightly",
     "values": {"name": "nightly", "schedule_expression": "rate(1 hour)", "flexible_time_window": [{"mode": "OFF"}],
       "target": [{"ecs_parameters": [{"task_count": 1}]}]}}]}},
  "resource_changes": [
    {"address": "aws_scheduler_schedule.nightly", "change": {"actions": ["create"], "after_unknown":
      {"arn": true, "target": [{"arn": true, "input": true, "ecs_parameters": [{"task_definition_arn": true}]}]}}}],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_scheduler_schedule.nightly", "expressions": {"target": [{"ecs_parameters": [
      {"task_definition_arn": {"references": ["aws_ecs_task_definition.report.arn", "aws_ecs_task_definition.report"]}}]}]}}]}}})J";
  Diagnostics d;
  const ecs::Bundle b = read_schedules(plan, d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.schedules.size(), 1u);
  EXPECT_EQ(b.schedules[0].task_definition, "report");
  const Diagnostic* linked = schedule_diag(d, "terraform-placeholder", "/resources/1/values");
  ASSERT_NE(linked, nullptr);
  EXPECT_NE(linked->message.find("linked to aws_ecs_task_definition.report"), std::string::npos) << linked->message;
  bool input_unknown = false;
  for (const Diagnostic& x : d.all()) input_unknown |= x.message.find("input (the RunTask container overrides)") != std::string::npos;
  EXPECT_TRUE(input_unknown);
}

}  // namespace
}  // namespace specconv::iac
