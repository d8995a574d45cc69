// classify(): what a parsed document is; the shared Kind helpers.
#include "input/kind.h"

#include "input/kubernetes_kinds.h"
#include "input/top_level.h"

namespace specconv::input {

const char* to_string(Shape shape) {
  switch (shape) {
    case Shape::kEcsTaskDefinition: return "ECS task definition";
    case Shape::kEcsDescribeTaskDefinition: return "describe-task-definition output";
    case Shape::kEcsConverted: return "ECS task definition and service";
    case Shape::kEcsService: return "ECS service";
    case Shape::kEcsDescribeServices: return "describe-services output";
    case Shape::kEcsWiring: return "load balancer or autoscaling describe-* output";
    case Shape::kEcsApiCall: return "AWS API call";
    case Shape::kEcsSchedule: return "EventBridge Scheduler schedule (get-schedule output)";
    case Shape::kCloudFormationTemplate: return "CloudFormation template";
    case Shape::kTerraformState: return "Terraform state (terraform show -json)";
    case Shape::kTerraformPlan: return "Terraform plan (terraform show -json PLAN)";
    case Shape::kKubernetesObject: return "Kubernetes object";
    case Shape::kUnknown: break;
  }
  return "unrecognized input";
}

Platform Kind::platform() const {
  if (shape == Shape::kUnknown) return Platform::kUnknown;
  return shape == Shape::kKubernetesObject ? Platform::kKubernetes : Platform::kEcs;
}

bool Kind::companion() const {
  switch (shape) {
    case Shape::kEcsService:
    case Shape::kEcsDescribeServices:
    case Shape::kEcsWiring:
    case Shape::kEcsSchedule: return true;
    case Shape::kKubernetesObject: return !is_workload_kind(k8s_kind) && k8s_kind != "List";
    default: return false;
  }
}

Kind classify(const io::Node& root) {
  if (root.is_array()) return root.items().empty() ? Kind{} : classify(root.items().front());
  if (!root.is_object()) return {};
  TopLevel top;
  for (const auto& [key, value] : root.members()) {
    const ValueType type = value.is_string() ? ValueType::kString : value.is_object() ? ValueType::kObject : ValueType::kOther;
    note(top, key, type, value.is_string() ? std::string_view(value.text()) : std::string_view());
  }
  return decide(top);
}

}  // namespace specconv::input
