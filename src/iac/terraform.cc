// read_terraform: the resources of the state or plan read by type, the rest reported.
#include "iac/terraform.h"

#include <algorithm>
#include <map>

#include "ecs/reader.h"
#include "iac/terraform_ecs.h"
#include "iac/terraform_links.h"
#include "iac/terraform_read.h"
#include "iac/terraform_schedule.h"
#include "iac/terraform_wiring.h"
#include "input/kind.h"
#include "io/pointer.h"
#include "io/suggest.h"

namespace specconv::iac {
namespace {

using Reader = TfReader;

SourceLocation at(const std::string& file, const TfResource& r) { return tf_location(file, r); }

std::string joined(const std::vector<std::string>& items, std::size_t most = 8) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i > 0 ? ", " : "") + items[i];
  if (items.size() > most) out += " and " + std::to_string(items.size() - most) + " more";
  return out;
}

/// "; did you mean X?" for a top-level attribute close to one of the table's, else "".
std::string suggestion(const std::string& path, const Fields& fields) {
  if (path.find('.') != std::string::npos) return "";
  std::vector<std::string_view> known;
  for (const Field& f : fields) known.push_back(f.tf);
  const std::optional<std::string> close = io::did_you_mean(path, known);
  return close ? "; did you mean \"" + *close + "\"?" : "";
}

void read_ecs_resource(Reader& rd, const TfResource& r, input::Shape shape) {
  const bool task = shape == input::Shape::kEcsTaskDefinition;
  std::optional<Translation> t = tf_translated(rd, r, task ? task_definition_fields() : service_fields(), r.pointer, true);
  if (!t) return;
  input::Kind kind;
  kind.shape = shape;
  Diagnostics local;
  ecs::read_ecs_as(t->doc, kind, rd.file, r.pointer, rd.bundle, local);
  report_translated(local, *t, rd.diags);
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  for (T& x : from) to.push_back(std::move(x));
}

void read_wiring(Reader& rd, const TfResource& r, std::string_view list) {
  std::optional<Translation> t = tf_translated(rd, r, wiring_fields(list), "/" + std::string(list) + "/0", false);
  if (!t) return;
  finish_wiring_entry(list, r, t->doc);
  io::Node doc = io::Node::object();
  io::Node items = io::Node::array();
  items.push(std::move(t->doc));
  doc.set(std::string(list), std::move(items));
  input::Kind kind;
  kind.shape = input::Shape::kEcsWiring;
  kind.keys = io::KeyStyle::kPascal;
  Diagnostics local;  // its pointers are the entry's (/TargetGroups/0/...): the translation maps them back
  ecs::Bundle part;
  ecs::read_ecs_as(doc, kind, rd.file, "", part, local);
  report_translated(local, *t, rd.diags);
  for (ecs::ScalingPolicyInfo& p : part.scaling_policies) {  // what later stages report the policy at
    p.where = at(rd.file, r);
    p.target.source_pointer = r.pointer;
  }
  append(rd.bundle.target_groups, part.target_groups);
  append(rd.bundle.listeners, part.listeners);
  append(rd.bundle.rules, part.rules);
  append(rd.bundle.load_balancers, part.load_balancers);
  append(rd.bundle.scalable_targets, part.scalable_targets);
  append(rd.bundle.scaling_policies, part.scaling_policies);
}

/// A target group's load balancers, when the state does not list them: those whose listeners
/// (default actions or rules) forward to it.
void link_target_groups(ecs::Bundle& b) {
  for (ecs::TargetGroupInfo& tg : b.target_groups) {
    if (!tg.load_balancer_arns.empty()) continue;
    auto add = [&](const std::string& lb) {
      if (!lb.empty() && std::find(tg.load_balancer_arns.begin(), tg.load_balancer_arns.end(), lb) == tg.load_balancer_arns.end()) {
        tg.load_balancer_arns.push_back(lb);
      }
    };
    for (const ecs::ListenerInfo& l : b.listeners) {
      if (std::find(l.default_target_groups.begin(), l.default_target_groups.end(), tg.arn) != l.default_target_groups.end()) add(l.load_balancer_arn);
      for (const ecs::RuleInfo& rule : b.rules) {
        const bool forwards = std::find(rule.target_groups.begin(), rule.target_groups.end(), tg.arn) != rule.target_groups.end();
        if (forwards && rule.listener_arn == l.arn) add(l.load_balancer_arn);
      }
    }
  }
}

/// Types read only for what other resources take from them (names, ARNs, IDs).
bool referenced_only(const std::string& type) {
  for (std::string_view prefix : {"aws_ecs_cluster", "aws_iam_", "aws_cloudwatch_log_", "aws_ssm_parameter", "aws_secretsmanager_",
                                  "aws_acm_", "aws_service_discovery_", "aws_efs_", "aws_lb_listener_certificate"}) {
    if (type.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

/// One diagnostic per resource type not converted (data sources apart), naming its resources.
void report_skipped(Reader& rd, const std::map<std::pair<bool, std::string>, std::vector<const TfResource*>>& skipped) {
  for (const auto& [key, resources] : skipped) {
    const auto& [data, type] = key;
    std::vector<std::string> names;
    for (const TfResource* r : resources) names.push_back(r->address);
    const SourceLocation where{rd.file, resources.front()->pointer.substr(0, resources.front()->pointer.size() - 7),
                               resources.front()->node->line(), resources.front()->node->column(), -1};
    const std::string what = (data ? "data source " : "") + type + " (" + joined(names, 5) + ")";
    if (data) {
      rd.diags.note("terraform-skipped", where, what + " is a lookup, not a resource of the configuration: not read");
    } else if (referenced_only(type)) {
      rd.diags.note("terraform-skipped", where, what + " is read only through the ARNs and IDs other resources hold");
    } else {
      rd.diags.note("terraform-skipped", where, what + " has no Kubernetes counterpart specconv makes; not converted");
    }
  }
}

}  // namespace

SourceLocation tf_location(const std::string& file, const TfResource& r) {
  return {file, r.pointer, r.values->line(), r.values->column(), -1};
}

std::optional<Translation> tf_translated(TfReader& rd, const TfResource& r, const Fields& fields, const std::string& api_root,
                                      bool strict) {
  const LinkResolver resolve = [&](const std::string& path, std::string& why) { return link_unknown(rd.doc, r, path, why); };
  const TranslateContext ctx{rd.file, rd.limits, resolve, rd.diags};
  Translation t = translate(r, fields, api_root, ctx);
  if (t.failed) return std::nullopt;
  if (!t.placeholders.empty()) {
    rd.diags.warning("terraform-placeholder", at(rd.file, r),
                     r.address + ": known only after apply: " + joined(t.placeholders, 20) +
                         "; what is not linked is written as REPLACE_ME_" + r.address + ".<attribute>: convert the state "
                         "after `terraform apply`, or replace it in the output");
  }
  std::vector<std::string> unread;
  for (const Translation::Unread& u : t.unread) {
    if (strict) {
      rd.diags.error("unknown-key", {rd.file, u.pointer, u.value->line(), u.value->column(), -1},
                     r.address + ": \"" + u.path + "\" is not an attribute of " + r.type + " that specconv knows (hashicorp/aws 5.x)" +
                         suggestion(u.path, fields));
    } else {
      unread.push_back(u.path);
    }
  }
  if (strict && !t.unread.empty()) return std::nullopt;
  if (!unread.empty()) {
    rd.diags.note("terraform-skipped", at(rd.file, r),
                  r.address + ": attributes not converted (no Kubernetes counterpart specconv makes): " + joined(unread, 40));
  }
  return t;
}

void read_terraform(const io::Node& root, const std::string& file, const io::Limits& limits, ecs::Bundle& bundle,
                    Diagnostics& diags) {
  bool ok = true;
  const TfDocument doc = terraform_resources(root, file, diags, ok);
  if (!ok) return;
  Reader rd{doc, file, limits, bundle, diags};
  std::map<std::pair<bool, std::string>, std::vector<const TfResource*>> skipped;
  bool task_definition = false;
  for (const TfResource& r : doc.resources) {
    const std::string_view list = wiring_list(r.type);
    if (r.managed && r.values == nullptr) {
      const SourceLocation where{file, r.pointer.substr(0, r.pointer.size() - 7), r.node->line(), r.node->column(), -1};
      const bool read = r.type.rfind("aws_ecs_", 0) == 0 || !wiring_list(r.type).empty() || schedule_type(r.type);
      const std::string what = r.address + " has no planned values (all known only after apply): not read";
      if (read) diags.warning("terraform-placeholder", where, what);
      else diags.note("terraform-skipped", where, what);
    } else if (!r.managed) {
      skipped[{true, r.type}].push_back(&r);
    } else if (r.type == "aws_ecs_task_definition") {
      read_ecs_resource(rd, r, input::Shape::kEcsTaskDefinition);
      task_definition = true;
    } else if (r.type == "aws_ecs_service") {
      read_ecs_resource(rd, r, input::Shape::kEcsService);
    } else if (r.type == "aws_scheduler_schedule") {
      read_scheduler_schedule(rd, r);
    } else if (r.type == "aws_cloudwatch_event_target") {
      read_event_target(rd, r);
    } else if (r.type == "aws_cloudwatch_event_rule") {
      report_event_rule(rd, r);
    } else if (!list.empty()) {
      read_wiring(rd, r, list);
    } else {
      skipped[{false, r.type}].push_back(&r);
    }
  }
  link_target_groups(bundle);
  report_skipped(rd, skipped);
  if (!task_definition) {
    const char* section = doc.plan ? "/planned_values/root_module" : "/values/root_module";
    const io::Node* m = io::resolve_pointer(root, section);
    diags.error("terraform-no-task-definition", {file, section, m != nullptr ? m->line() : 0, m != nullptr ? m->column() : 0, -1},
                std::string("the ") + (doc.plan ? "plan" : "state") + " has no aws_ecs_task_definition resource (child modules "
                "included): nothing to convert");
  }
}

std::optional<io::Node> terraform_task_definition(const io::Node& root, const std::string& pointer, const io::Limits& limits) {
  const io::Node* values = io::resolve_pointer(root, pointer);
  if (values == nullptr || !values->is_object() || values->find("container_definitions") == nullptr) return std::nullopt;
  TfResource r;
  r.address = "aws_ecs_task_definition";
  r.type = r.address;
  r.values = values;
  r.pointer = pointer;
  Diagnostics ignored;
  const LinkResolver none;
  const TranslateContext ctx{"", limits, none, ignored};
  Translation t = translate(r, task_definition_fields(), pointer, ctx);
  if (t.failed) return std::nullopt;
  return std::move(t.doc);
}

}  // namespace specconv::iac
