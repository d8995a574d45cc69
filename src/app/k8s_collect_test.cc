// The Kubernetes side as objects: convert_to_k8s_objects returns every object of a run grouped
// by workload, with its identity, after the run-wide steps (k8s_collect.h), or hands each
// workload to a sink as it is finished.
#include "app/k8s_collect.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/k8s_document.h"
#include "app/k8s_test_inputs.h"
#include "specconv/convert.h"

namespace specconv::app {
namespace {

TEST(K8sObjectsTest, EveryObjectOfTheRunGroupedByWorkloadWithItsIdentity) {
  ToK8sOptions o;
  o.namespace_name = "team-a";
  const K8sObjects run = convert_to_k8s_objects(two_workloads(), o);
  ASSERT_FALSE(run.diagnostics.has_errors());
  ASSERT_EQ(run.workloads.size(), 2u);
  EXPECT_EQ(run.workloads[0].name, "api");
  EXPECT_EQ(run.workloads[0].sources, (std::vector<std::string>{"api.json", "api-svc.json"}));
  EXPECT_EQ(run.workloads[1].name, "worker");
  for (const K8sWorkload& w : run.workloads) {
    EXPECT_EQ(w.namespace_name, "team-a");
    ASSERT_FALSE(w.objects.empty());
    for (const K8sObject& obj : w.objects) {
      ASSERT_NE(obj.document, nullptr);
      EXPECT_FALSE(obj.api_version.empty()) << obj.kind;
      EXPECT_EQ(obj.document->node.find("kind")->text(), obj.kind);
      EXPECT_EQ(obj.document->node.find("metadata")->find("name")->text(), obj.name);
      if (obj.kind != "ServiceAccount" || !obj.namespace_name.empty()) EXPECT_EQ(obj.namespace_name, "team-a");
    }
  }
  const auto deployment = std::find_if(run.workloads[0].objects.begin(), run.workloads[0].objects.end(),
                                       [](const K8sObject& x) { return x.kind == "Deployment"; });
  ASSERT_NE(deployment, run.workloads[0].objects.end());
  EXPECT_EQ(deployment->api_version, "apps/v1");
  EXPECT_EQ(deployment->name, "api");
}

TEST(K8sObjectsTest, ObjectsComeInApplyOrder) {
  const K8sObjects run = convert_to_k8s_objects(two_workloads(), ToK8sOptions{});
  ASSERT_FALSE(run.workloads.empty());
  std::vector<std::string> kinds;
  for (const K8sObject& x : run.workloads[0].objects) kinds.push_back(x.kind);
  const auto service_at = std::find(kinds.begin(), kinds.end(), "Service");
  const auto deployment_at = std::find(kinds.begin(), kinds.end(), "Deployment");
  ASSERT_NE(service_at, kinds.end());
  ASSERT_NE(deployment_at, kinds.end());
  EXPECT_LT(service_at, deployment_at);
}

TEST(K8sObjectsTest, TheTextApiIsTheObjectsRendered) {
  ToK8sOptions o;
  o.format = OutputFormat::kJson;
  ConvertResult r = convert_to_k8s(two_workloads(), o);
  ASSERT_EQ(r.documents.size(), 2u);
  for (const OutputDocument& d : r.documents) EXPECT_EQ(d.text, render_k8s(d.objects, OutputFormat::kJson));
  const std::string joined = join_documents(r.documents, OutputFormat::kJson);
  for (OutputDocument& d : r.documents) d.text = "not json";  // join_documents does not parse text
  EXPECT_EQ(join_documents(r.documents, OutputFormat::kJson), joined);
  std::vector<K8sObject> all;
  for (const OutputDocument& d : r.documents) all.insert(all.end(), d.objects.begin(), d.objects.end());
  EXPECT_EQ(render_k8s(all, OutputFormat::kJson), joined);
}

/// Records what it is given.
class Names final : public K8sSink {
 public:
  void add(K8sWorkload&& workload) override { names.push_back(workload.name); }
  std::vector<std::string> names;
};

std::vector<std::string> codes(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(d.location.file + ": " + d.code);
  return out;
}

TEST(K8sObjectsTest, ASinkGetsTheSameWorkloadsAndTheRunTheSameDiagnostics) {
  std::vector<InputText> inputs = two_workloads();
  inputs.insert(inputs.begin() + 1, {"broken.json", "{\"family\": "});
  inputs.push_back({"again.json", task("api", 8081)});  // a second family "api": one of them fails
  const K8sObjects whole = convert_to_k8s_objects(inputs, ToK8sOptions{});
  Names sink;
  const K8sObjects streamed = convert_to_k8s_objects(inputs, ToK8sOptions{}, sink);
  EXPECT_TRUE(streamed.workloads.empty());
  std::vector<std::string> names;
  for (const K8sWorkload& w : whole.workloads) names.push_back(w.name);
  EXPECT_EQ(sink.names, names);
  EXPECT_EQ(sink.names, (std::vector<std::string>{"api", "worker"}));
  EXPECT_EQ(codes(streamed.diagnostics), codes(whole.diagnostics));
  EXPECT_EQ(streamed.failed_inputs, whole.failed_inputs);
  EXPECT_EQ(streamed.failed_inputs.size(), 2u);  // broken.json and one of the two "api" files
}

}  // namespace
}  // namespace specconv::app
