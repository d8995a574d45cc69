// AWS::Scheduler::Schedule and AWS::Events::Rule -> ecs::ScheduleInput (see schedule.h).
#include "iac/schedule.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "ecs/reader.h"
#include "iac/physical.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

std::string resource_pointer(const std::string& id) { return "/Resources/" + io::escape_pointer_token(id); }

void skipped(Evaluator& ev, const std::string& pointer, const io::Node& at, const std::string& message, Diagnostics& diags) {
  diags.note("template-skipped", {ev.file(), pointer, at.line(), at.column(), -1}, message);
}

/// `p` moved from under `from` (a pointer of the document read) to under `to`, in the rule's spelling.
void move_pointer(std::string& p, const std::string& from, const std::string& to) {
  if (from.empty() || p.rfind(from, 0) != 0 || (p.size() != from.size() && p[from.size()] != '/')) return;
  p = to + p.substr(from.size());
  for (const auto& [read, written] : {std::pair<std::string, std::string>{"/PlacementStrategy", "/PlacementStrategies"}, {"/Tags", "/TagList"}}) {
    const std::string at = to + "/EcsParameters" + read;  // the rule's own spelling, as respelled below
    if (p.rfind(at, 0) == 0 && (p.size() == at.size() || p[at.size()] == '/')) p = to + "/EcsParameters" + written + p.substr(at.size());
  }
}

/// Reads `doc` as a schedule; diagnostics, and where the schedule names its task definition and
/// container overrides, under `from` (a pointer of `doc`) are moved to `to`.
void read_as_schedule(Evaluator& ev, const io::Node& doc, const std::string& pointer, const std::string& from,
                      const std::string& to, ecs::Bundle& b, Diagnostics& diags) {
  Diagnostics local;
  const std::size_t first = b.schedules.size();
  ecs::read_ecs_as(doc, scheduler_schedule_kind(), ev.file(), pointer, b, local);
  for (Diagnostic d : local.all()) {
    move_pointer(d.location.pointer, from, to);
    diags.report(std::move(d));
  }
  for (std::size_t i = first; i < b.schedules.size(); ++i) {
    move_pointer(b.schedules[i].where.pointer, from, to);
    for (ecs::ContainerOverride& o : b.schedules[i].overrides) move_pointer(o.where.pointer, from, to);
  }
}

/// A copy of `raw` with the members named in `keys` evaluated (removed when they evaluate to
/// nothing); the others stay as written, only reported or ignored by the reader (a role's ARN, a
/// dead-letter queue: not evaluated, so no placeholder is made for them). False when evaluation failed.
bool evaluate_keys(Evaluator& ev, const io::Node& raw, const std::string& pointer, std::initializer_list<std::string_view> keys,
                   io::Node& out) {
  out = raw;
  if (!raw.is_object()) return true;
  for (std::string_view key : keys) {
    const io::Node* v = raw.find(key);
    if (v == nullptr) continue;
    std::optional<io::Node> value = ev.evaluate(*v, pointer + "/" + std::string(key));
    if (ev.failed()) return false;
    if (value) {
      out.set(std::string(key), std::move(*value));
    } else {
      auto& m = out.members();
      m.erase(std::remove_if(m.begin(), m.end(), [&](const auto& kv) { return kv.first == key; }), m.end());
    }
  }
  return true;
}

/// A schedule target with what the conversion reads evaluated: EcsParameters' task definition,
/// count and launch type, and Input.
bool evaluated_target(Evaluator& ev, const io::Node& raw, const std::string& pointer, io::Node& out) {
  if (!evaluate_keys(ev, raw, pointer, {"Input"}, out)) return false;
  const io::Node* params = raw.find("EcsParameters");
  if (params == nullptr) return true;
  io::Node p;
  if (!evaluate_keys(ev, *params, pointer + "/EcsParameters", {"TaskDefinitionArn", "TaskCount", "LaunchType"}, p)) return false;
  out.set("EcsParameters", std::move(p));
  return true;
}

/// The EventBridge rule's spelling of EcsParameters respelled as EventBridge Scheduler's.
void respell_ecs_parameters(io::Node& target) {
  io::Node* p = target.find("EcsParameters");
  if (p == nullptr || !p->is_object()) return;
  for (auto& [key, value] : p->members()) {
    if (key == "PlacementStrategies") key = "PlacementStrategy";
    if (key == "TagList") key = "Tags";
  }
}

void read_rule(Evaluator& ev, const std::string& id, ecs::Bundle& b, Diagnostics& diags) {
  const std::string ptr = resource_pointer(id) + "/Properties";
  const io::Node* raw = ev.resource(id)->find("Properties");
  if (raw == nullptr || !raw->is_object()) return;
  io::Node evaluated;
  if (!evaluate_keys(ev, *raw, ptr, {"Name", "ScheduleExpression", "State"}, evaluated)) return;
  const io::Node* props = &evaluated;
  const io::Node* expr = props->find("ScheduleExpression");
  if (expr == nullptr) {
    const io::Node* targets = props->find("Targets");
    const bool runs_task = targets != nullptr && targets->is_array() &&
                           std::any_of(targets->items().begin(), targets->items().end(),
                                       [](const io::Node& t) { return t.is_object() && t.find("EcsParameters") != nullptr; });
    const io::Node& r = *ev.resource(id);
    if (runs_task) {
      diags.warning("unsupported-field", {ev.file(), resource_pointer(id), r.line(), r.column(), -1},
                    "rule " + id + " runs an ECS task when events match (EventPattern), not on a schedule: Kubernetes has no "
                    "such trigger built in (KEDA or Argo Events can start a Job); not converted");
    } else {
      skipped(ev, resource_pointer(id), r, "rule " + id + " matches events and runs no ECS task; not converted", diags);
    }
    return;
  }
  const io::Node* targets = props->find("Targets");
  std::size_t read = 0;
  for (std::size_t i = 0; targets != nullptr && targets->is_array() && i < targets->size(); ++i) {
    const io::Node& t = targets->items()[i];
    const std::string tptr = ptr + "/Targets/" + std::to_string(i);
    if (!t.is_object() || t.find("EcsParameters") == nullptr) {
      skipped(ev, tptr, t, "target " + std::to_string(i) + " of rule " + id + " does not run an ECS task; not converted", diags);
      continue;
    }
    io::Node doc = io::Node::object();
    doc.set_position(props->line(), props->column());
    for (const char* key : {"Description", "ScheduleExpression", "State"}) {
      if (const io::Node* v = props->find(key)) doc.set(key, *v);
    }
    doc.set("Name", io::Node::string(readable_name(ev, id, "Name")));  // names a CronJob beside the service
    io::Node target;
    if (!evaluated_target(ev, t, tptr, target)) return;
    respell_ecs_parameters(target);
    doc.set("Target", std::move(target));
    read_as_schedule(ev, doc, ptr, ptr + "/Target", tptr, b, diags);
    ++read;
  }
  if (read == 0) skipped(ev, resource_pointer(id), *ev.resource(id), "rule " + id + " runs no ECS task; not converted", diags);
  for (const char* key : {"EventPattern", "EventBusName"}) {
    if (const io::Node* v = props->find(key)) {
      diags.warning("unsupported-field", {ev.file(), ptr + "/" + key, v->line(), v->column(), -1},
                    std::string("rule ") + id + ": " + key + " is not carried to the CronJob (it runs on its schedule only)");
    }
  }
}

}  // namespace

input::Kind scheduler_schedule_kind() {
  input::Kind k;
  k.shape = input::Shape::kEcsSchedule;
  k.keys = io::KeyStyle::kPascal;
  return k;
}

void read_scheduled_task(Evaluator& ev, const std::string& id, const std::string& type, ecs::Bundle& b, Diagnostics& diags) {
  if (type == "AWS::Events::Rule") {
    read_rule(ev, id, b, diags);
    return;
  }
  const std::string ptr = resource_pointer(id) + "/Properties";
  const io::Node* raw = ev.resource(id)->find("Properties");
  const io::Node* target = raw != nullptr && raw->is_object() ? raw->find("Target") : nullptr;
  if (target == nullptr || !target->is_object() || target->find("EcsParameters") == nullptr) {
    skipped(ev, resource_pointer(id), *ev.resource(id), "schedule " + id + " does not run an ECS task; not converted", diags);
    return;
  }
  io::Node props;
  if (!evaluate_keys(ev, *raw, ptr, {"Name", "ScheduleExpression", "ScheduleExpressionTimezone", "State", "FlexibleTimeWindow"}, props)) return;
  io::Node t;
  if (!evaluated_target(ev, *target, ptr + "/Target", t)) return;
  props.set("Target", std::move(t));
  props.set("Name", io::Node::string(readable_name(ev, id, "Name")));
  read_as_schedule(ev, props, ptr, "", "", b, diags);
}

}  // namespace specconv::iac
