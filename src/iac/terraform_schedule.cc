// aws_scheduler_schedule, aws_cloudwatch_event_target and _rule -> ecs::ScheduleInput (see terraform_schedule.h).
#include "iac/terraform_schedule.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "ecs/reader.h"
#include "iac/schedule.h"
#include "iac/terraform_links.h"

namespace specconv::iac {
namespace {

// The blocks of EventBridge Scheduler's EcsParameters, as `aws scheduler get-schedule` spells them.
const Fields kNetwork = {{"subnets", "Subnets"}, {"security_groups", "SecurityGroups"}, {"assign_public_ip", "AssignPublicIp", As::kEnabled}};
const Fields kCapacity = {{"capacity_provider", "CapacityProvider"}, {"base", "Base"}, {"weight", "Weight"}};
const Fields kConstraint = {{"type", "Type"}, {"expression", "Expression"}};
const Fields kStrategy = {{"type", "Type"}, {"field", "Field"}};
const Fields kRetry = {{"maximum_event_age_in_seconds", "MaximumEventAgeInSeconds"}, {"maximum_retry_attempts", "MaximumRetryAttempts"}};
const Fields kDeadLetter = {{"arn", "Arn", As::kText}};
const Fields kWindow = {{"mode", "Mode"}, {"maximum_window_in_minutes", "MaximumWindowInMinutes"}};
const Fields kTransformer = {{"input_paths", "InputPathsMap"}, {"input_template", "InputTemplate"}};

/// EcsParameters; the rule target's ecs_target names two of its blocks otherwise.
Fields ecs_parameters(std::string_view constraints, std::string_view strategy) {
  return {
      {"task_definition_arn", "TaskDefinitionArn", As::kText},
      {"task_count", "TaskCount"},
      {"launch_type", "LaunchType"},
      {"platform_version", "PlatformVersion"},
      {"group", "Group"},
      {"enable_ecs_managed_tags", "EnableECSManagedTags", As::kValue, nullptr, "false"},
      {"enable_execute_command", "EnableExecuteCommand", As::kValue, nullptr, "false"},
      {"propagate_tags", "PropagateTags"},
      {"reference_id", "ReferenceId"},
      {"tags", "Tags", As::kTags},
      {"network_configuration", "NetworkConfiguration/AwsvpcConfiguration", As::kBlock, &kNetwork},
      {"capacity_provider_strategy", "CapacityProviderStrategy", As::kBlocks, &kCapacity},
      {constraints, "PlacementConstraints", As::kBlocks, &kConstraint},
      {strategy, "PlacementStrategy", As::kBlocks, &kStrategy},
  };
}

const Fields& scheduler_fields() {
  static const Fields ecs = ecs_parameters("placement_constraints", "placement_strategy");
  static const Fields target = {
      {"arn", "Arn"},
      {"role_arn", "RoleArn"},
      {"input", "Input"},
      {"ecs_parameters", "EcsParameters", As::kBlock, &ecs},
      {"retry_policy", "RetryPolicy", As::kBlock, &kRetry},
      {"dead_letter_config", "DeadLetterConfig", As::kBlock, &kDeadLetter},
  };
  static const Fields fields = {
      {"name", "Name"},
      {"description", "Description"},
      {"group_name", "GroupName"},
      {"kms_key_arn", "KmsKeyArn"},
      {"schedule_expression", "ScheduleExpression"},
      {"schedule_expression_timezone", "ScheduleExpressionTimezone"},
      {"state", "State"},
      {"start_date", "StartDate"},
      {"end_date", "EndDate"},
      {"action_after_completion", "ActionAfterCompletion"},
      {"flexible_time_window", "FlexibleTimeWindow", As::kBlock, &kWindow},
      {"target", "Target", As::kBlock, &target},
      {"name_prefix", "", As::kIgnore},
      {"arn", "", As::kIgnore},
      {"id", "", As::kIgnore},
  };
  return fields;
}

/// The target as an EventBridge Scheduler Target (rooted at the schedule document's /Target).
const Fields& event_target_fields() {
  static const Fields ecs = ecs_parameters("placement_constraint", "ordered_placement_strategy");
  static const Fields fields = {
      {"arn", "Arn"},
      {"role_arn", "RoleArn"},
      {"input", "Input"},
      {"input_path", "InputPath"},
      {"input_transformer", "InputTransformer", As::kBlock, &kTransformer},
      {"ecs_target", "EcsParameters", As::kBlock, &ecs},
      {"retry_policy", "RetryPolicy", As::kBlock, &kRetry},
      {"dead_letter_config", "DeadLetterConfig", As::kBlock, &kDeadLetter},
      {"target_id", "Id"},
      {"rule", "", As::kIgnore},            // linked: the rule's attributes are read
      {"event_bus_name", "", As::kIgnore},  // finds the rule (rule_of); it does not change when the task runs
      {"force_destroy", "", As::kIgnore},
      {"id", "", As::kIgnore},
  };
  return fields;
}

/// What a rule gives its targets' schedules; event_pattern is reported by report_event_rule.
const Fields& event_rule_fields() {
  static const Fields fields = {
      {"name", "Name"},
      {"description", "Description"},
      {"schedule_expression", "ScheduleExpression"},
      {"state", "State"},
      {"is_enabled", "", As::kIgnore},  // the deprecated form of state (finish_rule reads it when state is unset)
      {"event_pattern", "", As::kIgnore},
      {"event_bus_name", "", As::kIgnore},
      {"name_prefix", "", As::kIgnore},
      {"arn", "", As::kIgnore},
      {"id", "", As::kIgnore},
      {"tags_all", "", As::kIgnore},
      {"force_destroy", "", As::kIgnore},
  };
  return fields;
}

bool set(const io::Node* v) { return v != nullptr && !unset_value(*v); }

std::string text(const io::Node* v, const std::string& otherwise = "") {
  return v != nullptr && v->is_string() && !v->text().empty() ? v->text() : otherwise;
}

/// Member `path` of `n`, through the first item of each block list on the way.
const io::Node* at_path(const io::Node* n, std::initializer_list<std::string_view> path) {
  for (std::string_view key : path) {
    if (n != nullptr && n->is_array()) n = n->size() > 0 ? &n->items()[0] : nullptr;
    n = n != nullptr && n->is_object() ? n->find(key) : nullptr;
  }
  return n;
}

/// The event bus a name or ARN names ("arn:...:event-bus/orders" is "orders").
std::string bus_name(const io::Node* v) {
  const std::string bus = text(v, "default");
  const auto slash = bus.rfind('/');
  return bus.rfind("arn:", 0) == 0 && slash != std::string::npos ? bus.substr(slash + 1) : bus;
}

bool runs_task(const TfResource& target) { return target.values != nullptr && set(target.values->find("ecs_target")); }

/// The rule of an aws_cloudwatch_event_target: by the configuration's reference (a plan), else by
/// its name and event bus; nullptr when the document does not hold it.
const TfResource* rule_of(const TfDocument& doc, const TfResource& target) {
  const TfResource* linked = referenced_resource(doc, target, "rule", {"aws_cloudwatch_event_rule"});
  if (linked != nullptr && linked->values != nullptr) return linked;
  const std::string name = text(target.values->find("rule"));
  const std::string bus = bus_name(target.values->find("event_bus_name"));
  for (const TfResource& r : doc.resources) {
    if (!r.managed || r.type != "aws_cloudwatch_event_rule" || r.values == nullptr) continue;
    if (!name.empty() && text(r.values->find("name")) == name && bus_name(r.values->find("event_bus_name")) == bus) return &r;
  }
  return nullptr;
}

/// A rule written with the deprecated is_enabled and no state.
void finish_rule(const TfResource& rule, io::Node& doc) {
  const io::Node* enabled = rule.values->find("is_enabled");
  if (doc.find("State") != nullptr || enabled == nullptr || !enabled->is_bool() || enabled->as_bool()) return;
  io::Node state = io::Node::string("DISABLED");
  state.set_position(enabled->line(), enabled->column());
  doc.set("State", std::move(state));
}

/// In a plan, an input known only after apply: the container overrides are not known.
void warn_unknown_input(TfReader& rd, const TfResource& r, std::initializer_list<std::string_view> path) {
  const io::Node* mark = at_path(r.unknown, path);
  if (mark == nullptr || !mark->is_bool() || !mark->as_bool()) return;
  rd.diags.warning("terraform-placeholder", tf_location(rd.file, r),
                   r.address + ": input (the RunTask container overrides) is known only after apply: the CronJob runs the "
                   "task definition's commands and environment; convert the state after `terraform apply`");
}

/// Reads `doc` (rooted at `root`) as a schedule: what the reader reports, and where the schedule's
/// task definition and container overrides are named, moved to the Terraform JSON.
void read_as_schedule(TfReader& rd, const io::Node& doc, const std::string& root, const Translation& t) {
  Diagnostics local;
  ecs::Bundle part;
  ecs::read_ecs_as(doc, scheduler_schedule_kind(), rd.file, root, part, local);
  report_translated(local, t, rd.diags);
  for (ecs::ScheduleInput& s : part.schedules) {
    s.where.pointer = source_pointer(t, s.where.pointer);
    for (ecs::ContainerOverride& o : s.overrides) o.where.pointer = source_pointer(t, o.where.pointer);
    rd.bundle.schedules.push_back(std::move(s));
  }
}

void skipped(TfReader& rd, const TfResource& r, const std::string& why) {
  rd.diags.note("terraform-skipped", tf_location(rd.file, r), r.address + " " + why + "; not converted");
}

}  // namespace

bool schedule_type(const std::string& type) {
  return type == "aws_scheduler_schedule" || type == "aws_cloudwatch_event_target" || type == "aws_cloudwatch_event_rule";
}

void read_scheduler_schedule(TfReader& rd, const TfResource& r) {
  if (!set(at_path(r.values, {"target", "ecs_parameters"}))) return skipped(rd, r, "does not run an ECS task (its target has no ecs_parameters)");
  std::optional<Translation> t = tf_translated(rd, r, scheduler_fields(), r.pointer, false);
  if (!t) return;
  warn_unknown_input(rd, r, {"target", "input"});
  read_as_schedule(rd, t->doc, r.pointer, *t);
}

void read_event_target(TfReader& rd, const TfResource& r) {
  if (!runs_task(r)) return skipped(rd, r, "does not run an ECS task (no ecs_target)");
  const TfResource* rule = rule_of(rd.doc, r);
  if (rule == nullptr) {
    rd.diags.warning("missing-reference", tf_location(rd.file, r),
                     r.address + " runs an ECS task on rule \"" + text(r.values->find("rule")) + "\", which is not in this " +
                         (rd.doc.plan ? "plan" : "state") + ": when it runs is not known; not converted (convert the "
                         "Terraform JSON that holds the rule)");
    return;
  }
  if (!set(rule->values->find("schedule_expression"))) {
    rd.diags.warning("unsupported-field", tf_location(rd.file, *rule),
                     rule->address + " runs an ECS task (" + r.address + ") when events match (event_pattern), not on a schedule: "
                     "Kubernetes has no such trigger built in (KEDA or Argo Events can start a Job); not converted");
    return;
  }
  std::optional<Translation> t = tf_translated(rd, r, event_target_fields(), r.pointer + "/Target", false);
  if (!t) return;
  Diagnostics quiet;  // the rule's own attributes are reported once, by report_event_rule
  const LinkResolver none;
  Translation from_rule = translate(*rule, event_rule_fields(), r.pointer, {rd.file, rd.limits, none, quiet});
  if (from_rule.failed) return;
  from_rule.pointers.erase(from_rule.pointers.begin());  // the document's root is the target's
  finish_rule(*rule, from_rule.doc);
  io::Node doc = std::move(from_rule.doc);
  doc.set("Target", std::move(t->doc));
  for (auto& p : from_rule.pointers) t->pointers.push_back(std::move(p));
  warn_unknown_input(rd, r, {"input"});
  read_as_schedule(rd, doc, r.pointer, *t);
}

void report_event_rule(TfReader& rd, const TfResource& r) {
  if (!tf_translated(rd, r, event_rule_fields(), r.pointer, false)) return;
  bool runs = false;
  for (const TfResource& target : rd.doc.resources) {
    if (target.managed && target.type == "aws_cloudwatch_event_target" && runs_task(target) && rule_of(rd.doc, target) == &r) runs = true;
  }
  if (!runs) return skipped(rd, r, "runs no ECS task (no aws_cloudwatch_event_target with an ecs_target names it)");
  const io::Node* pattern = r.values->find("event_pattern");
  if (set(pattern) && set(r.values->find("schedule_expression"))) {
    rd.diags.warning("unsupported-field", {rd.file, r.pointer + "/event_pattern", pattern->line(), pattern->column(), -1},
                     r.address + ": event_pattern is not carried to the CronJob (it runs on its schedule only)");
  }
}

}  // namespace specconv::iac
