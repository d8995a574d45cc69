// read_template: the template's sections checked, each resource read by type, the rest reported.
#include "iac/template.h"

#include <algorithm>
#include <array>
#include <map>

#include "ecs/reader.h"
#include "iac/evaluator.h"
#include "iac/physical.h"
#include "iac/schedule.h"
#include "iac/wiring.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

constexpr std::array<std::string_view, 12> kSections = {"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
                                                        "Rules", "Mappings", "Conditions", "Transform", "Resources",
                                                        "Outputs", "Hooks", "Globals"};  // Globals: SAM's

std::string props_pointer(const std::string& id) { return "/Resources/" + io::escape_pointer_token(id) + "/Properties"; }

/// The sections are known and every resource has a Type: errors otherwise (nothing is read).
bool well_formed(const io::Node& root, const std::string& file, Diagnostics& diags) {
  const std::size_t before = diags.count(Severity::kError);
  for (const auto& [key, value] : root.members()) {
    if (std::find(kSections.begin(), kSections.end(), key) == kSections.end()) {
      diags.error("unknown-key", {file, "/" + io::escape_pointer_token(key), value.line(), value.column(), -1},
                  "\"" + key + "\" is not a section of a CloudFormation template");
    }
  }
  const io::Node* resources = root.is_object() ? root.find("Resources") : nullptr;
  if (resources == nullptr || !resources->is_object()) {
    // The text looked like a template (a Resources: line, an AWS:: type) but the document is not one.
    diags.error(resources == nullptr ? "missing-field" : "type-mismatch",
                {file, resources == nullptr ? "" : "/Resources", resources != nullptr ? resources->line() : root.line(),
                 resources != nullptr ? resources->column() : root.column(), -1},
                "a CloudFormation template is an object whose Resources is an object of resources");
    return false;
  }
  for (const auto& [id, r] : resources->members()) {
    const std::string ptr = "/Resources/" + io::escape_pointer_token(id);
    const io::Node* type = r.is_object() ? r.find("Type") : nullptr;
    if (type == nullptr || !type->is_string()) {
      diags.error(r.is_object() ? "missing-field" : "type-mismatch", {file, ptr, r.line(), r.column(), -1},
                  "a resource is an object with a Type (a string such as AWS::ECS::TaskDefinition)");
    }
  }
  if (const io::Node* t = root.find("Transform")) {
    diags.warning("template-not-applied", {file, "/Transform", t->line(), t->column(), -1},
                  "the template's Transform (SAM, macros) is not applied: the resources it would add are not read");
  }
  return diags.count(Severity::kError) == before;
}

/// False (with a note) when the resource's Condition is false.
bool included(Evaluator& ev, const std::string& id, const io::Node& r, Diagnostics& diags) {
  const io::Node* c = r.find("Condition");
  if (c == nullptr) return true;
  const std::string ptr = "/Resources/" + io::escape_pointer_token(id) + "/Condition";
  if (!c->is_string()) {
    ev.fail(*c, ptr, "a resource's Condition is the name of a condition");
    return false;
  }
  if (ev.condition(c->text(), *c, ptr)) return true;
  if (!ev.failed()) {
    diags.note("template-skipped", {ev.file(), ptr, c->line(), c->column(), -1},
               "resource " + id + " is not created: its condition " + c->text() + " is false");
  }
  return false;
}

/// Sets `key` to `value` (where `key` was, or at the Properties).
void set_name(io::Node& doc, const std::string& key, const std::string& value) {
  io::Node n = io::Node::string(value);
  const io::Node* old = doc.find(key);
  n.set_position(old != nullptr ? old->line() : doc.line(), old != nullptr ? old->column() : doc.column());
  doc.set(key, std::move(n));
}

input::Kind pascal(input::Shape shape) {
  input::Kind k;
  k.shape = shape;
  k.keys = io::KeyStyle::kPascal;
  return k;
}

/// The IAM role of the template that `raw` names by Ref or Fn::GetAtt Arn ("" when none); `by_name`
/// when it is a Ref (the role's name, where an ARN is expected).
std::string role_named(Evaluator& ev, const io::Node& raw, bool& by_name) {
  std::string id;
  by_name = false;
  if (const io::Node* ref = raw.is_object() ? raw.find("Ref") : nullptr; ref != nullptr && ref->is_string()) {
    id = ref->text();
    by_name = true;
  } else if (const io::Node* att = raw.is_object() ? raw.find("Fn::GetAtt") : nullptr) {
    if (att->is_string() && att->text().size() > 4 && att->text().compare(att->text().size() - 4, 4, ".Arn") == 0) {
      id = att->text().substr(0, att->text().size() - 4);
    } else if (att->is_array() && att->size() == 2 && att->items()[0].is_string() && att->items()[1].is_string() &&
               att->items()[1].text() == "Arn") {
      id = att->items()[0].text();
    }
  }
  return ev.type_of(id) == "AWS::IAM::Role" ? id : "";
}

/// The task role, when a role of the template given by name (Ref): read as its ARN, which the IRSA
/// ServiceAccount names (the trust-policy note is the emitter's, irsa-trust-policy).
void link_task_role(Evaluator& ev, const std::string& id, io::Node& doc, Diagnostics& diags) {
  const io::Node* props = ev.resource(id)->find("Properties");
  const io::Node* raw = props != nullptr && props->is_object() ? props->find("TaskRoleArn") : nullptr;
  bool by_name = false;
  const std::string role = raw != nullptr ? role_named(ev, *raw, by_name) : "";
  if (role.empty()) return;
  const SourceLocation at{ev.file(), props_pointer(id) + "/TaskRoleArn", raw->line(), raw->column(), -1};
  if (!by_name) return;
  const std::optional<io::Node> arn = resource_att(ev, role, "Arn", *raw, at.pointer);
  if (!arn) return;
  set_name(doc, "TaskRoleArn", arn->text());
  diags.warning("type-coerced", at, "TaskRoleArn is the name of role " + role + " (Ref), not its ARN: read as its ARN");
}

void read_task_definition(Evaluator& ev, const std::string& id, ecs::Bundle& b, Diagnostics& diags) {
  std::optional<io::Node> doc = ev.properties(id);
  if (!doc) return;
  set_name(*doc, "Family", task_family(ev, id));
  link_task_role(ev, id, *doc, diags);
  ecs::read_ecs_as(*doc, pascal(input::Shape::kEcsTaskDefinition), ev.file(), props_pointer(id), b, diags);
}

/// The AWS::ECS::TaskSet of service `id` (one with `Service: !Ref id`), or "".
std::string task_set_of(Evaluator& ev, const std::string& id) {
  for (const auto& [other, r] : ev.root().find("Resources")->members()) {
    if (ev.type_of(other) != "AWS::ECS::TaskSet") continue;
    const io::Node* props = r.find("Properties");
    const io::Node* service = props != nullptr && props->is_object() ? props->find("Service") : nullptr;
    const io::Node* ref = service != nullptr && service->is_object() ? service->find("Ref") : nullptr;
    if (ref != nullptr && ref->is_string() && ref->text() == id) return other;
  }
  return "";
}

/// An EXTERNAL deployment's service names no task definition: its task set does, and may hold the
/// load balancers too (the task set's other settings are not read).
void take_from_task_set(Evaluator& ev, const std::string& id, io::Node& doc, Diagnostics& diags) {
  if (doc.find("TaskDefinition") != nullptr) return;
  const std::string set = task_set_of(ev, id);
  if (set.empty()) return;
  for (const char* key : {"TaskDefinition", "LoadBalancers"}) {
    if (doc.find(key) != nullptr) continue;
    if (std::optional<io::Node> v = ev.property(set, key)) doc.set(key, std::move(*v));
  }
  const io::Node& r = *ev.resource(set);
  diags.note("template-skipped", {ev.file(), "/Resources/" + io::escape_pointer_token(set), r.line(), r.column(), -1},
             "service " + id + " is deployed by task set " + set + " (an EXTERNAL deployment): its task definition and load "
             "balancers are read from it, its Scale and other settings are not");
}

void read_service(Evaluator& ev, const std::string& id, ecs::Bundle& b, Diagnostics& diags) {
  std::optional<io::Node> doc = ev.properties(id);
  if (!doc) return;
  set_name(*doc, "ServiceName", readable_name(ev, id, "ServiceName"));
  take_from_task_set(ev, id, *doc, diags);
  for (auto& [key, value] : doc->members()) {
    if (key == "PlacementStrategies") key = "PlacementStrategy";  // CreateService's name
  }
  ecs::read_ecs_as(*doc, pascal(input::Shape::kEcsService), ev.file(), props_pointer(id), b, diags);
}

/// The used properties of a wiring resource, evaluated (`unmapped`: the others, not evaluated).
std::optional<io::Node> used_properties_of(Evaluator& ev, const std::string& id, const std::string& type,
                                           std::vector<std::string>& unmapped) {
  const io::Node& r = *ev.resource(id);
  const io::Node* raw = r.find("Properties");
  io::Node props = io::Node::object();
  props.set_position(raw != nullptr ? raw->line() : r.line(), raw != nullptr ? raw->column() : r.column());
  if (raw == nullptr || raw->is_null()) return props;
  if (!raw->is_object()) {
    ev.fail(*raw, props_pointer(id), "Properties must be an object");
    return std::nullopt;
  }
  const std::vector<std::string_view>& used = used_properties(type);
  for (const auto& [key, value] : raw->members()) {
    if (std::find(used.begin(), used.end(), key) == used.end()) {
      unmapped.push_back(key);
    } else if (std::optional<io::Node> v = ev.property(id, key)) {
      props.set(key, std::move(*v));
    }
    if (ev.failed()) return std::nullopt;
  }
  return props;
}

/// A load balancing or scaling resource, read by the describe-* reader; false for other types.
bool read_wiring(Evaluator& ev, const std::string& id, const std::string& type, ecs::Bundle& b, Diagnostics& diags) {
  if (used_properties(type).empty()) return false;
  std::vector<std::string> unmapped;
  std::optional<io::Node> props = used_properties_of(ev, id, type, unmapped);
  if (!props) return true;
  WiringDocument w = wiring_document(ev, id, type, *props);
  if (ev.failed()) return true;
  io::Node doc = io::Node::object();
  io::Node list = io::Node::array();
  list.push(std::move(w.item));
  doc.set(w.list_key, std::move(list));
  Diagnostics local;
  const std::string ptr = props_pointer(id);
  ecs::read_ecs_as(doc, pascal(input::Shape::kEcsWiring), ev.file(), ptr, b, local);
  const std::string inner = ptr + "/" + w.list_key + "/0";
  for (Diagnostic d : local.all()) {  // the entry's pointer is the resource's Properties
    if (d.location.pointer.rfind(inner, 0) == 0) d.location.pointer = ptr + d.location.pointer.substr(inner.size());
    diags.report(std::move(d));
  }
  const io::Node* raw = ev.resource(id)->find("Properties");
  for (const std::string& key : unmapped) {
    const io::Node* p = raw->find(key);
    diags.note("template-skipped", {ev.file(), ptr + "/" + io::escape_pointer_token(key), p->line(), p->column(), -1},
               type + " property " + key + " is not converted (no Kubernetes counterpart specconv makes)");
  }
  return true;
}

/// Types read only for what other resources take from them (names, ARNs).
bool referenced_only(const std::string& type) {
  for (std::string_view prefix : {"AWS::ECS::Cluster", "AWS::IAM::", "AWS::Logs::", "AWS::SSM::", "AWS::SecretsManager::",
                                  "AWS::CertificateManager::", "AWS::ServiceDiscovery::", "AWS::EFS::"}) {
    if (type.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

/// One diagnostic per resource type not converted, at its first resource, naming them all.
void report_skipped(const std::map<std::string, std::vector<std::pair<std::string, const io::Node*>>>& skipped,
                    const std::string& file, Diagnostics& diags) {
  for (const auto& [type, resources] : skipped) {
    std::string names;
    for (std::size_t i = 0; i < resources.size() && i < 5; ++i) names += (i > 0 ? ", " : "") + resources[i].first;
    if (resources.size() > 5) names += " and " + std::to_string(resources.size() - 5) + " more";
    const io::Node& first = *resources.front().second;
    const SourceLocation at{file, "/Resources/" + io::escape_pointer_token(resources.front().first) + "/Type", first.line(),
                            first.column(), -1};
    if (referenced_only(type)) {
      diags.note("template-skipped", at, type + " (" + names + ") is read only for the names and ARNs other resources take from it");
    } else {
      diags.note("template-skipped", at, type + " (" + names + ") has no Kubernetes counterpart specconv makes; not converted");
    }
  }
}

}  // namespace

void read_template(const io::Node& root, const std::string& file, const TemplateInputs& inputs, const io::Limits& limits,
                   ecs::Bundle& bundle, Diagnostics& diags) {
  if (!well_formed(root, file, diags)) return;
  Evaluator ev(root, file, settings_for(inputs, file), limits, diags);
  std::map<std::string, std::vector<std::pair<std::string, const io::Node*>>> skipped;
  bool task_definition = false;
  for (const auto& [id, r] : root.find("Resources")->members()) {
    if (!included(ev, id, r, diags)) {
      if (ev.failed()) return;
      continue;
    }
    const std::string type = ev.type_of(id);
    if (type == "AWS::ECS::TaskDefinition") {
      read_task_definition(ev, id, bundle, diags);
      task_definition = true;
    } else if (type == "AWS::ECS::Service") {
      read_service(ev, id, bundle, diags);
    } else if (type == "AWS::ECS::TaskSet") {
      continue;  // read with its service
    } else if (type == "AWS::Events::Rule" || type == "AWS::Scheduler::Schedule") {
      read_scheduled_task(ev, id, type, bundle, diags);
    } else if (!read_wiring(ev, id, type, bundle, diags)) {
      skipped[type].emplace_back(id, r.find("Type"));
    }
    if (ev.failed()) return;
  }
  report_skipped(skipped, file, diags);
  if (!task_definition) {
    const io::Node& resources = *root.find("Resources");
    diags.error("template-no-task-definition", {file, "/Resources", resources.line(), resources.column(), -1},
                "the template defines no AWS::ECS::TaskDefinition: nothing to convert (a service or scaling policy for a "
                "task definition of another stack needs that stack's template or describe-task-definition output too)");
  }
}

}  // namespace specconv::iac
