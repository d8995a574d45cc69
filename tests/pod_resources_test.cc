// Pod-level resources (issue 17 item 3): an ECS task size becomes the pod's spec.resources on
// Kubernetes 1.34+, so a 512 MiB task with a sidecar never allows the pod more than 512 MiB;
// older versions keep the per-container split and warn (pod-exceeds-task-size); to-ecs reads
// spec.resources back as the task size, without the specconv.io annotations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "testutil/process.h"

namespace specconv {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr const char* kTaskWithSidecar = R"({
  "family": "shop",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {"name": "app", "image": "shop:1", "essential": true, "cpu": 128, "portMappings": [{"containerPort": 8080}]},
    {"name": "envoy", "image": "envoy:1.31", "essential": true, "memoryReservation": 64, "memory": 256}
  ]
})";

/// The Deployment of a to-k8s run in JSON, and the run's diagnostics.
struct PodresRun {
  json deployment;
  std::vector<Diagnostic> diagnostics;
};

PodresRun podres_to_k8s(const std::string& task, KubernetesVersion version) {
  ToK8sOptions o;
  o.format = OutputFormat::kJson;
  o.kubernetes_version = version;
  const ConvertResult r = convert_to_k8s({{"task.json", task}}, o);
  PodresRun run;
  run.diagnostics = r.diagnostics.all();
  for (const OutputDocument& d : r.documents) {
    const json list = json::parse(d.text);
    for (const json& item : list["items"]) {
      if (item["kind"] == "Deployment") run.deployment = item;
    }
  }
  if (run.deployment.is_null()) {
    std::string said;
    for (const Diagnostic& d : run.diagnostics) said += d.code + ": " + d.message + "\n";
    ADD_FAILURE() << "no Deployment; " << r.documents.size() << " documents; diagnostics:\n" << said;
    run.deployment = json::object();
  }
  return run;
}

/// Memory in MiB of a quantity specconv writes ("512Mi", "1Gi").
int64_t podres_mib(const json& q) {
  const std::string s = q.get<std::string>();
  if (s.ends_with("Gi")) return std::stoll(s.substr(0, s.size() - 2)) * 1024;
  if (s.ends_with("Mi")) return std::stoll(s.substr(0, s.size() - 2));
  ADD_FAILURE() << "unexpected quantity " << s;
  return 0;
}

bool podres_has_code(const std::vector<Diagnostic>& diags, const std::string& code) {
  for (const Diagnostic& d : diags) {
    if (d.code == code) return true;
  }
  return false;
}

TEST(PodLevelResources, A512MiBTaskWithASidecarNeverAllowsThePodMore) {
  for (const KubernetesVersion v : {KubernetesVersion{1, 34}, KubernetesVersion{1, 35}, KubernetesVersion{}}) {
    const PodresRun run = podres_to_k8s(kTaskWithSidecar, v);
    const json& spec = run.deployment["spec"]["template"]["spec"];
    ASSERT_TRUE(spec.contains("resources")) << run.deployment.dump(2);
    EXPECT_EQ(podres_mib(spec["resources"]["limits"]["memory"]), 512);
    EXPECT_EQ(spec["resources"]["requests"]["memory"], spec["resources"]["limits"]["memory"]);
    EXPECT_EQ(spec["resources"]["limits"]["cpu"], "250m");
    // The containers keep what their definitions say, each within the pod's limit, and their
    // requests add up to no more than the pod's.
    int64_t requested = 0;
    for (const json& c : spec["containers"]) {
      const json res = c.value("resources", json::object());
      if (res.contains("limits")) EXPECT_LE(podres_mib(res["limits"]["memory"]), 512) << c.dump();
      if (res.contains("requests") && res["requests"].contains("memory")) requested += podres_mib(res["requests"]["memory"]);
    }
    EXPECT_LE(requested, 512);
    const json& app = spec["containers"][0];
    EXPECT_EQ(app["resources"], json::parse(R"({"requests": {"cpu": "125m"}})"));
    const json& envoy = spec["containers"][1];
    EXPECT_EQ(envoy["resources"], json::parse(R"({"limits": {"memory": "256Mi"}, "requests": {"memory": "64Mi"}})"));
    EXPECT_FALSE(podres_has_code(run.diagnostics, "pod-exceeds-task-size"));
  }
}

TEST(PodLevelResources, OlderVersionsSplitTheTaskSizeAndWarn) {
  const PodresRun run = podres_to_k8s(kTaskWithSidecar, {1, 33});
  const json& spec = run.deployment["spec"]["template"]["spec"];
  EXPECT_FALSE(spec.contains("resources"));
  // The app container gets the task memory as its limit: with the sidecar's 256 MiB, 768 MiB in all.
  EXPECT_EQ(podres_mib(spec["containers"][0]["resources"]["limits"]["memory"]), 512);
  EXPECT_TRUE(podres_has_code(run.diagnostics, "pod-exceeds-task-size"));
}

TEST(PodLevelResources, WindowsPodsKeepTheSplit) {
  json task = json::parse(kTaskWithSidecar);
  task["runtimePlatform"] = {{"operatingSystemFamily", "WINDOWS_SERVER_2022_CORE"}};
  const PodresRun run = podres_to_k8s(task.dump(), KubernetesVersion{});
  EXPECT_FALSE(run.deployment["spec"]["template"]["spec"].contains("resources"));
  EXPECT_TRUE(podres_has_code(run.diagnostics, "pod-exceeds-task-size"));
}

/// ECS -> Kubernetes -> ECS with every specconv.io annotation removed: what comes back is read
/// from the objects alone.
json podres_round_trip_without_annotations(const std::string& task) {
  json deployment = podres_to_k8s(task, KubernetesVersion{}).deployment;
  deployment["metadata"].erase("annotations");
  deployment["spec"]["template"]["metadata"].erase("annotations");
  const ConvertResult back = convert_to_ecs({{"shop.json", deployment.dump()}}, ToEcsOptions{});
  for (const OutputDocument& d : back.documents) {
    const json doc = json::parse(d.text);
    if (doc.contains("taskDefinition")) return doc["taskDefinition"];
    if (doc.contains("containerDefinitions")) return doc;
  }
  ADD_FAILURE() << "no task definition came back";
  return {};
}

TEST(PodLevelResources, ToEcsReadsThePodSizeBackAsTheTaskSize) {
  const json td = podres_round_trip_without_annotations(kTaskWithSidecar);
  EXPECT_EQ(td["cpu"], "256");
  EXPECT_EQ(td["memory"], "512");
  ASSERT_EQ(td["containerDefinitions"].size(), 2u);
  const json& app = td["containerDefinitions"][0];
  EXPECT_EQ(app["cpu"], 128);
  EXPECT_FALSE(app.contains("memory"));
  EXPECT_FALSE(app.contains("memoryReservation"));
  const json& envoy = td["containerDefinitions"][1];
  EXPECT_EQ(envoy["memory"], 256);
  EXPECT_EQ(envoy["memoryReservation"], 64);
}

TEST(PodLevelResources, ToEcsSnapsAPodSizeToFargate) {
  const std::string pod = R"({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "odd"},
    "spec": {"selector": {"matchLabels": {"app": "odd"}}, "template": {"metadata": {"labels": {"app": "odd"}},
      "spec": {"resources": {"limits": {"cpu": "300m", "memory": "600Mi"}},
               "containers": [{"name": "a", "image": "a:1"}]}}}})";
  const ConvertResult back = convert_to_ecs({{"odd.json", pod}}, ToEcsOptions{});
  ASSERT_FALSE(back.documents.empty());
  EXPECT_THAT(back.documents.front().text, HasSubstr("\"cpu\": \"512\""));
  EXPECT_THAT(back.documents.front().text, HasSubstr("\"memory\": \"1024\""));
}

TEST(PodLevelResourcesCli, BadKubernetesVersionIsAUsageError) {
  const std::string task = std::string(SPECCONV_TEST_DATA) + "/golden/ecs-to-k8s/rollout-150-50-3-replicas/task-definition.json";
  for (const char* bad : {"1.x", "2.0", "latest"}) {
    const auto r = testutil::run_specconv({"to-k8s", "--kubernetes-version", bad, task});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_THAT(r.err, HasSubstr("--kubernetes-version")) << bad;
    EXPECT_THAT(r.err, HasSubstr("not a Kubernetes version")) << bad;
  }
  EXPECT_EQ(testutil::run_specconv({"convert", "--kubernetes-version", "nope", task}).exit_code, 2);
  const auto old = testutil::run_specconv({"-m", "e2k", "-s", task, "--kubernetes-version", "V1.33"});
  EXPECT_EQ(old.exit_code, 0) << old.err;
  const auto current = testutil::run_specconv({"to-k8s", "--kubernetes-version", "v1.34", task});
  EXPECT_EQ(current.exit_code, 0) << current.err;
  EXPECT_NE(old.out, current.out);  // the version changes where the task size goes
}

}  // namespace
}  // namespace specconv
