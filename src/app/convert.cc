// convert_to_k8s_objects: detect -> read -> pair -> emit, each workload going through the
// run-wide steps (k8s_collect.h) and on to a K8sSink as soon as it is emitted; convert_to_k8s
// renders them per workload. One input's errors never touch another's outputs. Never prints.
#include "specconv/convert.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/carry_off.h"
#include "app/k8s_collect.h"
#include "app/k8s_document.h"
#include "app/pairing.h"
#include "app/renames.h"
#include "ecs/reader.h"
#include "iac/template.h"
#include "iac/terraform.h"
#include "input/kind.h"
#include "io/json_load.h"
#include "io/yaml_load.h"
#include "io/key_spelling.h"
#include "k8s/emit.h"

namespace specconv {
namespace {

/// Whether the text starts like any JSON value (object, array, string, number), as a file the
/// ECS side may hand over.
bool starts_like_json_value(const std::string& text) {
  const std::optional<char> c = input::first_significant(text);
  return c && (*c == '{' || *c == '[' || *c == '"' || *c == '-' || (*c >= '0' && *c <= '9'));
}

/// The node at `pointer`; for a pointer into JSON held in a string (a Terraform task definition's
/// container_definitions), that string; else null.
const io::Node* nearest_node(const io::Node& root, std::string pointer) {
  if (const io::Node* n = io::resolve_pointer(root, pointer)) return n;
  while (pointer.find('/') != std::string::npos) {
    pointer.resize(pointer.rfind('/'));
    if (const io::Node* n = io::resolve_pointer(root, pointer)) return n->is_string() ? n : nullptr;
  }
  return nullptr;
}

/// Fills in line:col for diagnostics raised with only a JSON pointer (by the mapping stages).
Diagnostics locate(const Diagnostics& diags, const std::map<std::string, io::Node>& trees) {
  Diagnostics out;
  for (Diagnostic d : diags.all()) {
    if (d.location.line == 0) {
      if (auto it = trees.find(d.location.file); it != trees.end()) {
        d.location.pointer = io::respell_pointer(it->second, d.location.pointer);  // the key as written
        if (const io::Node* n = nearest_node(it->second, d.location.pointer); n != nullptr && n->line() > 0) {
          d.location.line = n->line();
          d.location.column = n->column();
        }
      }
    }
    out.report(std::move(d));
  }
  return out;
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

/// A template's task definition Properties, respelled as the API (and the carry's fingerprints)
/// spell it, into `out`; nullptr when the pointer does not name the family's task definition.
const io::Node* template_task_definition(const io::Node& root, const std::string& pointer, const std::string& family,
                                         io::Node& out) {
  const io::Node* props = io::resolve_pointer(root, pointer);
  if (props == nullptr || !props->is_object() || props->find("Family") == nullptr) return nullptr;
  out = io::to_camel_keys(*props, io::KeyStyle::kPascal);
  return task_definition_json(out, "", family);
}

/// A YAML CloudFormation template's one document (short-form tags read as the long form).
std::optional<io::Node> load_yaml_template(const InputText& in, const io::Limits& limits, Diagnostics& d) {
  io::YamlLoad y = io::load_yaml(in.text, in.path, limits, d, io::YamlTags::kCloudFormation);
  if (!y.ok) return std::nullopt;
  if (y.documents.size() != 1) {
    d.error("unrecognized-input", {in.path, "", 1, 1, -1}, "a CloudFormation template is one YAML document, this stream has " +
                                                               std::to_string(y.documents.size()));
    return std::nullopt;
  }
  return std::move(y.documents.front().root);
}

bool ends_with(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

/// A file of a `cdk synth` output folder other than the templates: its manifest, tree and asset
/// lists (by name and a top-level "version"), and anything inside an asset folder (cdk.out/asset.*/).
bool cdk_out_extra(const std::string& path, const io::Node* root) {
  if (path.find("cdk.out/asset.") != std::string::npos) return true;
  const std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const bool named = name == "manifest.json" || name == "tree.json" || name == "cdk.out" || ends_with(name, ".assets.json");
  return named && root != nullptr && root->is_object() && root->find("version") != nullptr &&
         input::classify(*root).shape == input::Shape::kUnknown;
}

/// One input read into `part`: ECS JSON by the ECS reader, a CloudFormation template (JSON or
/// YAML) by the template reader. Returns the parsed tree (for locating later diagnostics).
std::optional<io::Node> read_input(const InputText& in, const ToK8sOptions& options, ecs::Bundle& part, Diagnostics& d) {
  if (!input::first_significant(in.text)) {
    d.error("empty-input", {in.path, "", 0, 0, -1}, "the file is empty: nothing to convert");
    return std::nullopt;
  }
  if (cdk_out_extra(in.path, nullptr)) {
    d.note("template-skipped", {in.path, "", 0, 0, -1}, "a file of a cdk.out asset folder, not a template: ignored");
    return std::nullopt;
  }
  const std::size_t first = in.text.find_first_not_of(" \t\r\n");
  const bool object_or_array = in.text[first] == '{' || in.text[first] == '[';
  if (!object_or_array && input::sniff(in.text).shape == input::Shape::kCloudFormationTemplate) {
    std::optional<io::Node> root = load_yaml_template(in, options.limits, d);
    if (root) iac::read_template(*root, in.path, options.templates, options.limits, part, d);
    return root;
  }
  if (!starts_like_json_value(in.text)) {
    // Kubernetes YAML given to the ECS direction: say so plainly (a text check; no need to parse
    // what will not be converted).
    const bool k8s = input::sniff(in.text).shape == input::Shape::kKubernetesObject;
    d.error(k8s ? "wrong-direction" : "not-json", {in.path, "", 1, 1, -1},
            k8s ? "this is a Kubernetes manifest; convert it with `specconv to-ecs`"
                : "ECS input must be JSON (a task definition, service, or describe-* output)");
    return std::nullopt;
  }
  std::optional<io::Node> root = io::load_json(in.text, in.path, options.limits, d);
  if (!root) return root;
  if (cdk_out_extra(in.path, &*root)) {
    d.note("template-skipped", {in.path, "", root->line(), root->column(), -1},
           "cdk.out's manifest, tree or asset list, not a template: ignored (the *.template.json files beside it are read)");
    return std::nullopt;
  }
  const input::Shape shape = root->is_object() ? input::classify(*root).shape : input::Shape::kUnknown;
  if (shape == input::Shape::kCloudFormationTemplate) {
    iac::read_template(*root, in.path, options.templates, options.limits, part, d);
  } else if (input::is_terraform(shape)) {
    iac::read_terraform(*root, in.path, options.limits, part, d);
  } else {
    ecs::read_ecs(*root, in.path, part, d);
  }
  return root;
}

void merge(ecs::Bundle& bundle, ecs::Bundle& part) {
  for (auto& x : part.task_definitions) bundle.task_definitions.push_back(std::move(x));
  for (auto& x : part.services) bundle.services.push_back(std::move(x));
  for (auto& x : part.schedules) bundle.schedules.push_back(std::move(x));
  for (auto& x : part.target_groups) bundle.target_groups.push_back(std::move(x));
  for (auto& x : part.listeners) bundle.listeners.push_back(std::move(x));
  for (auto& x : part.rules) bundle.rules.push_back(std::move(x));
  for (auto& x : part.load_balancers) bundle.load_balancers.push_back(std::move(x));
  for (auto& x : part.scalable_targets) bundle.scalable_targets.push_back(std::move(x));
  for (auto& x : part.scaling_policies) bundle.scaling_policies.push_back(std::move(x));
}

/// Keeps every workload (what convert_to_k8s_objects without a sink returns).
class KeepAll final : public K8sSink {
 public:
  explicit KeepAll(std::vector<K8sWorkload>& out) : out_(out) {}
  void add(K8sWorkload&& workload) override { out_.push_back(std::move(workload)); }

 private:
  std::vector<K8sWorkload>& out_;
};

}  // namespace

K8sObjects convert_to_k8s_objects(const std::vector<InputText>& inputs, const ToK8sOptions& options, K8sSink& sink) {
  K8sObjects result;
  std::set<std::string> failed;
  ecs::Bundle bundle;
  std::map<std::string, io::Node> trees;  // parsed inputs, to give later diagnostics a line:col
  for (const InputText& in : inputs) {
    Diagnostics d;
    ecs::Bundle part;
    if (std::optional<io::Node> root = read_input(in, options, part, d)) trees.emplace(in.path, std::move(*root));
    if (!d.has_errors()) merge(bundle, part);
    if (d.has_errors()) failed.insert(in.path);
    result.diagnostics.append(d);
  }

  k8s::EmitOptions emit;
  emit.namespace_name = options.namespace_name;
  emit.external_secrets = options.external_secrets;
  emit.ssm_store = options.ssm_store;
  emit.secrets_manager_store = options.secrets_manager_store;
  emit.scheme = options.scheme;
  emit.renames = options.renames;
  emit.gateway_api = options.gateway_api;
  emit.gateway_class = options.gateway_class;
  emit.create_gateway_class = options.create_gateway_class;
  emit.kubernetes_version = options.kubernetes_version;

  Diagnostics pairing;
  std::vector<app::Paired> workloads = app::pair_ecs(bundle, pairing);
  bundle = ecs::Bundle{};  // what pairing made of it is all the rest needs
  for (const auto& d : pairing.all()) {
    if (d.severity == Severity::kError) failed.insert(d.location.file);
  }
  result.diagnostics.append(pairing);

  std::set<std::string> used;  // --name keys that named a workload
  app::K8sCollector collect(result.diagnostics, failed, sink, options.carry);
  for (const app::Paired& p : workloads) {
    app::EmittedWorkload e;
    e.workload = &p.workload;
    e.files = p.files;
    e.kept = &p.carry;
    e.emitted = k8s::emit_workload(p.workload, p.carry, emit, e.diagnostics);
    if (!e.emitted.renamed_by.empty()) used.insert(e.emitted.renamed_by);
    io::Node respelled;  // a template's task definition in the API's spelling, for as long as `e` needs it
    if (auto t = trees.find(p.workload.source_file); t != trees.end() && input::is_terraform(input::classify(t->second).shape)) {
      if (std::optional<io::Node> td = iac::terraform_task_definition(t->second, p.workload.source_pointer, options.limits)) {
        respelled = std::move(*td);
        e.task_definition = &respelled;
      }
    } else if (t != trees.end()) {
      e.task_definition = task_definition_json(t->second, p.workload.source_pointer, p.workload.name);
      if (e.task_definition == nullptr) {
        e.task_definition = template_task_definition(t->second, p.workload.source_pointer, p.workload.name, respelled);
      }
    }
    collect.add(std::move(e));  // done with it: the sink renders it or keeps it
  }
  result.failed_inputs.assign(failed.begin(), failed.end());
  result.renames_used.assign(used.begin(), used.end());
  if (options.warn_unused_renames) app::warn_unused_renames(options.renames, used, "this run", result.diagnostics);
  result.diagnostics = locate(result.diagnostics, trees);
  if (!options.carry) result.diagnostics = app::without_carry(result.diagnostics);
  return result;
}

K8sObjects convert_to_k8s_objects(const std::vector<InputText>& inputs, const ToK8sOptions& options) {
  std::vector<K8sWorkload> workloads;
  KeepAll keep(workloads);
  K8sObjects result = convert_to_k8s_objects(inputs, options, keep);
  result.workloads = std::move(workloads);
  return result;
}

ConvertResult convert_to_k8s(const std::vector<InputText>& inputs, const ToK8sOptions& options) {
  K8sObjects run = convert_to_k8s_objects(inputs, options);
  ConvertResult result;
  result.documents.reserve(run.workloads.size());
  for (K8sWorkload& w : run.workloads) {
    std::string text = render_k8s(w.objects, options.format);
    result.documents.push_back({std::move(w.name), std::move(w.sources), std::move(text), std::move(w.objects)});
  }
  result.diagnostics = std::move(run.diagnostics);
  result.failed_inputs = std::move(run.failed_inputs);
  return result;
}

}  // namespace specconv
