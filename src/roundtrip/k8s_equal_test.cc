// Unit tests of the Kubernetes semantic comparison: it must find real differences and ignore
// the ones Kubernetes itself ignores (defaults, quantity spelling, map order, server fields).
#include "roundtrip/k8s_equal.h"

#include <gtest/gtest.h>

#include "diag/codes.h"

namespace specconv::roundtrip {
namespace {

std::vector<K8sDifference> compare_yaml(const std::string& a, const std::string& b) {
  return compare_k8s(load_k8s_objects(a, "a.yaml"), load_k8s_objects(b, "b.yaml"));
}

std::string all(const std::vector<K8sDifference>& d) {
  std::string s;
  for (const auto& x : d) s += x.describe() + "\n";
  return s;
}

const char* kBase = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports: [{containerPort: 80, name: http}]
        env: [{name: A, value: "1"}, {name: B, value: "2"}]
        resources: {requests: {cpu: 500m, memory: 1Gi}}
        readinessProbe: {httpGet: {path: /, port: http}}
)";

TEST(K8sEqual, IdenticalObjectsHaveNoDifference) { EXPECT_TRUE(compare_yaml(kBase, kBase).empty()); }

TEST(K8sEqual, DefaultsMadeExplicitEqualOmittedOnes) {
  const char* explicit_defaults = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
  uid: 1234
  resourceVersion: "99"
  generation: 3
  creationTimestamp: "2024-01-01T00:00:00Z"
  annotations: {specconv.io/ecs-task: "{}", deployment.kubernetes.io/revision: "2"}
spec:
  replicas: 1
  revisionHistoryLimit: 10
  progressDeadlineSeconds: 600
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      restartPolicy: Always
      dnsPolicy: ClusterFirst
      terminationGracePeriodSeconds: 30
      serviceAccountName: default
      volumes: []
      containers:
      - name: web
        image: nginx:1.25
        imagePullPolicy: IfNotPresent
        ports: [{containerPort: 80, name: http, protocol: TCP}]
        env: [{name: B, value: "2"}, {name: A, value: "1"}]
        resources: {requests: {memory: 1024Mi, cpu: "0.5"}}
        readinessProbe: {httpGet: {path: /, port: 80, scheme: HTTP}, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3}
status: {replicas: 1}
)";
  const auto d = compare_yaml(kBase, explicit_defaults);
  EXPECT_TRUE(d.empty()) << all(d);
}

TEST(K8sEqual, FindsChangedValues) {
  std::string changed = kBase;
  changed.replace(changed.find("500m"), 4, "501m");
  changed.replace(changed.find("nginx:1.25"), 10, "nginx:1.26");
  const auto d = compare_yaml(kBase, changed);
  ASSERT_EQ(d.size(), 2u) << all(d);  // cpu and image (the derived pull policy stays IfNotPresent)
  EXPECT_NE(all(d).find("/spec/template/spec/containers/0/image"), std::string::npos) << all(d);
  EXPECT_NE(all(d).find("/resources/requests/cpu"), std::string::npos) << all(d);
}

TEST(K8sEqual, LatestTagDefaultsToAlwaysPull) {
  std::string latest = kBase;
  latest.replace(latest.find("nginx:1.25"), 10, "nginx");
  std::string explicit_always = latest;
  explicit_always.replace(explicit_always.find("image: nginx"), 12, "image: nginx\n        imagePullPolicy: Always");
  EXPECT_TRUE(compare_yaml(latest, explicit_always).empty()) << all(compare_yaml(latest, explicit_always));
  std::string if_not_present = latest;
  if_not_present.replace(if_not_present.find("image: nginx"), 12, "image: nginx\n        imagePullPolicy: IfNotPresent");
  EXPECT_EQ(compare_yaml(latest, if_not_present).size(), 1u);
}

TEST(K8sEqual, ContainerOrderIsSignificant) {
  const char* two = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: x:1}, {name: b, image: y:1}]
)";
  const char* swapped = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: b, image: y:1}, {name: a, image: x:1}]
)";
  EXPECT_FALSE(compare_yaml(two, swapped).empty());
}

TEST(K8sEqual, EnvOrderMattersOnlyForReferences) {
  const char* ordered = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    env: [{name: HOST, value: db}, {name: URL, value: "http://$(HOST)/"}]
)";
  const char* reversed = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    env: [{name: URL, value: "http://$(HOST)/"}, {name: HOST, value: db}]
)";
  const auto d = compare_yaml(ordered, reversed);
  ASSERT_EQ(d.size(), 1u) << all(d);
  EXPECT_NE(d[0].path.find("envOrder"), std::string::npos);
}

TEST(K8sEqual, MissingAndExtraObjectsAreDifferences) {
  const char* svc = R"(apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";
  const auto missing = compare_yaml(svc, "");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].round_tripped, "<absent>");
  const auto extra = compare_yaml("", svc);
  ASSERT_EQ(extra.size(), 1u);
  EXPECT_EQ(extra[0].original, "<absent>");
}

TEST(K8sEqual, ServiceDefaults) {
  const char* svc = R"(apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, name: http}, {port: 443, name: https}]
)";
  const char* full = R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  type: ClusterIP
  clusterIP: 10.0.0.12
  sessionAffinity: None
  selector: {app: web}
  ports: [{port: 443, name: https, targetPort: 443, protocol: TCP}, {port: 80, name: http, targetPort: 80}]
)";
  EXPECT_TRUE(compare_yaml(svc, full).empty()) << all(compare_yaml(svc, full));
  std::string other_target = full;
  other_target.replace(other_target.find("targetPort: 80}"), 15, "targetPort: 8080}");
  EXPECT_EQ(compare_yaml(svc, other_target).size(), 1u);
}

TEST(K8sEqual, HpaV1EqualsV2) {
  const char* v1 = R"(apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 5
  targetCPUUtilizationPercentage: 60
)";
  const char* v2 = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}]
)";
  EXPECT_TRUE(compare_yaml(v1, v2).empty()) << all(compare_yaml(v1, v2));
}

TEST(K8sEqual, AcceptsOnlyDifferencesUnderALossyDiagnostic) {
  std::string changed = kBase;
  changed.replace(changed.find("500m"), 4, "501m");
  const auto original = load_k8s_objects(kBase, "a.yaml");
  auto diffs = compare_k8s(original, load_k8s_objects(changed, "b.yaml"));
  ASSERT_EQ(diffs.size(), 1u);
  const std::vector<K8sLossyCode> table = {{"field-code", "test", false}, {"object-code", "test", true}};
  Diagnostics unrelated;  // right code, other path; other code, right path; other file; other document
  unrelated.warning("field-code", {"a.yaml", "/spec/template/spec/containers/0/image", 0, 0, 0}, "x");
  unrelated.warning("not-a-lossy-code", {"a.yaml", "/spec/template/spec/containers/0/resources", 0, 0, 0}, "x");
  unrelated.warning("field-code", {"other.yaml", "/spec/template/spec/containers/0/resources", 0, 0, 0}, "x");
  unrelated.warning("field-code", {"a.yaml", "/spec/template/spec/containers/0/resources", 0, 0, 1}, "x");
  unrelated.warning("field-code", {"a.yaml", "", 0, 0, 0}, "at the object root: too coarse for a field code");
  EXPECT_EQ(unaccepted(diffs, original, unrelated, table).size(), 1u);
  EXPECT_TRUE(diffs[0].accepted_by.empty());
  Diagnostics above;
  above.warning("field-code", {"a.yaml", "/spec/template/spec/containers/0/resources", 0, 0, 0}, "x");
  EXPECT_TRUE(unaccepted(diffs, original, above, table).empty());
  EXPECT_EQ(diffs[0].accepted_by, "field-code");
  auto again = compare_k8s(original, load_k8s_objects(changed, "b.yaml"));
  Diagnostics whole;  // a whole-object code at the root accepts the object's differences
  whole.note("object-code", {"a.yaml", "", 0, 0, 0}, "x");
  EXPECT_TRUE(unaccepted(again, original, whole, table).empty());
}

TEST(K8sEqual, LossyTableHoldsRegisteredCodesWithReasons) {
  ASSERT_FALSE(k8s_lossy_codes().empty());
  for (const K8sLossyCode& c : k8s_lossy_codes()) {
    EXPECT_NE(diag::find_code(c.code), nullptr) << c.code << " is not in src/diag/codes.cc";
    EXPECT_GT(std::string(c.reason).size(), 20u) << c.code;
  }
}

}  // namespace
}  // namespace specconv::roundtrip
