// See carry_off.h.
#include "app/carry_off.h"

#include <algorithm>
#include <regex>
#include <string>
#include <string_view>

#include "io/json_load.h"
#include "io/pointer.h"
#include "mapping/k8s_field_table.h"

namespace specconv::app {
namespace {

using io::Node;

constexpr std::string_view kPrefix = "specconv.io/";

/// What one specconv.io/ annotation held, for the not-kept note: "task (networkMode, taskOnly)",
/// "container app (cpu); container side (essential)" for specconv.io/ecs-containers, or the name
/// and value of one that is not a JSON object ("original name web").
std::string held(const std::string& key, const Node& value) {
  std::string what = key.substr(kPrefix.size());  // ecs-task -> task, original-name -> original name
  if (what.rfind("ecs-", 0) == 0) what = what.substr(4);
  std::replace(what.begin(), what.end(), '-', ' ');
  Diagnostics ignored;
  const auto doc = value.is_string() ? io::load_json(value.text(), "", io::Limits{}, ignored) : std::nullopt;
  if (!doc || !doc->is_object()) return what + (value.is_string() ? " " + value.text() : "");
  auto names = [](const Node& obj) {
    std::string s;
    for (const auto& m : obj.members()) s += (s.empty() ? "" : ", ") + m.first;
    return s;
  };
  if (key != "specconv.io/ecs-containers") return what + " (" + names(*doc) + ")";
  std::string s;
  for (const auto& [name, fields] : doc->members()) {
    s += std::string(s.empty() ? "" : "; ") + "container " + name + " (" + (fields.is_object() ? names(fields) : "") + ")";
  }
  return s;
}

void strip_annotations_at(Node* metadata, std::string& lost) {
  Node* ann = metadata != nullptr && metadata->is_object() ? metadata->find("annotations") : nullptr;
  if (ann == nullptr || !ann->is_object()) return;
  for (const auto& [k, v] : ann->members()) {
    if (k.rfind(kPrefix, 0) == 0) lost += (lost.empty() ? "" : "; ") + held(k, v);
  }
  auto& m = ann->members();
  m.erase(std::remove_if(m.begin(), m.end(), [](const Node::Member& x) { return x.first.rfind(kPrefix, 0) == 0; }), m.end());
  if (ann->size() == 0) {
    auto& md = metadata->members();
    md.erase(std::remove_if(md.begin(), md.end(), [](const Node::Member& x) { return x.first == "annotations"; }), md.end());
  }
}

Node* child(Node* n, const char* key) { return n != nullptr && n->is_object() ? n->find(key) : nullptr; }

/// Annotations the Kubernetes reader turns into ECS settings (k8s_field_table ObjectMeta.annotations).
bool converted_annotation(std::string_view key) {
  return key.rfind(kPrefix, 0) == 0 || key == "eks.amazonaws.com/role-arn" || key.rfind("alb.ingress.kubernetes.io/", 0) == 0 ||
         key.rfind("service.beta.kubernetes.io/aws-load-balancer-", 0) == 0;
}

/// {"app.kubernetes.io/name": name}: the labels (and selector) to-k8s gives every object it makes.
bool default_labels(const Node& labels, const std::string& name) {
  const Node* v = labels.is_object() && labels.size() == 1 ? labels.find("app.kubernetes.io/name") : nullptr;
  return v != nullptr && v->is_string() && v->text() == name;
}

struct Walk {
  const RawObject& object;
  Diagnostics& diags;
  std::string name;  // the workload's (or object's) name

  /// Values to-k8s makes again from the ECS side alone: not lost.
  bool made_again(std::string_view scope, const std::string& key, const Node& v, const Node& parent) const {
    if (scope == "PodTemplateMeta" && key == "labels") return default_labels(v, name);
    if (scope == "IngressSpec" && key == "ingressClassName") return v.is_string() && v.text() == "alb";
    if (scope == "CrossVersionObjectReference" && key == "apiVersion") return v.is_string() && v.text() == "apps/v1";
    if (scope == "PodSpec" && key == "dnsPolicy" && v.is_string()) {  // to-k8s derives it from dnsServers / host mode
      const Node* dns = parent.find("dnsConfig");
      const Node* host = parent.find("hostNetwork");
      if (v.text() == "None") return dns != nullptr && dns->is_object() && dns->find("nameservers") != nullptr;
      if (v.text() == "ClusterFirstWithHostNet") return host != nullptr && host->is_bool() && host->as_bool();
    }
    if (scope == "WorkloadSpec" && key == "selector") {
      const Node* m = v.is_object() && v.size() == 1 ? v.find("matchLabels") : nullptr;
      return m != nullptr && default_labels(*m, name);
    }
    return false;
  }

  SourceLocation at(const std::string& pointer, const Node& value) const {
    return {object.where.file, pointer, value.line(), value.column(), object.where.document};
  }

  void not_kept(const std::string& pointer, std::string_view what, const Node& value) const {
    diags.note("not-kept", at(pointer, value),
               std::string(what) + ": not kept (--carry none); ECS has no field for it, and a conversion back to Kubernetes will not have it");
  }

  void annotations(const std::string& pointer, const Node& ann) const {
    for (const auto& [k, v] : ann.members()) {
      if (converted_annotation(k)) continue;
      std::string p = pointer;
      io::append_pointer_token(p, k);
      not_kept(p, "annotation " + k, v);
    }
  }

  /// The members of `node`, read as `scope`; `kind` chooses the scope of a root's spec.
  void members(const Node& node, std::string_view scope, const std::string& pointer, const std::string& kind) const {
    for (const auto& [k, v] : node.members()) {
      const mapping::FieldRow* row = mapping::k8s_field(scope, k);
      if (row == nullptr) continue;  // not accepted: the reader reports it
      std::string p = pointer;
      io::append_pointer_token(p, k);
      if (row->fidelity == mapping::Fidelity::kCarried) {
        if (!made_again(scope, k, v, node)) not_kept(p, std::string(scope) + "." + k, v);
        continue;
      }
      if (scope == "ObjectMeta" && k == "annotations" && v.is_object()) annotations(p, v);
      if (scope == "ObjectMeta" && k == "labels" && kind_is_object(kind) && v.size() > 0 && !default_labels(v, name)) {
        not_kept(p, "the " + kind + "'s labels", v);
      }
      const bool root = scope == "Workload" || scope == "Object";
      const std::string_view next = root && k == "spec" ? mapping::k8s_spec_scope(kind) : mapping::k8s_child_scope(scope, k);
      if (next.empty()) continue;
      if (v.is_object()) members(v, next, p, kind);
      if (!v.is_array()) continue;
      for (std::size_t i = 0; i < v.items().size(); ++i) {
        if (v.items()[i].is_object()) members(v.items()[i], next, p + "/" + std::to_string(i), kind);
      }
    }
  }

  static bool kind_is_object(const std::string& kind) { return mapping::k8s_root_scope(kind) == "Object"; }
};

}  // namespace

void strip_carry_annotations(Node& object, const SourceLocation& at, Diagnostics& diags) {
  std::string lost;
  strip_annotations_at(child(&object, "metadata"), lost);
  Node* spec = child(&object, "spec");
  Node* job_template = child(spec, "jobTemplate");
  Node* tpl = job_template != nullptr ? child(child(job_template, "spec"), "template") : child(spec, "template");
  strip_annotations_at(child(tpl, "metadata"), lost);
  if (lost.empty()) return;
  const Node* kind = object.find("kind");
  const std::string what = kind != nullptr && kind->is_string() ? kind->text() : "object";
  diags.note("not-kept", at,
             what + ": values without a Kubernetes field are not kept (--carry none), so a conversion back to ECS "
                    "will not restore them: " + lost);
}

Diagnostics without_carry(const Diagnostics& diags) {
  static const std::regex kKept(R"(kept in (specconv\.io/[a-z-]+|an annotation)( for a conversion back| only)?)");
  Diagnostics out;
  for (Diagnostic d : diags.all()) {
    const std::string message = std::regex_replace(d.message, kKept, "not kept (--carry none)");
    if (message != d.message && d.code == "kept-in-annotation") d.code = "not-kept";
    d.message = message;
    out.report(std::move(d));
  }
  return out;
}

void report_lost_fields(const RawObject& object, Diagnostics& diags) {
  if (!object.doc.is_object()) return;
  const Node* kind = object.doc.find("kind");
  if (kind == nullptr || !kind->is_string()) return;
  const std::string_view root = mapping::k8s_root_scope(kind->text());
  if (root.empty()) return;
  const Node* md = object.doc.find("metadata");
  const Node* name = md != nullptr && md->is_object() ? md->find("name") : nullptr;
  Walk{object, diags, name != nullptr && name->is_string() ? name->text() : ""}.members(object.doc, root, object.where.pointer, kind->text());
}

}  // namespace specconv::app
