// See k8s_collect.h.
#include "app/k8s_collect.h"

#include <algorithm>

#include "app/carry_off.h"
#include "app/k8s_carry.h"
#include "app/k8s_document.h"
#include "app/output_check.h"
#include "app/shared_failure.h"
#include "io/json_write.h"

namespace specconv::app {
namespace {

/// Apply order inside one workload's objects.
const std::vector<std::string>& kind_order() {
  static const std::vector<std::string> kOrder = {"ServiceAccount", "ExternalSecret", "PersistentVolume",
                                                  "PersistentVolumeClaim", "Service", "Deployment",
                                                  "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod",
                                                  "HorizontalPodAutoscaler", "Ingress", "GatewayClass",
                                                  "LoadBalancerConfiguration", "Gateway", "TargetGroupConfiguration",
                                                  "ListenerRuleConfiguration", "HTTPRoute"};
  return kOrder;
}

int kind_rank(const std::string& kind) {
  const auto& order = kind_order();
  return static_cast<int>(std::find(order.begin(), order.end(), kind) - order.begin());
}

bool is_controller(const std::string& kind) { return kind_rank(kind) >= kind_rank("Deployment") && kind_rank(kind) <= kind_rank("Pod"); }

SourceLocation where(const EmittedWorkload& w) {
  return {w.workload->has_service ? w.workload->service_file : w.workload->source_file, "", 0, 0, -1};
}

/// The task definition the workload was read from.
SourceLocation task_location(const EmittedWorkload& w) { return {w.workload->source_file, w.workload->source_pointer, 0, 0, -1}; }

/// Where the workload's name comes from: the service's serviceName, else the task's family.
SourceLocation name_location(const EmittedWorkload& w) {
  const model::Workload& m = *w.workload;
  if (m.has_service) return {m.service_file, m.service_pointer + "/serviceName", 0, 0, -1};
  return {m.source_file, m.source_pointer + "/family", 0, 0, -1};
}

/// The carry may give a workload back its Kubernetes name; two workloads may not write one name.
/// `taken`: the names written so far, each with the --name key that gave it ("" when none).
void restore_carry(EmittedWorkload& w, std::map<std::string, std::string>& taken) {
  if (w.diagnostics.has_errors()) return;
  const std::string carried = restore_k8s_carry(*w.workload, *w.kept, w.task_definition, w.emitted.objects);
  const std::string written = carried.empty() ? w.emitted.workload : carried;
  const auto [it, added] = taken.emplace(written, w.emitted.renamed_by);
  if (added) return;
  const std::string& rename = w.emitted.renamed_by.empty() ? it->second : w.emitted.renamed_by;
  if (rename.empty()) {
    w.diagnostics.error("duplicate-output", where(w),
                        "another input already produced a workload named \"" + written + "\"; this one is skipped");
  } else {
    w.diagnostics.error("duplicate-output", name_location(w),
                        "--name " + rename + "=" + written + " merges two workloads into one name (\"" + written +
                            "\"), which cannot be done; this one is skipped");
  }
}

/// The schema check of what is written.
void check_output(EmittedWorkload& w) {
  if (w.diagnostics.has_errors()) return;
  const SourceLocation at = where(w);
  for (const k8s::Object& o : w.emitted.objects) (void)check_output_k8s(o.doc, at, w.diagnostics);
}

bool gateway_api_kind(const std::string& kind) {
  return kind == "GatewayClass" || kind == "LoadBalancerConfiguration" || kind == "Gateway" || kind == "HTTPRoute" ||
         kind == "TargetGroupConfiguration" || kind == "ListenerRuleConfiguration";
}

std::string identity(const k8s::Object& o) {
  const io::Node* md = o.doc.find("metadata");
  const io::Node* ns = md != nullptr ? md->find("namespace") : nullptr;
  return o.kind + "/" + (ns != nullptr ? ns->text() : "") + "/" + o.name;
}

/// Workloads behind one ALB write the same Gateway API objects (kept once); one of the same kind,
/// namespace and name but other content would replace the earlier one when applied.
void check_routing_names(EmittedWorkload& w, const std::map<std::string, std::string>& kept) {
  if (w.diagnostics.has_errors()) return;
  for (const k8s::Object& o : w.emitted.objects) {
    if (!gateway_api_kind(o.kind)) continue;
    const auto earlier = kept.find(identity(o));
    if (earlier == kept.end() || earlier->second == io::to_json(o.doc, -1)) continue;
    w.diagnostics.error("duplicate-output", where(w),
                        "another workload of this run writes " + o.kind + " \"" + o.name +
                            "\" with other content; applying both would keep only one: rename one of the workloads");
  }
}

void keep_routing_names(const EmittedWorkload& w, std::map<std::string, std::string>& kept) {
  for (const k8s::Object& o : w.emitted.objects) {
    if (gateway_api_kind(o.kind)) kept.emplace(identity(o), io::to_json(o.doc, -1));
  }
}

/// A workload with an error fails all its files and keeps none of its objects. False when it failed.
bool settle_failure(EmittedWorkload& w, Diagnostics& diags, std::set<std::string>& failed) {
  share_failure(w.files, w.diagnostics);
  diags.append(w.diagnostics);
  if (!w.diagnostics.has_errors()) return true;
  failed.insert(w.files.begin(), w.files.end());
  return false;
}

/// Objects identical to one an earlier workload already has (the carry gives a shared Service or
/// Ingress to each workload it belongs to) are kept once, by the first.
void drop_repeated_objects(EmittedWorkload& w, std::set<std::string>& seen) {
  std::vector<k8s::Object> kept;
  for (auto& o : w.emitted.objects) {
    // (and the Gateway objects of an ALB that several workloads are behind)
    const bool shareable = o.kind == "Service" || o.kind == "Ingress" || o.kind == "ServiceAccount" ||
                           o.kind == "HorizontalPodAutoscaler" || o.kind == "GatewayClass" ||
                           o.kind == "LoadBalancerConfiguration" || o.kind == "Gateway" || o.kind == "HTTPRoute";
    if (!shareable || seen.insert(io::to_json(o.doc, -1)).second) kept.push_back(std::move(o));
  }
  w.emitted.objects = std::move(kept);
}

/// Apply order inside the workload.
void sort_in_apply_order(EmittedWorkload& w) {
  std::stable_sort(w.emitted.objects.begin(), w.emitted.objects.end(),
                   [](const k8s::Object& a, const k8s::Object& b) { return kind_rank(a.kind) < kind_rank(b.kind); });
}

K8sWorkload typed(EmittedWorkload&& w) {
  K8sWorkload out;
  out.name = std::move(w.emitted.workload);
  out.sources = std::move(w.files);
  out.objects.reserve(w.emitted.objects.size());
  for (k8s::Object& o : w.emitted.objects) out.objects.push_back(make_k8s_object(std::move(o)));
  const auto controller =
      std::find_if(out.objects.begin(), out.objects.end(), [](const K8sObject& o) { return is_controller(o.kind); });
  if (controller != out.objects.end()) out.namespace_name = controller->namespace_name;
  return out;
}

}  // namespace

void K8sCollector::add(EmittedWorkload&& w) {
  // Each step needs what the steps before it decided about this workload and what earlier
  // workloads took (names, shared objects).
  restore_carry(w, taken_);
  if (!carry_) {
    for (k8s::Object& o : w.emitted.objects) strip_carry_annotations(o.doc, task_location(w), w.diagnostics);
  }
  check_output(w);
  check_routing_names(w, routing_);
  if (!settle_failure(w, diagnostics_, failed_)) return;
  keep_routing_names(w, routing_);
  drop_repeated_objects(w, seen_);
  sort_in_apply_order(w);
  sink_.add(typed(std::move(w)));  // its trees live as long as the sink keeps them
}

}  // namespace specconv::app
