// Semantic equality of Kubernetes objects (see k8s_equal.h and docs/round-trip.md).
#include "roundtrip/k8s_equal.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

#include "k8s/ingress_upgrade.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/pointer.h"
#include "io/yaml_load.h"
#include "mapping/quantity.h"
#include "roundtrip/scalars.h"

namespace specconv::roundtrip {
namespace {

using io::Node;

// ---- small helpers ------------------------------------------------------------------------

std::string text_of(const Node* n) { return n == nullptr || !n->is_string() ? std::string() : n->text(); }

std::vector<std::string> split_pointer(const std::string& p) {
  std::vector<std::string> segs;
  if (p.empty()) return segs;
  std::size_t start = 1;
  while (true) {
    const auto slash = p.find('/', start);
    segs.push_back(io::unescape_pointer_token(p.substr(start, slash == std::string::npos ? std::string::npos : slash - start)));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segs;
}

void remove_member(Node& obj, std::string_view key) {
  if (!obj.is_object()) return;
  auto& m = obj.members();
  m.erase(std::remove_if(m.begin(), m.end(), [&](const Node::Member& x) { return x.first == key; }), m.end());
}

/// Sets `key` to `value` when absent (a default made explicit).
void set_default(Node& obj, const std::string& key, Node value) {
  if (!obj.is_object()) return;
  const Node* have = obj.find(key);
  if (have == nullptr || have->is_null()) obj.set(key, std::move(value));  // null is absent
}

Node* child_object(Node& obj, const std::string& key) {
  Node* n = obj.is_object() ? obj.find(key) : nullptr;
  return n != nullptr && n->is_object() ? n : nullptr;
}

/// A canonical scalar for quantities: the exact decimal value ("0.5" for 500m and 0.5).
void canonical_quantity(Node& n) {
  std::string t = n.is_string() ? n.text() : (n.is_number() ? (n.is_int() ? std::to_string(n.as_int()) : n.text()) : "");
  if (t.empty()) return;
  const mapping::QuantityParse q = mapping::parse_quantity(t);
  if (q.value) n = Node::string(mapping::to_string(*q.value));
}

void canonical_quantities(Node* map) {
  if (map == nullptr || !map->is_object()) return;
  for (auto& m : map->members()) canonical_quantity(m.second);
}

/// Turns a list into an object keyed by `key` (order not significant). Items without a key keep
/// a positional key.
void key_list(Node& parent, const std::string& field, const std::function<std::string(const Node&)>& key) {
  Node* list = parent.is_object() ? parent.find(field) : nullptr;
  if (list == nullptr || !list->is_array()) return;
  Node obj = Node::object();
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    std::string k = key(list->items()[i]);
    if (k.empty()) k = "#" + std::to_string(i);
    obj.set(k, list->items()[i]);  // a later duplicate replaces an earlier one, as Kubernetes merges
  }
  *list = std::move(obj);
}

void sort_strings(Node* list) {
  if (list == nullptr || !list->is_array()) return;
  std::sort(list->items().begin(), list->items().end(), [](const Node& a, const Node& b) { return a.text() < b.text(); });
}

std::string port_key(const Node& p, const char* number_field) {
  const Node* n = p.find(number_field);
  std::string proto = text_of(p.find("protocol"));
  if (proto.empty()) proto = "TCP";
  if (n == nullptr) return "";
  return (n->is_int() ? std::to_string(n->as_int()) : n->text()) + "-" + proto;
}

// ---- defaults -----------------------------------------------------------------------------

/// imagePullPolicy default: Always for :latest or no tag, else IfNotPresent.
std::string default_pull_policy(const std::string& image) {
  if (image.find('@') != std::string::npos) return "IfNotPresent";
  const auto slash = image.rfind('/');
  const auto colon = image.rfind(':');
  if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) return "Always";
  return image.substr(colon + 1) == "latest" ? "Always" : "IfNotPresent";
}

/// A probe's named port -> its number in the container (the same port, semantically).
void resolve_named_port(Node& holder, const Node& container) {
  Node* port = holder.find("port");
  if (port == nullptr || !port->is_string()) return;
  if (const Node* ports = container.find("ports"); ports != nullptr && ports->is_array()) {
    for (const Node& p : ports->items()) {
      if (text_of(p.find("name")) == port->text()) {
        if (const Node* num = p.find("containerPort")) *port = *num;
        return;
      }
    }
  }
}

void normalize_probe(Node& probe, const Node& container) {
  set_default(probe, "timeoutSeconds", Node::integer(1));
  set_default(probe, "periodSeconds", Node::integer(10));
  set_default(probe, "successThreshold", Node::integer(1));
  set_default(probe, "failureThreshold", Node::integer(3));
  set_default(probe, "initialDelaySeconds", Node::integer(0));
  if (Node* h = child_object(probe, "httpGet")) {
    set_default(*h, "scheme", Node::string("HTTP"));
    set_default(*h, "path", Node::string("/"));
    resolve_named_port(*h, container);
  }
  if (Node* t = child_object(probe, "tcpSocket")) resolve_named_port(*t, container);
}

/// "$(A)" references to variables defined earlier in the list: the only order that matters.
Node env_order(const Node& env) {
  Node deps = Node::array();
  std::vector<std::string> seen;
  for (const Node& e : env.items()) {
    const std::string name = text_of(e.find("name"));
    const std::string value = text_of(e.find("value"));
    for (const std::string& earlier : seen) {
      if (earlier != name && value.find("$(" + earlier + ")") != std::string::npos) deps.push(Node::string(earlier + " before " + name));
    }
    seen.push_back(name);
  }
  return deps;
}

void normalize_container(Node& c) {
  if (!c.is_object()) return;
  set_default(c, "imagePullPolicy", Node::string(default_pull_policy(text_of(c.find("image")))));
  set_default(c, "terminationMessagePath", Node::string("/dev/termination-log"));
  set_default(c, "terminationMessagePolicy", Node::string("File"));
  for (const char* p : {"livenessProbe", "readinessProbe", "startupProbe"}) {
    if (Node* probe = child_object(c, p)) normalize_probe(*probe, c);
  }
  if (Node* ports = c.find("ports"); ports != nullptr && ports->is_array()) {
    for (Node& p : ports->items()) set_default(p, "protocol", Node::string("TCP"));
  }
  key_list(c, "ports", [](const Node& p) { return port_key(p, "containerPort"); });
  if (Node* env = c.find("env"); env != nullptr && env->is_array()) {
    Node order = env_order(*env);
    for (Node& e : env->items()) {
      if (const Node* v = e.find("value"); v != nullptr && v->is_string() && v->text().empty()) remove_member(e, "value");
    }
    // Last: adding a member to `c` may move its members, `env` among them.
    if (order.size() > 0) c.set("envOrder", std::move(order));
  }
  key_list(c, "env", [](const Node& e) { return text_of(e.find("name")); });
  key_list(c, "volumeMounts", [](const Node& m) { return text_of(m.find("mountPath")); });
  if (Node* r = child_object(c, "resources")) {
    canonical_quantities(child_object(*r, "limits"));
    canonical_quantities(child_object(*r, "requests"));
    // requests default to limits
    if (Node* limits = child_object(*r, "limits")) {
      if (r->find("requests") == nullptr) r->set("requests", Node::object());
      Node* requests = child_object(*r, "requests");
      if (requests != nullptr) {
        for (const auto& m : limits->members()) set_default(*requests, m.first, m.second);
      }
    }
  }
  if (Node* sc = child_object(c, "securityContext")) {
    if (Node* caps = child_object(*sc, "capabilities")) {
      sort_strings(caps->find("add"));
      sort_strings(caps->find("drop"));
    }
  }
}

void normalize_pod_spec(Node& spec, const std::string& controller) {
  if (!spec.is_object()) return;
  const bool run_to_completion = controller == "Job" || controller == "CronJob";
  if (!run_to_completion) set_default(spec, "restartPolicy", Node::string("Always"));
  set_default(spec, "dnsPolicy", Node::string("ClusterFirst"));
  set_default(spec, "schedulerName", Node::string("default-scheduler"));
  set_default(spec, "terminationGracePeriodSeconds", Node::integer(30));
  if (const Node* legacy = spec.find("serviceAccount"); legacy != nullptr && spec.find("serviceAccountName") == nullptr) {
    spec.set("serviceAccountName", *legacy);
  }
  remove_member(spec, "serviceAccount");
  set_default(spec, "serviceAccountName", Node::string("default"));
  for (const char* list : {"containers", "initContainers", "ephemeralContainers"}) {
    if (Node* cs = spec.find(list); cs != nullptr && cs->is_array()) {
      for (Node& c : cs->items()) normalize_container(c);
    }
  }
  if (Node* vols = spec.find("volumes"); vols != nullptr && vols->is_array()) {
    for (Node& v : vols->items()) {
      for (const char* src : {"configMap", "secret"}) {
        if (Node* s = child_object(v, src)) set_default(*s, "defaultMode", Node::integer(420));
      }
      if (Node* e = child_object(v, "emptyDir")) {
        if (Node* size = e->find("sizeLimit")) canonical_quantity(*size);
      }
      if (Node* h = child_object(v, "hostPath")) set_default(*h, "type", Node::string(""));
    }
  }
  key_list(spec, "volumes", [](const Node& v) { return text_of(v.find("name")); });
  key_list(spec, "imagePullSecrets", [](const Node& v) { return text_of(v.find("name")); });
}

Node* template_spec(Node& holder) {
  Node* tmpl = child_object(holder, "template");
  return tmpl == nullptr ? nullptr : child_object(*tmpl, "spec");
}

void normalize_rolling(Node& strategy, const char* type_default, Node rolling_default) {
  set_default(strategy, "type", Node::string(type_default));
  if (text_of(strategy.find("type")) == "RollingUpdate") {
    Node* ru = child_object(strategy, "rollingUpdate");
    if (ru == nullptr) strategy.set("rollingUpdate", rolling_default);
    else {
      for (const auto& m : rolling_default.members()) set_default(*ru, m.first, m.second);
    }
  }
  // "0%" and 0 are the same bound
  if (Node* ru = child_object(strategy, "rollingUpdate")) {
    for (auto& m : ru->members()) {
      if (m.second.is_string() && m.second.text() == "0%") m.second = Node::integer(0);
    }
  }
}

Node percent_pair(const char* surge, const char* unavailable) {
  Node n = Node::object();
  n.set("maxSurge", Node::string(surge));
  n.set("maxUnavailable", Node::string(unavailable));
  return n;
}

void normalize_job_spec(Node& spec) {
  set_default(spec, "backoffLimit", Node::integer(6));
  set_default(spec, "completions", Node::integer(1));
  set_default(spec, "parallelism", Node::integer(1));
  set_default(spec, "completionMode", Node::string("NonIndexed"));
  set_default(spec, "suspend", Node::boolean(false));
  if (Node* ps = template_spec(spec)) normalize_pod_spec(*ps, "Job");
}

void normalize_workload_spec(const std::string& kind, Node& spec) {
  if (kind == "Deployment" || kind == "ReplicaSet") {
    set_default(spec, "replicas", Node::integer(1));
    set_default(spec, "revisionHistoryLimit", Node::integer(10));
    set_default(spec, "minReadySeconds", Node::integer(0));
  }
  if (kind == "Deployment") {
    set_default(spec, "progressDeadlineSeconds", Node::integer(600));
    if (spec.find("strategy") == nullptr) spec.set("strategy", Node::object());
    normalize_rolling(*spec.find("strategy"), "RollingUpdate", percent_pair("25%", "25%"));
  } else if (kind == "StatefulSet") {
    set_default(spec, "replicas", Node::integer(1));
    set_default(spec, "revisionHistoryLimit", Node::integer(10));
    set_default(spec, "podManagementPolicy", Node::string("OrderedReady"));
    if (spec.find("updateStrategy") == nullptr) spec.set("updateStrategy", Node::object());
    Node partition = Node::object();
    partition.set("partition", Node::integer(0));
    normalize_rolling(*spec.find("updateStrategy"), "RollingUpdate", partition);
    if (Node* vcts = spec.find("volumeClaimTemplates"); vcts != nullptr && vcts->is_array()) {
      for (Node& t : vcts->items()) {
        Node* ts = child_object(t, "spec");
        if (ts == nullptr) continue;
        set_default(*ts, "volumeMode", Node::string("Filesystem"));
        sort_strings(ts->find("accessModes"));
        if (Node* r = child_object(*ts, "resources")) {
          canonical_quantities(child_object(*r, "requests"));
          canonical_quantities(child_object(*r, "limits"));
        }
      }
    }
  } else if (kind == "DaemonSet") {
    set_default(spec, "revisionHistoryLimit", Node::integer(10));
    if (spec.find("updateStrategy") == nullptr) spec.set("updateStrategy", Node::object());
    Node d = Node::object();
    d.set("maxSurge", Node::integer(0));
    d.set("maxUnavailable", Node::integer(1));
    normalize_rolling(*spec.find("updateStrategy"), "RollingUpdate", d);
  }
  if (kind == "Job") {
    normalize_job_spec(spec);
    return;
  }
  if (kind == "CronJob") {
    set_default(spec, "concurrencyPolicy", Node::string("Allow"));
    set_default(spec, "suspend", Node::boolean(false));
    set_default(spec, "successfulJobsHistoryLimit", Node::integer(3));
    set_default(spec, "failedJobsHistoryLimit", Node::integer(1));
    if (Node* jt = child_object(spec, "jobTemplate")) {
      if (Node* js = child_object(*jt, "spec")) normalize_job_spec(*js);
    }
    return;
  }
  if (Node* ps = template_spec(spec)) normalize_pod_spec(*ps, kind);
}

void normalize_service(Node& spec) {
  set_default(spec, "type", Node::string("ClusterIP"));
  set_default(spec, "sessionAffinity", Node::string("None"));
  const std::string type = text_of(spec.find("type"));
  // Server-populated (or server-allocated) fields.
  if (text_of(spec.find("clusterIP")) != "None") remove_member(spec, "clusterIP");
  for (const char* k : {"clusterIPs", "ipFamilies", "ipFamilyPolicy"}) remove_member(spec, k);
  set_default(spec, "internalTrafficPolicy", Node::string("Cluster"));
  if (type == "NodePort" || type == "LoadBalancer") set_default(spec, "externalTrafficPolicy", Node::string("Cluster"));
  if (type == "LoadBalancer") set_default(spec, "allocateLoadBalancerNodePorts", Node::boolean(true));
  if (Node* ports = spec.find("ports"); ports != nullptr && ports->is_array()) {
    for (Node& p : ports->items()) {
      set_default(p, "protocol", Node::string("TCP"));
      if (const Node* port = p.find("port")) set_default(p, "targetPort", *port);
      remove_member(p, "nodePort");
    }
  }
  key_list(spec, "ports", [](const Node& p) { return port_key(p, "port"); });
}

void normalize_ingress(Node& obj, Node& spec) {
  // The legacy class annotation and ingressClassName name the same thing.
  if (Node* md = child_object(obj, "metadata")) {
    if (Node* ann = child_object(*md, "annotations")) {
      if (const Node* cls = ann->find("kubernetes.io/ingress.class"); cls != nullptr && spec.find("ingressClassName") == nullptr) {
        spec.set("ingressClassName", *cls);
      }
      remove_member(*ann, "kubernetes.io/ingress.class");
    }
  }
  // extensions/v1beta1 and networking.k8s.io/v1beta1 forms compare as their v1 meaning, whatever
  // apiVersion the object claims; so does an old-form defaultBackend.
  k8s::upgrade_ingress_spec(spec);
  if (Node* b = child_object(spec, "defaultBackend")) k8s::upgrade_ingress_backend(*b);
  if (Node* rules = spec.find("rules"); rules != nullptr && rules->is_array()) {
    for (Node& r : rules->items()) {
      Node* http = child_object(r, "http");
      if (http == nullptr) continue;
      if (Node* paths = http->find("paths"); paths != nullptr && paths->is_array()) {
        // The upgrade defaulted an absent pathType; here a null one is absent too.
        for (Node& p : paths->items()) set_default(p, "pathType", Node::string("ImplementationSpecific"));
      }
      // Kubernetes matches the longest path, whatever the order.
      key_list(*http, "paths", [](const Node& p) { return text_of(p.find("path")) + " " + text_of(p.find("pathType")); });
    }
  }
  key_list(spec, "rules", [](const Node& r) { return "host:" + text_of(r.find("host")); });
  if (Node* tls = spec.find("tls"); tls != nullptr && tls->is_array()) {
    for (Node& t : tls->items()) sort_strings(t.find("hosts"));
  }
}

void normalize_hpa(Node& spec) {
  set_default(spec, "minReplicas", Node::integer(1));
  if (const Node* cpu = spec.find("targetCPUUtilizationPercentage")) {  // autoscaling/v1
    Node target = Node::object();
    target.set("type", Node::string("Utilization"));
    target.set("averageUtilization", *cpu);
    Node res = Node::object();
    res.set("name", Node::string("cpu"));
    res.set("target", std::move(target));
    Node m = Node::object();
    m.set("type", Node::string("Resource"));
    m.set("resource", std::move(res));
    Node metrics = Node::array();
    metrics.push(std::move(m));
    spec.set("metrics", std::move(metrics));
    remove_member(spec, "targetCPUUtilizationPercentage");
  }
  if (Node* ref = child_object(spec, "scaleTargetRef")) remove_member(*ref, "apiVersion");
  key_list(spec, "metrics", [](const Node& m) {
    const std::string type = text_of(m.find("type"));
    const Node* r = m.find("resource");
    return type + ":" + (r != nullptr ? text_of(r->find("name")) : std::string());
  });
}

/// API group without the version; legacy groups of a kind mapped to the current one.
std::string api_group(const std::string& api_version, const std::string& kind) {
  std::string group = api_version.find('/') == std::string::npos ? "" : api_version.substr(0, api_version.find('/'));
  if (group == "extensions") group = kind == "Ingress" ? "networking.k8s.io" : "apps";
  return group;
}

bool dropped_annotation(const std::string& key) {
  return key.rfind("specconv.io/", 0) == 0 || key == "kubectl.kubernetes.io/last-applied-configuration" ||
         key == "deployment.kubernetes.io/revision";
}

void normalize_metadata(Node& md, bool top_level) {
  for (const char* k : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
                        "deletionTimestamp", "deletionGracePeriodSeconds"}) {
    remove_member(md, k);
  }
  if (top_level) set_default(md, "namespace", Node::string("default"));
  if (Node* ann = child_object(md, "annotations")) {
    auto& m = ann->members();
    m.erase(std::remove_if(m.begin(), m.end(), [](const Node::Member& x) { return dropped_annotation(x.first); }), m.end());
  }
}

/// Removes nulls, empty lists and empty maps (absent == empty), recursively; integral floats
/// become integers.
bool prune(Node& n) {
  if (n.is_null()) return false;
  if (n.is_float() && n.as_float() == static_cast<double>(static_cast<int64_t>(n.as_float()))) {
    n = Node::integer(static_cast<int64_t>(n.as_float()));
  }
  if (n.is_object()) {
    auto& m = n.members();
    m.erase(std::remove_if(m.begin(), m.end(), [](Node::Member& x) { return !prune(x.second); }), m.end());
    return !m.empty();
  }
  if (n.is_array()) {
    auto& items = n.items();
    for (Node& i : items) {
      if (!prune(i)) i = Node::object();  // keep positions; an empty item stays
    }
    return !items.empty();
  }
  return true;
}

std::string compact(const Node* n) { return n == nullptr ? std::string("<absent>") : io::to_json(*n, -1); }

void diff(const Node* a, const Node* b, const std::string& path, std::vector<std::pair<std::string, std::pair<const Node*, const Node*>>>& out) {
  if (a == nullptr || b == nullptr) {
    if (a != b) out.push_back({path, {a, b}});
    return;
  }
  if (a->is_object() && b->is_object()) {
    std::set<std::string> keys;
    for (const auto& m : a->members()) keys.insert(m.first);
    for (const auto& m : b->members()) keys.insert(m.first);
    for (const std::string& k : keys) diff(a->find(k), b->find(k), path + "/" + io::escape_pointer_token(k), out);
    return;
  }
  if (a->is_array() && b->is_array()) {
    const std::size_t n = std::max(a->items().size(), b->items().size());
    for (std::size_t i = 0; i < n; ++i) {
      diff(i < a->items().size() ? &a->items()[i] : nullptr, i < b->items().size() ? &b->items()[i] : nullptr,
           path + "/" + std::to_string(i), out);
    }
    return;
  }
  if (a->is_scalar() && b->is_scalar() && scalars_equal(*a, *b)) return;
  out.push_back({path, {a, b}});
}

std::string object_key(const Node& doc) {
  const Node* md = doc.find("metadata");
  std::string ns = md != nullptr ? text_of(md->find("namespace")) : "";
  if (ns.empty()) ns = "default";
  return text_of(doc.find("kind")) + "/" + ns + "/" + (md != nullptr ? text_of(md->find("name")) : "");
}

/// The pointer in the ORIGINAL object of a difference path: keyed-list keys become the index of
/// the item with that key; segments that only exist after normalisation are kept as they are.
std::string original_pointer(const Node& original, const std::string& path) {
  const Node* cur = &original;
  std::string out;
  for (const std::string& seg : split_pointer(path)) {
    if (cur != nullptr && cur->is_array()) {
      std::size_t found = cur->items().size();
      for (std::size_t i = 0; i < cur->items().size(); ++i) {
        const Node& it = cur->items()[i];
        for (const char* f : {"name", "mountPath", "containerPort", "port", "path", "host"}) {
          const Node* v = it.find(f);
          if (v == nullptr) continue;
          const std::string t = v->is_int() ? std::to_string(v->as_int()) : v->text();
          if (seg == t || seg.rfind(t + "-", 0) == 0 || seg.rfind(t + " ", 0) == 0 || seg == "host:" + t) {
            found = i;
            break;
          }
        }
        if (found != cur->items().size()) break;
      }
      // "#N" or "N": an index (from_chars: no exception on junk or overflow; found stays as is).
      const std::string_view digits = seg.size() > 1 && seg[0] == '#' ? std::string_view(seg).substr(1) : std::string_view(seg);
      std::size_t index = 0;
      const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (!digits.empty() && parsed.ec == std::errc() && parsed.ptr == digits.data() + digits.size()) found = index;
      if (found < cur->items().size()) {
        out += "/" + std::to_string(found);
        cur = &cur->items()[found];
        continue;
      }
      out += "/" + io::escape_pointer_token(seg);
      cur = nullptr;
      continue;
    }
    out += "/" + io::escape_pointer_token(seg);
    cur = cur != nullptr && cur->is_object() ? cur->find(seg) : nullptr;
  }
  return out;
}

/// True when `ancestor` is `pointer` or one of its ancestors (segment-wise).
bool at_or_above(const std::string& ancestor, const std::string& pointer) {
  if (ancestor.empty()) return true;
  return pointer == ancestor || (pointer.size() > ancestor.size() && pointer.rfind(ancestor, 0) == 0 && pointer[ancestor.size()] == '/');
}

}  // namespace

std::string K8sDifference::describe() const {
  return kind + " " + namespace_name + "/" + name + " " + (path.empty() ? "/" : path) + ": original " + original +
         ", round trip " + round_tripped + (accepted_by.empty() ? "" : " (accepted: " + accepted_by + ")");
}

bool compared_kind(const std::string& kind) {
  static const std::set<std::string> kKinds = {"Deployment", "StatefulSet", "DaemonSet",   "ReplicaSet",
                                               "Pod",        "Job",         "CronJob",     "Service",
                                               "Ingress",    "HorizontalPodAutoscaler", "ServiceAccount"};
  return kKinds.count(kind) != 0;
}

std::vector<K8sObject> load_k8s_objects(const std::string& text, const std::string& file) {
  std::vector<K8sObject> out;
  Diagnostics ignored;
  std::function<void(const Node&, int64_t, const std::string&)> add = [&](const Node& n, int64_t doc, const std::string& ptr) {
    if (n.is_array()) {
      for (std::size_t i = 0; i < n.items().size(); ++i) add(n.items()[i], doc, ptr + "/" + std::to_string(i));
      return;
    }
    if (!n.is_object()) return;
    const std::string kind = text_of(n.find("kind"));
    if (kind.size() >= 4 && kind.ends_with("List") && n.find("items") != nullptr) {
      add(*n.find("items"), doc, ptr + "/items");
      return;
    }
    out.push_back({n, file, doc, ptr});
  };
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    // As the to-ecs reader locates them: a JSON array's items are documents 0..n-1, a single
    // object is document 0.
    if (auto root = io::load_json(text, file, io::Limits{}, ignored)) {
      if (root->is_array()) {
        for (std::size_t d = 0; d < root->items().size(); ++d) add(root->items()[d], static_cast<int64_t>(d), "");
      } else {
        add(*root, 0, "");
      }
    }
    return out;
  }
  const io::YamlLoad y = io::load_yaml(text, file, io::Limits{}, ignored);
  for (const io::YamlDocument& d : y.documents) add(d.root, d.index, "");
  return out;
}

Node normalize_k8s(const Node& object) {
  Node n = object;
  if (!n.is_object()) return n;
  const std::string kind = text_of(n.find("kind"));
  remove_member(n, "status");
  n.set("apiVersion", Node::string(api_group(text_of(n.find("apiVersion")), kind)));
  if (Node* md = child_object(n, "metadata")) normalize_metadata(*md, true);
  Node* spec = child_object(n, "spec");
  const std::string api = text_of(object.find("apiVersion"));
  if (spec != nullptr && (api == "extensions/v1beta1" || api.rfind("apps/v1beta", 0) == 0) && spec->find("selector") == nullptr) {
    // these versions defaulted the selector to the template labels
    const Node* tmpl = spec->find("template");
    const Node* tmd = tmpl != nullptr ? tmpl->find("metadata") : nullptr;
    if (const Node* labels = tmd != nullptr ? tmd->find("labels") : nullptr) {
      Node sel = Node::object();
      sel.set("matchLabels", *labels);
      spec->set("selector", std::move(sel));
    }
  }
  if (spec != nullptr) {
    if (Node* tmpl = child_object(*spec, "template")) {
      if (Node* md = child_object(*tmpl, "metadata")) normalize_metadata(*md, false);
    }
    if (kind == "Pod") normalize_pod_spec(*spec, "Pod");
    else if (kind == "Service") normalize_service(*spec);
    else if (kind == "Ingress") normalize_ingress(n, *spec);
    else if (kind == "HorizontalPodAutoscaler") normalize_hpa(*spec);
    else normalize_workload_spec(kind, *spec);
  }
  if (kind == "ServiceAccount") remove_member(n, "secrets");  // token secrets: server-populated
  prune(n);
  return n;
}

std::vector<K8sDifference> compare_k8s(const std::vector<K8sObject>& original, const std::vector<K8sObject>& round_tripped) {
  std::map<std::string, const K8sObject*> theirs;
  for (const K8sObject& o : round_tripped) {
    if (compared_kind(text_of(o.doc.find("kind")))) theirs.emplace(object_key(o.doc), &o);
  }
  std::vector<K8sDifference> out;
  std::set<std::string> seen;
  auto record = [&](const Node& doc, const std::string& path, const Node* a, const Node* b) {
    const Node* md = doc.find("metadata");
    std::string ns = md != nullptr ? text_of(md->find("namespace")) : "";
    out.push_back({text_of(doc.find("kind")), ns.empty() ? "default" : ns, md != nullptr ? text_of(md->find("name")) : "",
                   path, compact(a), compact(b), ""});
  };
  for (const K8sObject& o : original) {
    const std::string kind = text_of(o.doc.find("kind"));
    if (!compared_kind(kind)) continue;
    const std::string key = object_key(o.doc);
    if (!seen.insert(key).second) continue;
    const Node mine = normalize_k8s(o.doc);
    auto it = theirs.find(key);
    if (it == theirs.end()) {
      record(o.doc, "", &mine, nullptr);
      continue;
    }
    const Node other = normalize_k8s(it->second->doc);
    std::vector<std::pair<std::string, std::pair<const Node*, const Node*>>> d;
    diff(&mine, &other, "", d);
    for (const auto& x : d) record(o.doc, x.first, x.second.first, x.second.second);
  }
  for (const K8sObject& o : round_tripped) {
    const std::string kind = text_of(o.doc.find("kind"));
    if (!compared_kind(kind) || seen.count(object_key(o.doc)) != 0) continue;
    const Node theirs_norm = normalize_k8s(o.doc);
    record(o.doc, "", nullptr, &theirs_norm);
  }
  return out;
}

const std::vector<K8sLossyCode>& k8s_lossy_codes() {
  static const std::vector<K8sLossyCode> kCodes = {
      {"not-carried",
       "a Service, Ingress, HPA or ServiceAccount that selects / targets / is used by no converted workload travels "
       "with no ECS document (the JSON format has one document per workload)",
       true},
      {"k8s-carry-too-large",
       "the workload and its linked objects exceed the 32 KiB carried in dockerLabels (the task definition is limited "
       "to 64 KiB): only the fields ECS expresses come back",
       true},
  };
  return kCodes;
}

std::vector<K8sDifference> unaccepted(std::vector<K8sDifference>& differences, const std::vector<K8sObject>& original,
                                      const Diagnostics& first_conversion, const std::vector<K8sLossyCode>& table) {
  std::map<std::string, bool> lossy;  // code -> whole_object
  for (const K8sLossyCode& c : table) lossy[c.code] = c.whole_object;
  std::vector<K8sDifference> out;
  for (K8sDifference& d : differences) {
    const K8sObject* obj = nullptr;
    for (const K8sObject& o : original) {
      const Node* md = o.doc.find("metadata");
      std::string ns = md != nullptr ? text_of(md->find("namespace")) : "";
      if (ns.empty()) ns = "default";
      if (text_of(o.doc.find("kind")) == d.kind && ns == d.namespace_name && md != nullptr && text_of(md->find("name")) == d.name) {
        obj = &o;
        break;
      }
    }
    if (obj != nullptr) {
      const std::string pointer = obj->pointer + original_pointer(obj->doc, d.path);
      for (const Diagnostic& diag : first_conversion.all()) {
        if (lossy.count(diag.code) == 0 || diag.location.file != obj->file) continue;
        if (obj->document >= 0 && diag.location.document != obj->document) continue;
        if (!at_or_above(obj->pointer, diag.location.pointer)) continue;  // another object of the file
        const bool object_root = diag.location.pointer == obj->pointer;
        if (object_root && !lossy.at(diag.code)) continue;  // too coarse to tie a field difference to
        if (at_or_above(diag.location.pointer, pointer)) {
          d.accepted_by = diag.code;
          break;
        }
      }
    }
    if (d.accepted_by.empty()) out.push_back(d);
  }
  return out;
}

}  // namespace specconv::roundtrip
