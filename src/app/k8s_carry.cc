// Kubernetes-only fields carried through ECS (see k8s_carry.h).
#include "app/k8s_carry.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <variant>

#include "app/cron_carry.h"
#include "app/pairing.h"
#include "app/strategic_patch.h"
#include "ecs/reader.h"
#include "k8s/ingress_upgrade.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "mapping/rollout.h"

namespace specconv::app {
namespace {

using io::Node;

std::string text_of(const Node* n) { return n == nullptr || !n->is_string() ? std::string() : n->text(); }

void remove_member(Node& obj, std::string_view key) {
  if (!obj.is_object()) return;
  auto& m = obj.members();
  m.erase(std::remove_if(m.begin(), m.end(), [&](const Node::Member& x) { return x.first == key; }), m.end());
}

const Node* object_at(const Node& n, std::initializer_list<const char*> path) {
  const Node* cur = &n;
  for (const char* k : path) {
    cur = cur->is_object() ? cur->find(k) : nullptr;
    if (cur == nullptr || !cur->is_object()) return nullptr;
  }
  return cur;
}

Node* object_at(Node& n, std::initializer_list<const char*> path) {
  return const_cast<Node*>(object_at(std::as_const(n), path));  // the same lookup on a mutable tree
}

std::string namespace_of(const Node& doc) {
  const Node* md = doc.find("metadata");
  const std::string ns = md != nullptr ? text_of(md->find("namespace")) : "";
  return ns.empty() ? "default" : ns;
}

std::string name_of(const Node& doc) {
  const Node* md = doc.find("metadata");
  return md != nullptr ? text_of(md->find("name")) : "";
}

/// The pod spec of a workload object, by kind.
const Node* pod_spec_of(const Node& doc) {
  const std::string kind = text_of(doc.find("kind"));
  if (kind == "Pod") return object_at(doc, {"spec"});
  if (kind == "CronJob") return object_at(doc, {"spec", "jobTemplate", "spec", "template", "spec"});
  return object_at(doc, {"spec", "template", "spec"});
}

Node* pod_spec_of(Node& doc) { return const_cast<Node*>(pod_spec_of(std::as_const(doc))); }

const Node* pod_labels_of(const Node& doc) {
  const std::string kind = text_of(doc.find("kind"));
  if (kind == "Pod") return object_at(doc, {"metadata", "labels"});
  if (kind == "CronJob") return object_at(doc, {"spec", "jobTemplate", "spec", "template", "metadata", "labels"});
  return object_at(doc, {"spec", "template", "metadata", "labels"});
}

/// Fields the API server fills in, and kubectl's copy of the whole object: not carried.
void strip_server_fields(Node& doc) {
  remove_member(doc, "status");
  if (Node* md = object_at(doc, {"metadata"})) {
    for (const char* k : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"}) {
      remove_member(*md, k);
    }
    if (Node* ann = object_at(*md, {"annotations"})) remove_member(*ann, "kubectl.kubernetes.io/last-applied-configuration");
  }
}

/// Service names an Ingress routes to (v1 and v1beta1 backends).
std::set<std::string> ingress_backends(const Node& ingress) {
  std::set<std::string> out;
  auto backend = [&](const Node* b) {
    if (b == nullptr) return;
    if (const Node* s = b->find("service")) out.insert(text_of(s->find("name")));
    if (const Node* s = b->find("serviceName")) out.insert(text_of(s));
  };
  const Node* spec = ingress.find("spec");
  if (spec == nullptr) return out;
  backend(spec->find("defaultBackend"));
  backend(spec->find("backend"));
  if (const Node* rules = spec->find("rules"); rules != nullptr && rules->is_array()) {
    for (const Node& r : rules->items()) {
      const Node* paths = object_at(r, {"http"}) != nullptr ? object_at(r, {"http"})->find("paths") : nullptr;
      if (paths == nullptr || !paths->is_array()) continue;
      for (const Node& p : paths->items()) backend(p.find("backend"));
    }
  }
  return out;
}

bool selects(const Node& service, const Node* pod_labels) {
  const Node* sel = object_at(service, {"spec", "selector"});
  if (sel == nullptr || sel->size() == 0 || pod_labels == nullptr) return false;
  for (const auto& [k, v] : sel->members()) {
    const Node* l = pod_labels->find(k);
    if (l == nullptr || text_of(l) != text_of(&v)) return false;
  }
  return true;
}

/// Kubernetes container fields and the ECS container fields they are written from. When every
/// ECS field of a row is unchanged since to-ecs wrote it, the Kubernetes fields are restored as
/// written (the ECS spelling of a probe, a CPU quantity or a port name is not the original one).
/// When one changed or was removed, the ECS side is the truth for them: the carry fills in only
/// their members without an ECS counterpart (all but the paths in `k8s_from_ecs`; none when it
/// is empty: the whole field is written from ECS).
struct Derived {
  std::vector<const char*> ecs;
  std::vector<const char*> k8s;
  std::vector<std::vector<const char*>> k8s_from_ecs;  // member paths written from ECS; empty: all
};
const std::vector<Derived>& derived_fields() {
  static const std::vector<Derived> kRows = {
      {{"healthCheck"}, {"livenessProbe", "readinessProbe", "startupProbe"}, {}},
      {{"cpu", "memory", "memoryReservation", "resourceRequirements"},
       {"resources"},
       {{"requests", "cpu"}, {"requests", "memory"}, {"requests", "nvidia.com/gpu"},
        {"limits", "cpu"}, {"limits", "memory"}, {"limits", "nvidia.com/gpu"}}},
      {{"portMappings"}, {"ports"}, {}},
      // ConfigMap keys may be plain environment entries in ECS (--configmaps env): the references
      // come back as written while the ECS values are unchanged.
      {{"environment", "secrets"}, {"env", "envFrom"}, {}},
      {{"user", "readonlyRootFilesystem", "privileged", "linuxParameters"},
       {"securityContext"},
       {{"runAsUser"}, {"runAsGroup"}, {"readOnlyRootFilesystem"}, {"privileged"}, {"capabilities"}}},
  };
  return kRows;
}

/// FNV-1a of the compact JSON of a field ("-" when absent): small enough for a label.
std::string fingerprint(const Node* n) {
  if (n == nullptr) return "-";
  uint64_t h = 1469598103934665603ULL;
  for (char c : io::to_json(*n, -1)) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 15; i >= 0; --i) out += kHex[(h >> (i * 4)) & 0xF];
  return out;
}

/// The stopTimeout of every container: what terminationGracePeriodSeconds is written to.
Node stop_timeouts(const Node& defs) {
  Node all = Node::array();
  for (const Node& c : defs.items()) all.push(c.find("stopTimeout") != nullptr ? *c.find("stopTimeout") : Node::null());
  return all;
}

/// The task's cpu and memory: what the pod-level resources are written to.
Node task_size(const Node& task_definition) {
  Node size = Node::object();
  for (const char* k : {"cpu", "memory"}) {
    if (const Node* v = task_definition.find(k)) size.set(k, *v);
  }
  return size;
}

/// {"<container>": {"<ecs field>": fingerprint}} of the container definitions as written, and
/// {"": {"stopTimeout": ..., "taskSize": ...}} for the pod-level terminationGracePeriodSeconds
/// and resources.
Node fingerprints(const Node& defs, const Node& task_definition) {
  Node out = Node::object();
  Node pod = Node::object();
  const Node stops = stop_timeouts(defs);
  pod.set("stopTimeout", Node::string(fingerprint(&stops)));
  const Node size = task_size(task_definition);
  pod.set("taskSize", Node::string(fingerprint(&size)));
  out.set("", std::move(pod));
  for (const Node& c : defs.items()) {
    Node f = Node::object();
    for (const Derived& row : derived_fields()) {
      for (const char* k : row.ecs) f.set(k, Node::string(fingerprint(c.find(k))));
    }
    out.set(text_of(c.find("name")), std::move(f));
  }
  return out;
}

// ---- restoring ------------------------------------------------------------------------------

bool is_probe_handler(const std::string& k) { return k == "exec" || k == "httpGet" || k == "tcpSocket" || k == "grpc"; }

/// Adds to `dst` every member of `src` that `dst` lacks, recursively into objects present on both
/// sides; `dst` (the value from the ECS side) wins everywhere else. Lists are values. A probe
/// keeps its one handler; a volume its one source.
void fill_in(Node& dst, const Node& src, const std::string& field) {
  if (!dst.is_object() || !src.is_object()) return;
  const bool probe = field == "livenessProbe" || field == "readinessProbe" || field == "startupProbe";
  bool dst_has_handler = false;
  for (const auto& m : dst.members()) dst_has_handler = dst_has_handler || is_probe_handler(m.first);
  for (const auto& [k, v] : src.members()) {
    Node* mine = dst.find(k);
    if (mine == nullptr) {
      if (probe && dst_has_handler && is_probe_handler(k)) continue;
      dst.set(k, v);
    } else if (mine->is_object() && v.is_object()) {
      fill_in(*mine, v, k);
    }
  }
}

const Node* find_named(const Node* list, const std::string& name) {
  if (list == nullptr || !list->is_array()) return nullptr;
  for (const Node& i : list->items()) {
    if (text_of(i.find("name")) == name) return &i;
  }
  return nullptr;
}

/// Names of the env variables the original container lists itself (not through envFrom).
std::set<std::string> own_env_names(const Node& original) {
  std::set<std::string> out;
  if (const Node* env = original.find("env"); env != nullptr && env->is_array()) {
    for (const Node& e : env->items()) out.insert(text_of(e.find("name")));
  }
  return out;
}

/// env from ECS: drops the variables the original got through envFrom (the carry restores
/// envFrom itself) and puts the rest in the original order (ECS keeps environment and secrets in
/// two lists; the order of env is Kubernetes-only).
void restore_env(Node& c, const Node& original) {
  Node* env = c.find("env");
  if (env == nullptr || !env->is_array()) return;
  const bool had_env_from = original.find("envFrom") != nullptr;
  const std::set<std::string> own = own_env_names(original);
  std::map<std::string, std::size_t> order;  // name -> position in the original env (first one)
  if (const Node* oenv = original.find("env"); oenv != nullptr && oenv->is_array()) {
    for (const Node& e : oenv->items()) order.emplace(text_of(e.find("name")), order.size());
  }
  std::vector<Node> kept;
  std::set<std::string> present;
  for (Node& e : env->items()) {
    const std::string name = text_of(e.find("name"));
    if (had_env_from && own.count(name) == 0 && e.find("valueFrom") != nullptr) continue;
    present.insert(name);
    kept.push_back(std::move(e));
  }
  // fieldRef / resourceFieldRef (downward API) have no ECS counterpart: from the carry.
  if (const Node* oenv = original.find("env"); oenv != nullptr && oenv->is_array()) {
    for (const Node& e : oenv->items()) {
      const Node* vf = e.find("valueFrom");
      if (vf != nullptr && (vf->find("fieldRef") != nullptr || vf->find("resourceFieldRef") != nullptr) &&
          present.count(text_of(e.find("name"))) == 0) {
        kept.push_back(e);
      }
    }
  }
  // Variables the original does not list (added on the ECS side) go last, in their ECS order.
  std::vector<std::pair<std::size_t, std::size_t>> ranks;  // (rank, index in kept)
  ranks.reserve(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto it = order.find(text_of(kept[i].find("name")));
    ranks.emplace_back(it != order.end() ? it->second : order.size(), i);
  }
  std::stable_sort(ranks.begin(), ranks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Node> sorted;
  sorted.reserve(kept.size());
  for (const auto& r : ranks) sorted.push_back(std::move(kept[r.second]));
  env->items() = std::move(sorted);
  if (env->items().empty()) remove_member(c, "env");
}

/// True when an ECS secret reference is what the naming rule makes of `<namespace>/<object>/<key>`
/// (SSM parameter name with any prefix, or a Secrets Manager ARN with the JSON key).
bool reference_names(const std::string& reference, const std::string& ns, const std::string& object, const std::string& key) {
  const std::string ssm = "/" + ns + "/" + object + "/" + key;
  const std::string sm = ":secret:" + ns + "/" + object + ":" + key + "::";
  return reference.ends_with(ssm) || reference.find(sm) != std::string::npos;
}

/// secretKeyRef / configMapKeyRef as written, when the ECS reference still names that key (ECS
/// has one kind of reference for both; the Secret or ConfigMap name and key are in the name).
void restore_key_refs(Node& c, const Node& original, const model::Container* mc, const std::string& ns) {
  Node* env = c.find("env");
  const Node* oenv = original.find("env");
  if (env == nullptr || oenv == nullptr || mc == nullptr || !env->is_array() || !oenv->is_array()) return;
  for (Node& e : env->items()) {
    const std::string name = text_of(e.find("name"));
    const model::SecretEnv* se = nullptr;
    for (const auto& x : mc->secret_env) {
      if (x.name == name) se = &x;
    }
    if (se == nullptr) continue;
    for (const Node& o : oenv->items()) {
      if (text_of(o.find("name")) != name) continue;
      const Node* vf = o.find("valueFrom");
      const Node* ref = vf == nullptr ? nullptr : vf->find("secretKeyRef") != nullptr ? vf->find("secretKeyRef") : vf->find("configMapKeyRef");
      if (ref != nullptr && reference_names(se->reference, ns, text_of(ref->find("name")), text_of(ref->find("key")))) {
        e.set("valueFrom", *vf);
      }
    }
  }
}

/// Removes the member at `path` (keys) of `obj`, and the objects the removal leaves empty.
void remove_path(Node& obj, const std::vector<const char*>& path, std::size_t at = 0) {
  if (at >= path.size() || !obj.is_object()) return;
  if (at + 1 == path.size()) {
    remove_member(obj, path[at]);
    return;
  }
  Node* next = obj.find(path[at]);
  if (next == nullptr) return;
  remove_path(*next, path, at + 1);
  if (next->is_object() && next->size() == 0) remove_member(obj, path[at]);
}

/// The Kubernetes fields written from ECS fields that are unchanged: as in the original. Returns
/// the original without what the ECS side now decides (the fields of the changed rows, or every
/// row when the ECS container or the fingerprints are unknown): what the carry may fill in.
Node restore_unchanged(Node& c, const Node& original, const Node* ecs_container, const Node* prints) {
  Node fillable = original;
  for (const Derived& row : derived_fields()) {
    bool unchanged = ecs_container != nullptr && prints != nullptr;
    for (const char* k : row.ecs) {
      const Node* p = unchanged ? prints->find(k) : nullptr;
      unchanged = unchanged && p != nullptr && p->is_string() && p->text() == fingerprint(ecs_container->find(k));
    }
    if (unchanged) {
      for (const char* k : row.k8s) {
        if (const Node* o = original.find(k)) c.set(k, *o);
        else remove_member(c, k);
      }
      continue;
    }
    for (const char* k : row.k8s) {
      Node* f = fillable.find(k);
      if (f == nullptr) continue;
      if (row.k8s_from_ecs.empty() || !f->is_object()) {
        remove_member(fillable, k);
        continue;
      }
      for (const auto& path : row.k8s_from_ecs) remove_path(*f, path);
      if (f->size() == 0) remove_member(fillable, k);
    }
  }
  return fillable;
}

/// `fillable`: the original container without the fields the ECS side decides (restore_unchanged).
void restore_container(Node& c, const Node& original, const Node& fillable, const model::Container* mc, const std::string& ns) {
  if (c.find("env") == nullptr && original.find("env") != nullptr) c.set("env", Node::array());
  restore_key_refs(c, original, mc, ns);
  restore_env(c, original);
  fill_in(c, fillable, "");
}

void restore_volumes(Node& pod, const Node& original_pod) {
  Node* vols = pod.find("volumes");
  if (vols == nullptr || !vols->is_array()) return;
  for (Node& v : vols->items()) {
    const Node* o = find_named(original_pod.find("volumes"), text_of(v.find("name")));
    if (o == nullptr) continue;
    // ECS has an empty task volume for sources it cannot express (configMap, secret, projected,
    // downwardAPI, ...): the source comes from the carry.
    if (v.find("persistentVolumeClaim") != nullptr && o->find("persistentVolumeClaim") != nullptr) {
      v = *o;  // the claim as written (ECS has the EFS file system, Kubernetes the claim name)
      continue;
    }
    const Node* empty = v.find("emptyDir");
    if (empty != nullptr && empty->size() == 0 && v.size() == 2 && o->find("emptyDir") == nullptr && o->find("hostPath") == nullptr) {
      v = *o;
      continue;
    }
    for (const auto& [k, val] : o->members()) {
      Node* mine = v.find(k);
      if (mine != nullptr && mine->is_object() && val.is_object()) fill_in(*mine, val, k);
      // another source type than the ECS side's is not added: a volume has one source
    }
  }
}

/// The pod spec emitted from ECS, completed from the original pod spec.
const Node* ecs_container(const Node* task_definition, const std::string& name) {
  const Node* defs = task_definition != nullptr ? task_definition->find("containerDefinitions") : nullptr;
  if (defs == nullptr || !defs->is_array()) return nullptr;
  for (const Node& c : defs->items()) {
    if (text_of(c.find("name")) == name) return &c;
  }
  return nullptr;
}

Node restore_pod_spec(const Node& emitted, const Node& original, const model::Workload& w, const std::string& ns,
                      const Node* task_definition, const Node& prints) {
  Node pod = emitted;
  for (const char* list : {"initContainers", "containers"}) {
    Node* cs = pod.find(list);
    if (cs == nullptr || !cs->is_array()) continue;
    for (Node& c : cs->items()) {
      const std::string name = text_of(c.find("name"));
      const Node* o = find_named(original.find("containers"), name);
      if (o == nullptr) o = find_named(original.find("initContainers"), name);
      const model::Container* mc = nullptr;
      for (const auto& x : w.containers) {
        if (x.name == name) mc = &x;
      }
      if (o != nullptr) {
        const Node fillable = restore_unchanged(c, *o, ecs_container(task_definition, name), prints.find(name));
        restore_container(c, *o, fillable, mc, ns);
      }
    }
  }
  restore_volumes(pod, original);
  const Node* stop_print = prints.find("") != nullptr ? prints.find("")->find("stopTimeout") : nullptr;
  if (const Node* defs = task_definition != nullptr ? task_definition->find("containerDefinitions") : nullptr;
      stop_print != nullptr && defs != nullptr && defs->is_array()) {
    const Node stops = stop_timeouts(*defs);
    if (stop_print->text() == fingerprint(&stops)) {
      if (const Node* g = original.find("terminationGracePeriodSeconds")) pod.set("terminationGracePeriodSeconds", *g);
      else remove_member(pod, "terminationGracePeriodSeconds");
    }
  }
  // The pod-level resources to-k8s writes from the task size: the original's while the task size
  // is unchanged (to-ecs may have derived it from the containers).
  const Node* size_print = prints.find("") != nullptr ? prints.find("")->find("taskSize") : nullptr;
  if (size_print != nullptr && task_definition != nullptr) {
    const Node size = task_size(*task_definition);
    if (size_print->text() == fingerprint(&size)) {
      if (const Node* r = original.find("resources")) pod.set("resources", *r);
      else remove_member(pod, "resources");
    }
  }
  // Kubernetes-only: to-k8s derives dnsPolicy from host networking; the original one wins.
  if (const Node* dns = original.find("dnsPolicy")) pod.set("dnsPolicy", *dns);
  else remove_member(pod, "dnsPolicy");
  for (const auto& [k, v] : original.members()) {
    if (k == "containers" || k == "initContainers" || k == "volumes") continue;
    Node* mine = pod.find(k);
    if (mine == nullptr) pod.set(k, v);
    else if (mine->is_object() && v.is_object()) fill_in(*mine, v, k);
  }
  return pod;
}

/// "25%" or 1 -> IntOrPercent; false when neither.
bool int_or_percent(const Node* n, mapping::IntOrPercent& out) {
  if (n == nullptr) return true;  // the default stays
  if (n->is_int()) {
    out = {n->as_int(), false};
    return true;
  }
  if (!n->is_string() || n->text().empty()) return false;
  std::string t = n->text();
  const bool percent = t.back() == '%';
  if (percent) t.pop_back();
  if (t.empty() || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) || t.size() > 9) return false;
  out = {std::stoll(t), percent};
  return true;
}

/// True when the ECS deployment limits are still what the original Deployment strategy maps to
/// (then the original spelling of the strategy, which ECS cannot hold, is restored).
bool strategy_unchanged(const Node* strategy, const model::Workload& w) {
  mapping::K8sRollout k;
  if (strategy != nullptr) {
    k.recreate = text_of(strategy->find("type")) == "Recreate";
    const Node* ru = strategy->find("rollingUpdate");
    if (ru != nullptr && (!int_or_percent(ru->find("maxSurge"), k.max_surge) ||
                          !int_or_percent(ru->find("maxUnavailable"), k.max_unavailable))) {
      return false;
    }
  }
  const auto* percent = std::get_if<model::PercentRollout>(&w.rollout);
  const mapping::EcsRollout now = percent != nullptr ? mapping::EcsRollout{percent->maximum_percent, percent->minimum_healthy_percent}
                                                     : mapping::EcsRollout{};
  return mapping::rollout_to_ecs(k, w.replicas.value_or(1)).rollout == now;
}

/// specconv.io/ecs-containers without the carry labels (they are restored, not ECS fields).
void drop_carry_from_annotation(Node& annotations) {
  Node* ann = annotations.find("specconv.io/ecs-containers");
  if (ann == nullptr || !ann->is_string()) return;
  Diagnostics ignored;
  auto doc = io::load_json(ann->text(), "", io::Limits{}, ignored);
  if (!doc || !doc->is_object()) return;
  for (auto& [name, fields] : doc->members()) {
    Node* labels = fields.find("dockerLabels");
    if (labels == nullptr) continue;
    remove_member(*labels, kCarryWorkloadLabel);
    remove_member(*labels, kCarryWorkloadPatchLabel);
    remove_member(*labels, kCarryObjectsLabel);
    remove_member(*labels, kCarryEcsLabel);
    if (labels->size() == 0) remove_member(fields, "dockerLabels");
  }
  auto& m = doc->members();
  m.erase(std::remove_if(m.begin(), m.end(), [](const Node::Member& x) { return x.second.size() == 0; }), m.end());
  if (doc->size() == 0) remove_member(annotations, "specconv.io/ecs-containers");
  else *ann = Node::string(io::to_json(*doc, -1));
}

/// StatefulSet volumeClaimTemplates are mounted without a pod volume; ECS has an EFS volume
/// for them, which comes back as a pod volume: dropped again.
void drop_claim_template_volumes(Node& workload) {
  const Node* vcts = object_at(workload, {"spec"}) != nullptr ? object_at(workload, {"spec"})->find("volumeClaimTemplates") : nullptr;
  Node* pod = pod_spec_of(workload);
  Node* vols = pod != nullptr ? pod->find("volumes") : nullptr;
  if (vcts == nullptr || !vcts->is_array() || vols == nullptr || !vols->is_array()) return;
  std::set<std::string> names;
  for (const Node& t : vcts->items()) {
    if (const Node* md = t.find("metadata")) names.insert(text_of(md->find("name")));
  }
  auto& items = vols->items();
  items.erase(std::remove_if(items.begin(), items.end(), [&](const Node& v) { return names.count(text_of(v.find("name"))) != 0; }),
              items.end());
  if (items.empty()) remove_member(*pod, "volumes");
}

/// Claim names the pod spec mounts.
std::set<std::string> claim_names(Node& workload) {
  std::set<std::string> out;
  const Node* pod = pod_spec_of(workload);
  const Node* vols = pod != nullptr ? pod->find("volumes") : nullptr;
  if (vols == nullptr || !vols->is_array()) return out;
  for (const Node& v : vols->items()) {
    if (const Node* c = v.find("persistentVolumeClaim")) out.insert(text_of(c->find("claimName")));
  }
  return out;
}

/// apps/v1 for a workload carried with a removed API version (extensions/v1beta1,
/// apps/v1beta1/2): its selector defaulted to the template labels there and is required now.
void upgrade_workload_api(Node& workload) {
  const std::string api = text_of(workload.find("apiVersion"));
  if (api != "extensions/v1beta1" && api.rfind("apps/v1beta", 0) != 0) return;
  workload.set("apiVersion", Node::string("apps/v1"));
  Node* spec = object_at(workload, {"spec"});
  const Node* labels = pod_labels_of(workload);
  if (spec != nullptr && spec->find("selector") == nullptr && labels != nullptr) {
    Node sel = Node::object();
    sel.set("matchLabels", *labels);
    spec->set("selector", std::move(sel));
  }
}

/// networking.k8s.io/v1 for an Ingress carried as v1beta1 (no longer served).
void upgrade_ingress_api(Node& ingress) {
  const std::string api = text_of(ingress.find("apiVersion"));
  if (api != "extensions/v1beta1" && api != "networking.k8s.io/v1beta1") return;
  ingress.set("apiVersion", Node::string("networking.k8s.io/v1"));
  if (Node* spec = object_at(ingress, {"spec"})) k8s::upgrade_ingress_spec(*spec);
}

bool has_replicas(const std::string& kind) { return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet"; }

/// The workload object: the carried original, with the values the ECS side expresses.
/// The HPA minReplicas when a carried HPA scales the workload (to-ecs made desiredCount of it).
std::optional<int64_t> hpa_min_replicas(const Node& workload, const Node& carried) {
  for (const Node& c : carried.items()) {
    if (text_of(c.find("kind")) != "HorizontalPodAutoscaler") continue;
    const Node* ref = object_at(c, {"spec", "scaleTargetRef"});
    if (ref == nullptr || text_of(ref->find("name")) != name_of(workload) || text_of(ref->find("kind")) != text_of(workload.find("kind"))) continue;
    const Node* min = object_at(c, {"spec"})->find("minReplicas");
    return min != nullptr && min->is_int() ? min->as_int() : 1;
  }
  return std::nullopt;
}

Node restore_workload(const Node& emitted, const Node& original, const model::Workload& w, const Node* task_definition,
                      const Node& prints, const Node& carried) {
  Node out = original;
  const std::string kind = text_of(original.find("kind"));
  const Node* emitted_pod = pod_spec_of(emitted);
  Node* pod = pod_spec_of(out);
  if (emitted_pod != nullptr && pod != nullptr) *pod = restore_pod_spec(*emitted_pod, *pod, w, namespace_of(original), task_definition, prints);
  Node* spec = object_at(out, {"spec"});
  const Node* espec = emitted.find("spec");
  drop_claim_template_volumes(out);
  if (spec != nullptr && espec != nullptr) {
    if (has_replicas(kind)) {
      const Node* r = espec->find("replicas");
      const std::optional<int64_t> hpa_min = hpa_min_replicas(original, carried);
      const Node* o = original.find("spec") != nullptr ? original.find("spec")->find("replicas") : nullptr;
      // desiredCount is the HPA's minReplicas and still that: the original replicas as written.
      const bool from_hpa = hpa_min && r != nullptr && r->is_int() && r->as_int() == *hpa_min;
      if (from_hpa && o == nullptr) remove_member(*spec, "replicas");
      else if (from_hpa) spec->set("replicas", *o);
      else if (r != nullptr) spec->set("replicas", *r);
    }
    if (kind == "Deployment" && !strategy_unchanged(spec->find("strategy"), w)) {
      if (const Node* s = espec->find("strategy")) spec->set("strategy", *s);
    }
  }
  // Labels: the original ones, with the values of the task definition tags (made from them).
  const Node* elabels = object_at(emitted, {"metadata", "labels"});
  Node* md = object_at(out, {"metadata"});
  if (md != nullptr && elabels != nullptr) {
    const Node* olabels = md->find("labels");
    Node labels = olabels != nullptr && olabels->is_object() ? *olabels : Node::object();
    for (const auto& [k, v] : elabels->members()) {
      if (k == "app.kubernetes.io/name" && labels.find(k) == nullptr) continue;  // to-k8s's selector label
      labels.set(k, v);
    }
    if (labels.size() > 0) md->set("labels", std::move(labels));
  }
  if (md != nullptr) {
    if (const Node* eann = object_at(emitted, {"metadata", "annotations"})) {
      Node ann = md->find("annotations") != nullptr && md->find("annotations")->is_object() ? *md->find("annotations") : Node::object();
      for (const auto& [k, v] : eann->members()) {
        if (ann.find(k) == nullptr) ann.set(k, v);
      }
      drop_carry_from_annotation(ann);
      if (ann.size() > 0) md->set("annotations", std::move(ann));
    }
  }
  return out;
}

std::optional<Node> parse(const std::string& json) {
  Diagnostics ignored;
  return io::load_json(json, "", io::Limits{}, ignored);
}

/// The carried workload and objects, from the first container's dockerLabels; a carried patch is
/// applied to carry_patch_base(w, kept).
bool read_carry(const model::Workload& w, const carry::EcsCarry& kept, Node& workload, Node& objects, Node& prints) {
  if (w.containers.empty()) return false;
  const Node* labels = carry::find(kept.container(w.containers.front().name), "dockerLabels");
  if (labels == nullptr || !labels->is_object()) return false;
  const Node* wl = labels->find(kCarryWorkloadLabel);
  const Node* patch = labels->find(kCarryWorkloadPatchLabel);
  const Node* text = wl != nullptr ? wl : patch;
  if (text == nullptr || !text->is_string()) return false;
  auto doc = parse(text->text());
  if (!doc || !doc->is_object()) return false;
  workload = std::move(*doc);
  if (text == patch) {
    const std::optional<Node> base = carry_patch_base(w, kept);
    if (!base) return false;
    workload = strategic_apply(*base, workload);
  }
  prints = Node::object();
  if (const Node* el = labels->find(kCarryEcsLabel); el != nullptr && el->is_string()) {
    if (auto p = parse(el->text()); p && p->is_object()) prints = std::move(*p);
  }
  objects = Node::array();
  if (const Node* ol = labels->find(kCarryObjectsLabel); ol != nullptr && ol->is_string()) {
    if (auto list = parse(ol->text()); list && list->is_array()) objects = std::move(*list);
  }
  return true;
}

/// A carried HPA with the values the ECS scaling target and policies express.
Node restore_hpa(const Node& carried, const Node& emitted) {
  Node out = carried;
  Node* spec = object_at(out, {"spec"});
  const Node* espec = emitted.find("spec");
  if (spec == nullptr || espec == nullptr) return out;
  for (const char* k : {"minReplicas", "maxReplicas"}) {
    if (const Node* v = espec->find(k)) spec->set(k, *v);
  }
  if (spec->find("targetCPUUtilizationPercentage") != nullptr) {
    // autoscaling/v1: the one CPU target
    const Node* em = espec->find("metrics");
    if (em != nullptr && em->is_array() && em->size() == 1) {
      if (const Node* t = object_at(em->items()[0], {"resource", "target"})) {
        if (const Node* u = t->find("averageUtilization")) spec->set("targetCPUUtilizationPercentage", *u);
      }
    }
    return out;
  }
  // cpu / memory utilization metrics come from the ECS policies; the others from the carry.
  Node metrics = Node::array();
  auto ecs_metric = [](const Node& m) {
    const Node* r = m.find("resource");
    const Node* t = r != nullptr ? r->find("target") : nullptr;
    const std::string name = r != nullptr ? text_of(r->find("name")) : "";
    return text_of(m.find("type")) == "Resource" && (name == "cpu" || name == "memory") && t != nullptr &&
           text_of(t->find("type")) == "Utilization";
  };
  const Node* om = spec->find("metrics");
  const Node* em = espec->find("metrics");
  std::size_t next_ecs = 0;
  if (om != nullptr && om->is_array()) {
    for (const Node& m : om->items()) {
      if (!ecs_metric(m)) {
        metrics.push(m);
        continue;
      }
      // the ECS policy for the same resource, in the original position
      const std::string name = text_of(object_at(m, {"resource"})->find("name"));
      bool found = false;
      if (em != nullptr && em->is_array()) {
        for (const Node& e : em->items()) {
          if (ecs_metric(e) && text_of(object_at(e, {"resource"})->find("name")) == name) {
            metrics.push(e);
            found = true;
            break;
          }
        }
      }
      if (!found) metrics.push(m);
      ++next_ecs;
    }
  }
  if (em != nullptr && em->is_array()) {
    for (const Node& e : em->items()) {
      const std::string name = object_at(e, {"resource"}) != nullptr ? text_of(object_at(e, {"resource"})->find("name")) : "";
      bool present = false;
      for (const Node& m : metrics.items()) {
        present = present || (ecs_metric(m) && text_of(object_at(m, {"resource"})->find("name")) == name);
      }
      if (!present) metrics.push(e);
    }
  }
  if (metrics.size() > 0) spec->set("metrics", std::move(metrics));
  return out;
}

/// A carried ServiceAccount with the IRSA role of the task definition.
Node restore_service_account(const Node& carried, const Node* emitted) {
  Node out = carried;
  const Node* role = emitted != nullptr ? object_at(*emitted, {"metadata", "annotations"}) : nullptr;
  role = role != nullptr ? role->find("eks.amazonaws.com/role-arn") : nullptr;
  if (role == nullptr) return out;
  Node* md = object_at(out, {"metadata"});
  if (md == nullptr) return out;
  if (md->find("annotations") == nullptr || !md->find("annotations")->is_object()) md->set("annotations", Node::object());
  md->find("annotations")->set("eks.amazonaws.com/role-arn", *role);
  return out;
}

}  // namespace

void collect_raw_objects(const Node& root, const SourceLocation& where, std::vector<RawObject>& out) {
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.items().size(); ++i) {
      SourceLocation at = where;
      at.pointer += "/" + std::to_string(i);
      collect_raw_objects(root.items()[i], at, out);
    }
    return;
  }
  if (!root.is_object()) return;
  const std::string kind = text_of(root.find("kind"));
  if (kind.size() >= 4 && kind.ends_with("List") && root.find("items") != nullptr) {
    SourceLocation at = where;
    at.pointer += "/items";
    collect_raw_objects(*root.find("items"), at, out);
    return;
  }
  out.push_back({root, where});
}

RawIndex::RawIndex(const std::vector<RawObject>& all) : all_(all), facts_(all.size()) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Node& doc = all[i].doc;
    Facts& f = facts_[i];
    f.kind = text_of(doc.find("kind"));
    f.ns = namespace_of(doc);
    f.name = name_of(doc);
    const SourceLocation& w = all[i].where;
    at_[{w.file, w.document, w.pointer}] = i;  // the last object at a location, as before
    if (f.kind == "Service") {
      // Filed under its first selector pair: a Service selects a pod only if that pair matches.
      const Node* sel = object_at(doc, {"spec", "selector"});
      if (sel != nullptr && sel->size() > 0) {
        const auto& [k, v] = sel->members().front();
        services_[{f.ns, k, text_of(&v)}].push_back(i);
      }
    } else if (f.kind == "Ingress") {
      for (const std::string& s : ingress_backends(doc)) ingresses_[{f.ns, s}].push_back(i);
    } else if (f.kind == "HorizontalPodAutoscaler") {
      if (const Node* ref = object_at(doc, {"spec", "scaleTargetRef"})) {
        hpas_[{f.ns, text_of(ref->find("kind")), text_of(ref->find("name"))}].push_back(i);
      }
    } else if (f.kind == "ServiceAccount") {
      accounts_[{f.ns, f.name}].push_back(i);
    }
  }
}

std::vector<const RawObject*> RawIndex::linked(const SourceLocation& where) const {
  std::vector<const RawObject*> out;
  const auto self_at = at_.find({where.file, where.document, where.pointer});
  if (self_at == at_.end()) return out;
  const std::size_t self = self_at->second;
  out.push_back(&all_[self]);
  const Facts& me = facts_[self];
  const Node* labels = pod_labels_of(all_[self].doc);
  const Node* pod = pod_spec_of(all_[self].doc);
  std::string sa = pod != nullptr ? text_of(pod->find("serviceAccountName")) : "";
  if (sa.empty() && pod != nullptr) sa = text_of(pod->find("serviceAccount"));
  // Services, in input order.
  std::vector<std::size_t> services;
  if (labels != nullptr) {
    for (const auto& [k, v] : labels->members()) {
      const auto it = services_.find({me.ns, k, text_of(&v)});
      if (it == services_.end()) continue;
      for (std::size_t i : it->second) {
        if (selects(all_[i].doc, labels)) services.push_back(i);
      }
    }
  }
  std::sort(services.begin(), services.end());
  services.erase(std::unique(services.begin(), services.end()), services.end());
  // Then Ingresses routing to those Services, HPAs targeting the workload and its
  // ServiceAccount, together in input order.
  std::vector<std::size_t> others;
  auto add = [&](const auto& map, const auto& key) {
    if (const auto it = map.find(key); it != map.end()) others.insert(others.end(), it->second.begin(), it->second.end());
  };
  for (std::size_t i : services) {
    out.push_back(&all_[i]);
    add(ingresses_, std::make_pair(me.ns, facts_[i].name));
  }
  add(hpas_, std::make_tuple(me.ns, me.kind, me.name));
  if (!sa.empty()) add(accounts_, std::make_pair(me.ns, sa));
  std::sort(others.begin(), others.end());
  others.erase(std::unique(others.begin(), others.end()), others.end());
  for (std::size_t i : others) out.push_back(&all_[i]);
  return out;
}

std::vector<const RawObject*> linked_objects(const std::vector<RawObject>& all, const SourceLocation& where) {
  return RawIndex(all).linked(where);
}

std::optional<Node> carry_patch_base(const model::Workload& w, const carry::EcsCarry& kept) {
  model::Workload task = w;  // the task definition alone: no service level (model/workload.h)
  task.kind = model::WorkloadKind::kService;
  task.replicas.reset();
  task.rollout = {};
  task.has_service = false;
  task.service_name.clear();
  task.launch_type = model::LaunchType::kUnset;
  task.health_check_grace_seconds.reset();
  task.load_balancers.clear();
  task.registries.clear();
  task.autoscaling.reset();
  task.schedule.reset();
  task.service_file.clear();
  task.service_pointer.clear();
  carry::EcsCarry task_kept = kept;
  task_kept.service.clear();
  Diagnostics ignored;
  k8s::Emitted made = k8s::emit_workload(task, task_kept, k8s::EmitOptions{}, ignored);
  for (k8s::Object& o : made.objects) {
    if (!is_emitted_workload_kind(o.kind)) continue;
    if (Node* md = object_at(o.doc, {"metadata"})) {
      remove_member(*md, "annotations");
      remove_member(*md, "labels");
    }
    return std::move(o.doc);
  }
  return std::nullopt;
}

namespace {

/// carry_patch_base of a RegisterTaskDefinition input, read as to-k8s reads it (no carry labels yet).
std::optional<Node> patch_base_of(const Node& task_definition) {
  Diagnostics ignored;
  ecs::Bundle bundle;
  ecs::read_ecs(task_definition, "carry-base.json", bundle, ignored);
  const std::vector<Paired> read = pair_ecs(bundle, ignored);
  if (ignored.has_errors() || read.size() != 1) return std::nullopt;
  return carry_patch_base(read.front().workload, read.front().carry);
}

}  // namespace

bool is_emitted_workload_kind(const std::string& kind) { return kind == "Deployment" || kind == "DaemonSet" || kind == "CronJob"; }

void add_k8s_carry(Node& task_definition, const std::vector<const RawObject*>& objects, Diagnostics& diags) {
  if (objects.empty()) return;
  Node* defs = task_definition.find("containerDefinitions");
  if (defs == nullptr || !defs->is_array() || defs->items().empty()) return;
  Node workload = objects.front()->doc;
  strip_server_fields(workload);
  const char* workload_label = kCarryWorkloadLabel;
  if (const std::optional<Node> base = patch_base_of(task_definition)) {
    if (std::optional<Node> patch = strategic_diff(*base, workload)) {  // exact, or none (app/strategic_patch.h)
      workload = std::move(*patch);
      workload_label = kCarryWorkloadPatchLabel;
    }
  }
  Node others = Node::array();
  for (std::size_t i = 1; i < objects.size(); ++i) {
    Node o = objects[i]->doc;
    strip_server_fields(o);
    others.push(std::move(o));
  }
  const std::string wl = io::to_json(workload, -1);
  const std::string ol = others.size() > 0 ? io::to_json(others, -1) : "";
  if (wl.size() + ol.size() > kMaxCarryBytes) {
    for (const RawObject* o : objects) {
      diags.warning("k8s-carry-too-large", o->where,
                    text_of(o->doc.find("kind")) + " \"" + name_of(o->doc) + "\": the Kubernetes-only fields of this workload take " +
                        std::to_string(wl.size() + ol.size()) + " bytes, more than the " + std::to_string(kMaxCarryBytes) +
                        " carried in dockerLabels; converting back to Kubernetes gives only what the ECS fields express");
    }
    return;
  }
  const Node before = task_definition;
  Node& first = defs->items().front();
  if (first.find("dockerLabels") == nullptr || !first.find("dockerLabels")->is_object()) first.set("dockerLabels", Node::object());
  Node* labels = first.find("dockerLabels");
  labels->set(workload_label, Node::string(wl));
  labels->set(kCarryEcsLabel, Node::string(io::to_json(fingerprints(*defs, task_definition), -1)));
  if (!ol.empty()) labels->set(kCarryObjectsLabel, Node::string(ol));
  // The bound that matters is ECS's, on the whole task definition: the labels escape the carry
  // once more and come on top of everything else.
  const std::size_t size = io::to_json(task_definition, -1).size();
  if (size <= kMaxTaskDefinitionBytes) return;
  task_definition = before;
  for (const RawObject* o : objects) {
    diags.warning("k8s-carry-too-large", o->where,
                  text_of(o->doc.find("kind")) + " \"" + name_of(o->doc) + "\": with the Kubernetes-only fields of this workload the task definition takes " +
                      std::to_string(size) + " bytes, more than the " + std::to_string(kMaxTaskDefinitionBytes) +
                      " ECS registers; converting back to Kubernetes gives only what the ECS fields express");
  }
}

std::string restore_k8s_carry(const model::Workload& w, const carry::EcsCarry& kept, const Node* task_definition,
                              std::vector<k8s::Object>& objects) {
  Node workload, carried, prints;
  if (!read_carry(w, kept, workload, carried, prints)) return "";
  std::string written;
  std::vector<k8s::Object> out;
  const Node* emitted_sa = nullptr;
  const Node* emitted_hpa = nullptr;
  for (const k8s::Object& o : objects) {
    if (o.kind == "ServiceAccount") emitted_sa = &o.doc;
    if (o.kind == "HorizontalPodAutoscaler") emitted_hpa = &o.doc;
  }
  bool carried_sa = false, carried_hpa = false;
  for (const Node& c : carried.items()) {
    const std::string kind = text_of(c.find("kind"));
    if (kind == "ServiceAccount") {
      carried_sa = true;
      out.push_back({kind, name_of(c), restore_service_account(c, emitted_sa)});
    }
  }
  std::set<std::string> claims;
  for (const k8s::Object& o : objects) {
    if (is_emitted_workload_kind(o.kind)) {
      Node restored = restore_workload(o.doc, workload, w, task_definition, prints, carried);
      if (o.kind == "CronJob" && text_of(restored.find("kind")) == "CronJob") restore_cron_job_schedule(o.doc, workload, restored);
      upgrade_workload_api(restored);
      claims = claim_names(restored);
      written = name_of(restored);
      out.push_back({text_of(restored.find("kind")), name_of(restored), std::move(restored)});
    }
  }
  for (const k8s::Object& o : objects) {
    if (is_emitted_workload_kind(o.kind)) {
      continue;
    } else if ((o.kind == "PersistentVolumeClaim" || o.kind == "PersistentVolume") && claims.count(o.name) == 0) {
      continue;  // made for an EFS volume whose claim is the original one again
    } else if (o.kind == "ServiceAccount") {
      if (!carried_sa) out.push_back(o);
    } else if (o.kind != "Service" && o.kind != "Ingress" && o.kind != "HorizontalPodAutoscaler") {
      out.push_back(o);  // PersistentVolume(Claim)s, ExternalSecrets
    }
  }
  for (const Node& c : carried.items()) {
    const std::string kind = text_of(c.find("kind"));
    if (kind == "Service") out.push_back({kind, name_of(c), c});
    if (kind == "Ingress") {
      Node ingress = c;
      upgrade_ingress_api(ingress);
      out.push_back({kind, name_of(ingress), std::move(ingress)});
    }
    if (kind == "HorizontalPodAutoscaler") {
      carried_hpa = true;
      out.push_back({kind, name_of(c), emitted_hpa != nullptr ? restore_hpa(c, *emitted_hpa) : c});
    }
  }
  if (!carried_hpa && emitted_hpa != nullptr) {
    for (const k8s::Object& o : objects) {
      if (o.kind == "HorizontalPodAutoscaler") out.push_back(o);
    }
  }
  objects = std::move(out);
  return written;
}

}  // namespace specconv::app
