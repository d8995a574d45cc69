// convert_to_k8s: detect -> read -> pair -> emit -> render, one input's errors never touching
// another's outputs. Never prints.
#include "specconv/convert.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/k8s_carry.h"
#include "app/output_check.h"
#include "app/pairing.h"
#include "app/shared_failure.h"
#include "ecs/reader.h"
#include "input/kind.h"
#include "io/json_load.h"
#include "io/key_spelling.h"
#include "io/json_write.h"
#include "io/yaml_write.h"
#include "k8s/emit.h"

namespace specconv {
namespace {

bool starts_like_json(const std::string& text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9');
  }
  return false;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string render(const std::vector<k8s::Object>& objects, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    io::Node list = io::Node::object();
    list.set("apiVersion", io::str("v1"));
    list.set("kind", io::str("List"));
    io::Node items = io::Node::array();
    for (const auto& o : objects) items.push(o.doc);
    list.set("items", std::move(items));
    return io::to_json(list, 2) + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (i > 0) out += "---\n";
    out += io::to_yaml(objects[i].doc);
  }
  return out;
}

/// Apply order inside one workload's stream.
int kind_rank(const std::string& kind) {
  static const std::vector<std::string> kOrder = {"ServiceAccount", "ExternalSecret", "PersistentVolume",
                                                  "PersistentVolumeClaim", "Service", "Deployment",
                                                  "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod",
                                                  "HorizontalPodAutoscaler", "Ingress"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), kind);
  return static_cast<int>(it - kOrder.begin());
}

/// Fills in line:col for diagnostics raised with only a JSON pointer (by the mapping stages).
Diagnostics locate(const Diagnostics& diags, const std::map<std::string, io::Node>& trees) {
  Diagnostics out;
  for (Diagnostic d : diags.all()) {
    if (d.location.line == 0) {
      if (auto it = trees.find(d.location.file); it != trees.end()) {
        d.location.pointer = io::respell_pointer(it->second, d.location.pointer);  // the key as written
        if (const io::Node* n = io::resolve_pointer(it->second, d.location.pointer); n != nullptr && n->line() > 0) {
          d.location.line = n->line();
          d.location.column = n->column();
        }
      }
    }
    out.report(std::move(d));
  }
  return out;
}

/// Objects identical to one an earlier workload already output (the carry gives a shared Service
/// or Ingress to each workload it belongs to) are output once.
void drop_repeated_objects(std::vector<k8s::Object>& objects, std::set<std::string>& seen) {
  std::vector<k8s::Object> kept;
  for (auto& o : objects) {
    if (o.kind != "Service" && o.kind != "Ingress" && o.kind != "ServiceAccount" && o.kind != "HorizontalPodAutoscaler") {
      kept.push_back(std::move(o));
      continue;
    }
    if (seen.insert(io::to_json(o.doc, -1)).second) kept.push_back(std::move(o));
  }
  objects = std::move(kept);
}

/// The task definition JSON a workload was read from: its pointer is relative to the array item
/// when the input is a JSON array (as `to-ecs` writes), so items are tried by family.
const io::Node* task_definition_json(const io::Node& root, const std::string& pointer, const std::string& family) {
  auto family_of = [](const io::Node* n) {
    const io::Node* f = n != nullptr && n->is_object() ? n->find("family") : nullptr;
    return f != nullptr && f->is_string() ? f->text() : std::string();
  };
  if (root.is_array()) {
    for (const io::Node& item : root.items()) {
      const io::Node* td = io::resolve_pointer(item, pointer);
      if (family_of(td) == family) return td;
    }
    return nullptr;
  }
  const io::Node* td = io::resolve_pointer(root, pointer);
  return family_of(td) == family ? td : nullptr;
}

}  // namespace

ConvertResult convert_to_k8s(const std::vector<InputText>& inputs, const ToK8sOptions& options) {
  ConvertResult result;
  const io::Limits& limits = options.limits;
  std::set<std::string> failed;
  ecs::Bundle bundle;
  std::map<std::string, io::Node> trees;  // parsed inputs, to give later diagnostics a line:col
  for (const InputText& in : inputs) {
    Diagnostics d;
    if (blank(in.text)) {
      d.error("empty-input", {in.path, "", 0, 0, -1}, "the file is empty: nothing to convert");
    } else if (!starts_like_json(in.text)) {
      // Kubernetes YAML given to the ECS direction: say so plainly (a text check; no need to
      // parse what will not be converted).
      const bool k8s = input::sniff(in.text).platform() == input::Platform::kKubernetes;
      d.error(k8s ? "wrong-direction" : "not-json", {in.path, "", 1, 1, -1},
              k8s ? "this is a Kubernetes manifest; convert it with `specconv to-ecs`"
                  : "ECS input must be JSON (a task definition, service, or describe-* output)");
    } else if (auto root = io::load_json(in.text, in.path, limits, d)) {
      ecs::Bundle part;
      ecs::read_ecs(*root, in.path, part, d);
      trees.emplace(in.path, *root);
      if (!d.has_errors()) {
        for (auto& x : part.task_definitions) bundle.task_definitions.push_back(std::move(x));
        for (auto& x : part.services) bundle.services.push_back(std::move(x));
        for (auto& x : part.target_groups) bundle.target_groups.push_back(std::move(x));
        for (auto& x : part.listeners) bundle.listeners.push_back(std::move(x));
        for (auto& x : part.rules) bundle.rules.push_back(std::move(x));
        for (auto& x : part.load_balancers) bundle.load_balancers.push_back(std::move(x));
        for (auto& x : part.scalable_targets) bundle.scalable_targets.push_back(std::move(x));
        for (auto& x : part.scaling_policies) bundle.scaling_policies.push_back(std::move(x));
      }
    }
    if (d.has_errors()) failed.insert(in.path);
    result.diagnostics.append(d);
  }

  k8s::EmitOptions emit;
  emit.namespace_name = options.namespace_name;
  emit.external_secrets = options.external_secrets;
  emit.ssm_store = options.ssm_store;
  emit.secrets_manager_store = options.secrets_manager_store;

  Diagnostics pairing;
  std::vector<app::Paired> workloads = app::pair_ecs(bundle, pairing);
  for (const auto& d : pairing.all()) {
    if (d.severity == Severity::kError) failed.insert(d.location.file);
  }
  result.diagnostics.append(pairing);

  std::set<std::string> taken;
  std::set<std::string> restored;  // objects already output (an Ingress carried by two workloads)
  for (const app::Paired& p : workloads) {
    Diagnostics d;
    k8s::Emitted e = k8s::emit_workload(p.workload, emit, d);
    const SourceLocation where{p.workload.has_service ? p.workload.service_file : p.workload.source_file, "", 0, 0, -1};
    if (!d.has_errors()) {
      // The carry may give the workload back its Kubernetes name: names and the schema check
      // are about what is written.
      const io::Node* td_json = nullptr;
      if (auto t = trees.find(p.workload.source_file); t != trees.end()) {
        td_json = task_definition_json(t->second, p.workload.source_pointer, p.workload.name);
      }
      const std::string carried_name = app::restore_k8s_carry(p.workload, td_json, e.objects);
      const std::string written = carried_name.empty() ? e.workload : carried_name;
      if (!taken.insert(written).second) {
        d.error("duplicate-output", where, "another input already produced a workload named \"" + written + "\"; this one is skipped");
      }
    }
    if (!d.has_errors()) {
      for (const k8s::Object& o : e.objects) (void)app::check_output_k8s(o.doc, where, d);
    }
    app::share_failure(p.files, d);
    result.diagnostics.append(d);
    if (d.has_errors()) {
      for (const auto& f : p.files) failed.insert(f);
      continue;
    }
    drop_repeated_objects(e.objects, restored);
    std::stable_sort(e.objects.begin(), e.objects.end(),
                     [](const k8s::Object& a, const k8s::Object& b) { return kind_rank(a.kind) < kind_rank(b.kind); });
    result.documents.push_back({e.workload, p.files, render(e.objects, options.format)});
  }
  result.failed_inputs.assign(failed.begin(), failed.end());
  result.diagnostics = locate(result.diagnostics, trees);
  return result;
}

std::string join_documents(const std::vector<OutputDocument>& docs, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    // Merge the per-workload Lists into one List.
    io::Node all = io::Node::object();
    all.set("apiVersion", io::str("v1"));
    all.set("kind", io::str("List"));
    io::Node arr = io::Node::array();
    for (const auto& d : docs) {
      Diagnostics ignored;
      auto n = io::load_json(d.text, "", io::Limits{}, ignored);
      if (!n) continue;
      if (const io::Node* list = n->find("items")) {
        for (const auto& item : list->items()) arr.push(item);
      }
    }
    all.set("items", std::move(arr));
    return io::to_json(all, 2) + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) out += "---\n";
    out += docs[i].text;
  }
  return out;
}

}  // namespace specconv
