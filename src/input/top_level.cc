// decide(): the one rule for what a document is, from its top-level keys.
#include "input/top_level.h"

#include <array>

namespace specconv::input {
namespace {

/// ECS API keys that say what a document is, by folded spelling.
enum class EcsKey { kNone, kContainerDefinitions, kFamily, kTaskDefinition, kService, kAutoscaling, kServiceName,
                    kServices, kServiceField };

EcsKey ecs_key(std::string_view key) {
  static const std::array<std::pair<std::string_view, EcsKey>, 13> kKeys = {{
      {"containerdefinitions", EcsKey::kContainerDefinitions},
      {"family", EcsKey::kFamily},
      {"taskdefinition", EcsKey::kTaskDefinition},
      {"service", EcsKey::kService},
      {"autoscaling", EcsKey::kAutoscaling},
      {"servicename", EcsKey::kServiceName},
      {"services", EcsKey::kServices},
      {"desiredcount", EcsKey::kServiceField},
      {"deploymentconfiguration", EcsKey::kServiceField},
      {"loadbalancers", EcsKey::kServiceField},
      {"schedulingstrategy", EcsKey::kServiceField},
      {"launchtype", EcsKey::kServiceField},
      {"serviceregistries", EcsKey::kServiceField},
  }};
  const std::string folded = io::fold_key(key);
  for (const auto& [name, id] : kKeys) {
    if (folded == name) return id;
  }
  return EcsKey::kNone;
}

bool wiring_key(std::string_view key) {
  return key == "TargetGroups" || key == "Listeners" || key == "Rules" || key == "LoadBalancers" ||
         key == "ScalableTargets" || key == "ScalingPolicies";
}

void note_ecs(TopLevel& top, EcsKey id, ValueType type) {
  switch (id) {
    case EcsKey::kContainerDefinitions: top.container_definitions = true; break;
    case EcsKey::kFamily: top.family = true; break;
    case EcsKey::kTaskDefinition:
      top.task_definition = true;
      top.task_definition_string = type == ValueType::kString;
      break;
    case EcsKey::kService: top.service = true; break;
    case EcsKey::kAutoscaling: top.autoscaling = true; break;
    case EcsKey::kServiceName: top.service_name = true; break;
    case EcsKey::kServices: top.services = true; break;
    case EcsKey::kServiceField: top.service_field = true; break;
    case EcsKey::kNone: break;
  }
}

Kind ecs_kind(const TopLevel& top, Shape shape) {
  Kind k;
  k.shape = shape;
  k.keys = top.keys;
  return k;
}

}  // namespace

void note(TopLevel& top, std::string_view key, ValueType type, std::string_view text) {
  if (key == "apiVersion") top.api_version = true;
  if (key == "kind") {
    top.kind = true;
    if (type == ValueType::kString) top.kind_text = std::string(text);
  }
  if (key == "api") top.api_call = true;
  if (key == "Resources" && type == ValueType::kObject) top.resources = true;
  if (key == "input") top.api_input = true;
  if (key == "format_version" && type == ValueType::kString) top.format_version = true;
  if (key == "values" && type == ValueType::kObject) top.terraform_values = true;
  if (key == "planned_values" && type == ValueType::kObject) top.planned_values = true;
  if (key == "ScheduleExpression") {
    top.schedule_expression = true;
    top.keys = io::KeyStyle::kPascal;
    top.spelled = true;
  }
  if (key == "Target" && type == ValueType::kObject) top.target = true;
  if (wiring_key(key)) {
    top.wiring = true;
    top.target_groups = top.target_groups || key == "TargetGroups";
    return;  // LoadBalancers: the ELBv2 describe output, not a service's loadBalancers
  }
  const EcsKey id = ecs_key(key);
  if (id == EcsKey::kNone) return;
  note_ecs(top, id, type);
  if (!top.spelled && id != EcsKey::kFamily && id != EcsKey::kService && id != EcsKey::kServices) {
    top.keys = io::style_of(key);  // one-word keys say nothing about the spelling
    top.spelled = true;
  }
}

Kind decide(const TopLevel& top) {
  if (top.api_version && top.kind && !top.container_definitions) {
    Kind k;
    k.shape = Shape::kKubernetesObject;
    k.k8s_kind = top.kind_text;
    return k;
  }
  if (top.resources) return ecs_kind(top, Shape::kCloudFormationTemplate);  // its Rules are not listener rules
  if (top.format_version && top.planned_values) return ecs_kind(top, Shape::kTerraformPlan);
  if (top.format_version && top.terraform_values) return ecs_kind(top, Shape::kTerraformState);
  if (top.container_definitions || (top.family && !top.task_definition)) return ecs_kind(top, Shape::kEcsTaskDefinition);
  if (top.task_definition && (top.service || top.autoscaling)) return ecs_kind(top, Shape::kEcsConverted);
  if (top.task_definition && !top.task_definition_string && !top.service_name) {
    return ecs_kind(top, Shape::kEcsDescribeTaskDefinition);
  }
  if (top.service_name || ((top.service_field || top.task_definition) && !top.target_groups)) {
    return ecs_kind(top, Shape::kEcsService);
  }
  if (top.services) return ecs_kind(top, Shape::kEcsDescribeServices);
  if (top.wiring) return ecs_kind(top, Shape::kEcsWiring);
  if (top.api_call && top.api_input) return ecs_kind(top, Shape::kEcsApiCall);
  if (top.schedule_expression && top.target) return ecs_kind(top, Shape::kEcsSchedule);
  return {};
}

}  // namespace specconv::input
