// The Kubernetes reader and the Kubernetes field table agree: a manifest holding every key the
// table lists, in every scope, reads without an unknown-key finding; every scope is checked
// where the table says it is read; and misspelt keys still get their "did you mean".
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "input/kubernetes_kinds.h"
#include "io/yaml_load.h"
#include "k8s/reader.h"
#include "mapping/k8s_field_table.h"

namespace specconv::k8s {
namespace {

using io::Node;

constexpr const char* kBogus = "zzNotAField";

bool is_list(std::string_view scope, std::string_view key) {
  static const std::set<std::pair<std::string_view, std::string_view>> kLists = {
      {"Object", "imagePullSecrets"}, {"PodSpec", "containers"},    {"PodSpec", "initContainers"},
      {"PodSpec", "hostAliases"},     {"PodSpec", "imagePullSecrets"}, {"PodSpec", "volumes"},
      {"PodSecurityContext", "sysctls"}, {"Container", "ports"},    {"Container", "env"},
      {"Container", "envFrom"},       {"Container", "volumeMounts"}, {"ServiceSpec", "ports"},
      {"IngressSpec", "rules"},       {"IngressSpec", "tls"},       {"HTTPIngressRuleValue", "paths"},
      {"HorizontalPodAutoscalerSpec", "metrics"}};
  return kLists.count({scope, key}) != 0;
}

/// The key sets of the items generated for a list of `scope`: all keys, except where the reader
/// reads one of several alternatives (a volume has one source; env has value or valueFrom).
std::vector<std::vector<std::string_view>> item_variants(std::string_view scope) {
  const std::vector<std::string_view>& all = mapping::k8s_keys(scope);
  if (scope == "Volume") {
    std::vector<std::vector<std::string_view>> out;
    for (std::string_view k : all) {
      if (k != "name") out.push_back({"name", k});
    }
    return out;
  }
  if (scope == "EnvVar") return {all, {"name", "valueFrom"}};
  return {all};
}

struct Generated {
  std::map<std::string, std::string> scope_at;  // pointer of each object with the bogus key -> scope
};

Node leaf(std::string_view scope, std::string_view key) {
  if (scope == "MetricSpec" && key == "type") return Node::string("Resource");
  if (scope == "MetricTarget" && key == "type") return Node::string("Utilization");
  return Node::string("x");
}

Node object_of(std::string_view scope, const std::vector<std::string_view>& keys, const std::string& kind,
               const std::string& ptr, Generated& g);

Node value_of(std::string_view scope, std::string_view key, const std::string& kind, const std::string& ptr, Generated& g) {
  const bool root = scope == "Workload" || scope == "Object";
  if (root && key == "apiVersion") return Node::string(std::string(input::current_api_version(kind)));
  if (root && key == "kind") return Node::string(kind);
  const std::string_view child =
      root && key == "spec" ? mapping::k8s_spec_scope(kind) : mapping::k8s_child_scope(scope, key);
  if (child.empty()) return leaf(scope, key);
  if (!is_list(scope, key)) return object_of(child, mapping::k8s_keys(child), kind, ptr, g);
  Node list = Node::array();
  for (const auto& keys : item_variants(child)) {
    list.push(object_of(child, keys, kind, ptr + "/" + std::to_string(list.size()), g));
  }
  return list;
}

Node object_of(std::string_view scope, const std::vector<std::string_view>& keys, const std::string& kind,
               const std::string& ptr, Generated& g) {
  Node o = Node::object();
  for (std::string_view k : keys) o.set(std::string(k), value_of(scope, k, kind, ptr + "/" + std::string(k), g));
  if (scope != "Volume") {  // the reader takes any volume source: no unknown keys there
    o.set(kBogus, Node::string("x"));
    g.scope_at[ptr] = std::string(scope);
  }
  return o;
}

/// The unknown-key findings of reading `docs` (documents of one file).
std::vector<Diagnostic> unknown_keys(const std::vector<Node>& docs) {
  Diagnostics d;
  io::ReadContext ctx{"t.yaml", 0, &d, true};
  Manifests m;
  for (const Node& doc : docs) read_document(doc, ctx, m);
  std::vector<Diagnostic> out;
  for (const Diagnostic& x : d.all()) {
    if (x.code == "unknown-key") out.push_back(x);
  }
  return out;
}

TEST(K8sReaderFields, EveryTableKeyIsAcceptedAndEveryScopeIsChecked) {
  std::set<std::string> checked;
  for (const char* kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob", "Service",
                           "Ingress", "HorizontalPodAutoscaler", "SecurityGroupPolicy", "ConfigMap", "Secret",
                           "ServiceAccount"}) {
    Generated g;
    const std::string_view root = mapping::k8s_root_scope(kind);
    const Node doc = object_of(root, mapping::k8s_keys(root), kind, "", g);
    for (const Diagnostic& d : unknown_keys({doc})) {
      const std::string suffix = std::string("/") + kBogus;
      ASSERT_TRUE(d.location.pointer.ends_with(suffix)) << kind << ": " << d.location.pointer << ": " << d.message;
      const std::string at = d.location.pointer.substr(0, d.location.pointer.size() - suffix.size());
      ASSERT_EQ(g.scope_at.count(at), 1u) << kind << ": " << at;
      checked.insert(g.scope_at[at]);
    }
  }
  for (const mapping::FieldRow& r : mapping::k8s_field_table()) {
    if (r.scope != "Volume") EXPECT_EQ(checked.count(std::string(r.scope)), 1u) << "the reader never checks " << r.scope;
  }
}

/// "pointer: message" of each unknown-key finding in a YAML stream.
std::vector<std::string> messages(const std::string& yaml) {
  Diagnostics parse;
  std::vector<Node> docs;
  for (const auto& doc : io::load_yaml(yaml, "t.yaml", io::Limits{}, parse).documents) docs.push_back(doc.root);
  std::vector<std::string> out;
  for (const Diagnostic& x : unknown_keys(docs)) out.push_back(x.location.pointer + ": " + x.message);
  return out;
}

TEST(K8sReaderFields, MisspeltKeysGetTheClosestTableKey) {
  const auto got = messages(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namspace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwrok: true
      containers:
      - name: app
        image: app:1
        imagePullPolcy: Always
        resources: {limits: {nvidia.com/gpus: 1}}
)");
  const std::vector<std::string> expected = {
      "/metadata/namspace: unknown field \"namspace\" (did you mean \"namespace\"?)",
      "/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpus: unknown field \"nvidia.com/gpus\" (did you mean \"nvidia.com/gpu\"?)",
      "/spec/template/spec/containers/0/imagePullPolcy: unknown field \"imagePullPolcy\" (did you mean \"imagePullPolicy\"?)",
      "/spec/template/spec/hostNetwrok: unknown field \"hostNetwrok\" (did you mean \"hostNetwork\"?)",
  };
  EXPECT_EQ(got, expected);
}

TEST(K8sReaderFields, ServiceAndJobSpecsSuggestEveryKeyTheyAccept) {
  // These two scopes used to list only the keys the reader converts, so a misspelt carried key
  // got no suggestion; the table lists every key they accept.
  const auto got = messages(R"(apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, sessionAfinity: ClientIP, ports: [{port: 80}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  backofLimit: 2
  template: {spec: {containers: [{name: a, image: a:1}]}}
)");
  const std::vector<std::string> expected = {
      "/spec/sessionAfinity: unknown field \"sessionAfinity\" (did you mean \"sessionAffinity\"?)",
      "/spec/backofLimit: unknown field \"backofLimit\" (did you mean \"backoffLimit\"?)",
  };
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace specconv::k8s
