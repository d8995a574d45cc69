// Tests for mapping/k8s_field_table and mapping/mappings_doc: the Kubernetes table is well formed
// and docs/mappings.md shows both directions.
#include "mapping/k8s_field_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "mapping/mappings_doc.h"

namespace specconv::mapping {
namespace {

TEST(K8sFieldTable, NoScopeKeyTwice) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const FieldRow& r : k8s_field_table()) {
    EXPECT_TRUE(seen.insert({r.scope, r.key}).second) << r.scope << "." << r.key << " has two rows";
  }
}

TEST(K8sFieldTable, ScopesAreContiguous) {
  // One section per scope in docs/mappings.md, and k8s_keys() in the order the rows are written.
  std::set<std::string_view> closed;
  std::string_view current;
  for (const FieldRow& r : k8s_field_table()) {
    if (r.scope == current) continue;
    EXPECT_EQ(closed.count(r.scope), 0u) << r.scope << " is split in two";
    closed.insert(current);
    current = r.scope;
  }
}

TEST(K8sFieldTable, EveryRowThatIsNotExactSaysWhy) {
  for (const FieldRow& r : k8s_field_table()) {
    if (r.fidelity == Fidelity::kExact) continue;
    EXPECT_FALSE(r.note.empty()) << r.scope << "." << r.key << " (" << to_string(r.fidelity) << ") has no note";
  }
}

TEST(K8sFieldTable, CarriedRowsNameTheDockerLabel) {
  for (const FieldRow& r : k8s_field_table()) {
    if (r.fidelity != Fidelity::kCarried) continue;
    EXPECT_EQ(r.counterpart.rfind("label specconv.io/k8s-", 0), 0u) << r.scope << "." << r.key;
  }
}

TEST(K8sFieldTable, ChildScopesPointAtRowsOfTheTable) {
  for (const FieldRow& r : k8s_field_table()) {
    const std::string_view child = k8s_child_scope(r.scope, r.key);
    if (!child.empty()) EXPECT_FALSE(k8s_keys(child).empty()) << r.scope << "." << r.key << " -> " << child;
  }
  for (const char* kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob", "Service",
                           "Ingress", "HorizontalPodAutoscaler", "SecurityGroupPolicy"}) {
    EXPECT_FALSE(k8s_keys(k8s_root_scope(kind)).empty()) << kind;
    EXPECT_FALSE(k8s_keys(k8s_spec_scope(kind)).empty()) << kind;
  }
  EXPECT_EQ(k8s_root_scope("Namespace"), "");
}

TEST(K8sFieldTable, KeysAreInTableOrder) {
  const std::vector<std::string_view> expected = {"exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds",
                                                  "periodSeconds", "timeoutSeconds", "failureThreshold",
                                                  "successThreshold", "terminationGracePeriodSeconds"};
  EXPECT_EQ(k8s_keys("Probe"), expected);
  EXPECT_TRUE(k8s_keys("NoSuchScope").empty());
  const FieldRow* gpu = k8s_field("ResourceList", "nvidia.com/gpu");
  ASSERT_NE(gpu, nullptr);
  EXPECT_EQ(gpu->counterpart, "containerDefinitions[].resourceRequirements GPU");
}

TEST(MappingsDoc, PrintsBothDirections) {
  const std::string md = mappings_markdown();
  const auto ecs = md.find("## ECS `container`\n\n| ECS field | Kubernetes | fidelity | rule |");
  const auto k8s = md.find("## Kubernetes `Container`\n\n| Kubernetes field | ECS | fidelity | rule |");
  ASSERT_NE(ecs, std::string::npos);
  ASSERT_NE(k8s, std::string::npos);
  EXPECT_LT(ecs, k8s) << "ECS -> Kubernetes first";
  EXPECT_NE(md.find("| `imagePullPolicy` | label specconv.io/k8s-workload | carried |"), std::string::npos);
  EXPECT_NE(md.find("| `nvidia.com/gpu` |"), std::string::npos);
}

}  // namespace
}  // namespace specconv::mapping
