// API input objects as Terraform arguments and blocks (see terraform_args.h).
#include "aws/terraform_args.h"

#include <algorithm>
#include <string>

namespace specconv::aws {
namespace {

using io::HclBody;
using io::HclExpr;
using io::Node;

enum class Shape {
  kAuto,          // scalars and lists of scalars: arguments; objects: blocks
  kMap,           // a free-form object: a map argument (driverOpts, labels, options)
  kKeyValueMap,   // [{key, value}] -> a map argument (tags)
  kNameValueMap,  // [{name, value}] -> a map argument (proxy configuration properties)
  kLift,          // an object whose members belong to the enclosing body (awsvpcConfiguration)
  kLiftPrefixed,  // ... with `deployment_` before its scalar members (deploymentConfiguration)
  kHostPath,      // {"sourcePath": p} -> host_path = p
  kEnabledBool,   // "ENABLED" / "DISABLED" -> true / false (assignPublicIp)
};

struct Rule {
  std::string_view key;
  std::string_view name;  // "" = snake_case of the key
  Shape shape;
};

/// The AWS provider's irregular names and shapes, by API key.
constexpr Rule kRules[] = {
    {"volumes", "volume", Shape::kAuto},
    {"inferenceAccelerators", "inference_accelerator", Shape::kAuto},
    {"placementStrategy", "ordered_placement_strategy", Shape::kAuto},
    {"volumeConfigurations", "volume_configuration", Shape::kAuto},
    {"services", "service", Shape::kAuto},
    {"clientAliases", "client_alias", Shape::kAuto},
    {"secretOptions", "secret_option", Shape::kAuto},
    {"role", "iam_role", Shape::kAuto},
    {"sizeInGiB", "size_in_gib", Shape::kAuto},
    {"tags", "", Shape::kKeyValueMap},
    {"properties", "", Shape::kNameValueMap},
    {"driverOpts", "", Shape::kMap},
    {"labels", "", Shape::kMap},
    {"options", "", Shape::kMap},
    {"host", "", Shape::kHostPath},
    {"awsvpcConfiguration", "", Shape::kLift},
    {"deploymentConfiguration", "", Shape::kLiftPrefixed},
    {"assignPublicIp", "", Shape::kEnabledBool},
};

const Rule* rule_for(std::string_view key) {
  for (const Rule& r : kRules) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

HclExpr map_of_pairs(const Node& array, const char* key_member) {
  std::vector<HclExpr::Member> members;
  for (const Node& item : array.items()) {
    const Node* k = item.find(key_member);
    const Node* v = item.find("value");
    if (k != nullptr && k->is_string()) members.emplace_back(k->text(), v != nullptr ? HclExpr::from_node(*v) : HclExpr::string(""));
  }
  return HclExpr::object(std::move(members));
}

bool is_objects(const Node& value) {
  return value.is_object() || (value.is_array() && !value.items().empty() && value.items().front().is_object());
}

void add_member(const std::string& key, const Node& value, HclBody& body, std::string_view prefix);

/// Adds every member of `input`, with `prefix` before the names of its scalar arguments.
void add_members(const Node& input, HclBody& body, const std::vector<std::string_view>& skip, std::string_view prefix) {
  for (const auto& [key, value] : input.members()) {
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    add_member(key, value, body, prefix);
  }
}

void add_member(const std::string& key, const Node& value, HclBody& body, std::string_view prefix) {
  const Rule* rule = rule_for(key);
  const std::string name = rule != nullptr && !rule->name.empty() ? std::string(rule->name) : io::snake_case(key);
  switch (rule != nullptr ? rule->shape : Shape::kAuto) {
    case Shape::kMap: body.attribute(name, HclExpr::from_node(value)); return;
    case Shape::kKeyValueMap: body.attribute(name, map_of_pairs(value, "key")); return;
    case Shape::kNameValueMap: body.attribute(name, map_of_pairs(value, "name")); return;
    case Shape::kLift: add_members(value, body, {}, ""); return;
    case Shape::kLiftPrefixed: add_members(value, body, {}, "deployment_"); return;
    case Shape::kHostPath:
      if (const Node* p = value.find("sourcePath")) body.attribute("host_path", HclExpr::from_node(*p));
      return;
    case Shape::kEnabledBool:
      body.attribute(name, value.is_string() ? HclExpr::boolean(value.text() == "ENABLED") : HclExpr::from_node(value));
      return;
    case Shape::kAuto: break;
  }
  if (!is_objects(value)) {
    body.attribute(std::string(prefix) + name, HclExpr::from_node(value));
    return;
  }
  if (value.is_object()) {
    add_members(value, body.block(name), {}, "");
    return;
  }
  for (const Node& item : value.items()) add_members(item, body.block(name), {}, "");
}

}  // namespace

void add_terraform_arguments(const Node& input, HclBody& body, const std::vector<std::string_view>& skip) {
  add_members(input, body, skip, "");
}

}  // namespace specconv::aws
