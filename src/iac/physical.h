// What Ref and Fn::GetAtt of a resource of the template evaluate to: the name or ARN
// CloudFormation would give it, made from the template (the name it gives, else a readable one)
// and the settings, so that the service's task definition, target groups and task role link to
// the resources that define them. Kubernetes names come from the same readable names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "iac/evaluator.h"

namespace specconv::iac {

std::optional<io::Node> resource_ref(Evaluator& ev, const std::string& id, const io::Node& at, const std::string& pointer);
std::optional<io::Node> resource_att(Evaluator& ev, const std::string& id, const std::string& attribute, const io::Node& at,
                                     const std::string& pointer);

/// `id` without the 8-hex-digit hash CDK appends to logical IDs (`WebServiceTaskDef1A2B3C4D` ->
/// `WebServiceTaskDef`); `id` itself when it has none.
[[nodiscard]] std::string without_cdk_hash(const std::string& id);
/// A resource's readable name: its `name_key` property when given, else its CDK construct path
/// (Metadata aws:cdk:path, stack and `Resource` dropped), else its logical ID without CDK's hash.
[[nodiscard]] std::string readable_name(Evaluator& ev, const std::string& id, std::string_view name_key);
/// A task definition's family: Family as given (CDK's generated `<stack><path><hash>` shortened
/// to the path), else its readable name.
[[nodiscard]] std::string task_family(Evaluator& ev, const std::string& id);

}  // namespace specconv::iac
