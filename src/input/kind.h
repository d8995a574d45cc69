// The input registry: the one place that decides what an input document is. Every entry point
// asks it — `to-k8s`, `to-ecs`, `convert` (batch grouping), `explain` and `validate` — and the
// readers dispatch on its answer, so a new input format (CloudFormation templates, Terraform JSON)
// is taught here once.
//
// Two ways in, one rule: classify() looks at a parsed tree, sniff() at raw text without parsing it
// (the batch classifies every file of a folder before converting any). Both reduce the document to
// its top-level keys (top_level.h) and decide() turns those into a Kind. Pure; never prints.
#pragma once

#include <string>
#include <optional>
#include <string_view>

#include "io/key_spelling.h"
#include "io/tree.h"

namespace specconv::input {

enum class Platform { kUnknown, kEcs, kKubernetes };

/// What one document is.
enum class Shape {
  kUnknown,
  kEcsTaskDefinition,          // RegisterTaskDefinition input: containerDefinitions (or a family alone)
  kEcsDescribeTaskDefinition,  // describe-task-definition output: {"taskDefinition": {...}, "tags": [...]}
  kEcsConverted,               // what `to-ecs` writes: {"taskDefinition", "service", "autoscaling"}
  kEcsService,                 // CreateService input, or one service of describe-services
  kEcsDescribeServices,        // describe-services output: {"services": [...]}
  kEcsWiring,                  // describe-target-groups / -listeners / -rules / -load-balancers, scaling
  kEcsApiCall,                 // {"api": "ecs:...", "input": {...}}, what `to-ecs --format api` writes
  kEcsSchedule,                // EventBridge Scheduler get-schedule output: ScheduleExpression and Target
  kCloudFormationTemplate,     // a Resources section (AWS::... types): read by iac::read_template
  kTerraformState,             // `terraform show -json` of a state: format_version and values (root_module)
  kTerraformPlan,              // `terraform show -json PLAN` of a saved plan: format_version and planned_values
  kKubernetesObject,           // apiVersion and kind (a List included)
};

[[nodiscard]] const char* to_string(Shape shape);

struct Kind {
  Shape shape = Shape::kUnknown;
  io::KeyStyle keys = io::KeyStyle::kCamel;  // how an ECS document spells its keys
  std::string k8s_kind;                      // a Kubernetes object's kind (when a string)

  [[nodiscard]] Platform platform() const;
  /// A document with no workload of its own: an ECS service or describe-* wiring, or a Kubernetes
  /// Service, Ingress, HPA, ConfigMap... (an ECS companion needs the task definitions beside it).
  [[nodiscard]] bool companion() const;
};

/// What a parsed document is (an array: what its first element is).
[[nodiscard]] Kind classify(const io::Node& root);

/// What a file is from its text, without parsing it: JSON by its top-level keys (an array by its
/// first element); YAML is a Kubernetes manifest when it says `apiVersion:` and `kind:`, and a
/// companion unless some document's top-level `kind:` is a workload kind; YAML with a top-level
/// `Resources:` section and `Type: AWS::` resources is a CloudFormation template.
/// Terraform JSON is told by `format_version` with a `values` object (a state) or a
/// `planned_values` object (a saved plan); read_terraform checks their root_module.
[[nodiscard]] Kind sniff(std::string_view text);

/// The first character of `text` that is not white space (space, tab, CR, LF), or nothing when
/// the text is blank: `{` or `[` is read as JSON, anything else as YAML.
[[nodiscard]] std::optional<char> first_significant(std::string_view text);

/// Whether `text` starts (after white space) like a JSON object or array.
[[nodiscard]] inline bool starts_like_json(std::string_view text) {
  const std::optional<char> c = first_significant(text);
  return c == '{' || c == '[';
}

/// A Terraform state or plan (`terraform show -json`): read by iac::read_terraform.
[[nodiscard]] inline bool is_terraform(Shape shape) {
  return shape == Shape::kTerraformState || shape == Shape::kTerraformPlan;
}

}  // namespace specconv::input
