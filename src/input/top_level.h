// What the top-level keys of one document say about it. classify() (parsed tree) and sniff()
// (raw text) both fill a TopLevel key by key, so one rule, decide(), says what the document is.
#pragma once

#include <string>
#include <string_view>

#include "input/kind.h"

namespace specconv::input {

/// The type of a member's value, as far as the rule needs it.
enum class ValueType { kString, kObject, kOther };

struct TopLevel {
  bool api_version = false;
  bool kind = false;
  std::string kind_text;  // the kind when a string
  // ECS API keys, in any spelling (containerDefinitions, ContainerDefinitions, container_definitions):
  bool container_definitions = false;
  bool family = false;
  bool task_definition = false;
  bool task_definition_string = false;  // a service's reference, not a task definition
  bool service = false;
  bool autoscaling = false;
  bool service_name = false;
  bool services = false;
  bool service_field = false;  // desiredCount, deploymentConfiguration, loadBalancers, launchType, ...
  bool api_call = false;       // "api" (with "input")
  bool api_input = false;
  bool schedule_expression = false;  // EventBridge Scheduler: ScheduleExpression ...
  bool target = false;               // ... and Target (an object)
  bool resources = false;      // a CloudFormation template's Resources section (an object)
  // `terraform show -json`: format_version, and values (a state) or planned_values (a plan), objects
  bool format_version = false;
  bool terraform_values = false;
  bool planned_values = false;
  // describe-* wiring keys, as the ELBv2 and Application Auto Scaling APIs spell them:
  bool target_groups = false;
  bool wiring = false;
  io::KeyStyle keys = io::KeyStyle::kCamel;  // the spelling of the first ECS API key seen
  bool spelled = false;
};

/// Records one top-level member (`text`: the value when a string).
void note(TopLevel& top, std::string_view key, ValueType type, std::string_view text);

/// The rule.
[[nodiscard]] Kind decide(const TopLevel& top);

}  // namespace specconv::input
