// --carry none: no specconv.io/ key in any output of the examples and the corpus, in both
// directions and every ECS format; what is then lost is reported (not-kept) with a location; what
// the objects themselves express still comes back.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

const fs::path kCarryRepo = SPECCONV_SOURCE_DIR;

std::vector<InputText> carry_inputs(const fs::path& root, const std::vector<std::string>& extensions) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && std::find(extensions.begin(), extensions.end(), ext) != extensions.end() &&
        name.rfind("expected", 0) != 0) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<InputText> inputs;
  for (const auto& f : files) inputs.push_back({f.string(), testutil::read_file(f)});
  return inputs;
}

int count_code(const Diagnostics& d, const std::string& code) {
  return static_cast<int>(std::count_if(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code; }));
}

void expect_no_carry_key(const ConvertResult& r, const std::string& what) {
  for (const auto& doc : r.documents) {
    EXPECT_EQ(doc.text.find("specconv.io/"), std::string::npos) << what << ": " << doc.name << "\n" << doc.text;
  }
}

TEST(CarryOff, ToK8sWritesNoSpecconvAnnotationAndReportsWhatItHeld) {
  for (const fs::path dir : {kCarryRepo / "examples" / "ecs", kCarryRepo / "tests" / "corpus" / "ecs"}) {
    for (const InputText& in : carry_inputs(dir, {".json"})) {
      ToK8sOptions full;
      const ConvertResult kept = convert_to_k8s({in}, full);
      ToK8sOptions none;
      none.carry = false;
      const ConvertResult bare = convert_to_k8s({in}, none);
      ASSERT_EQ(bare.documents.size(), kept.documents.size()) << in.path;
      expect_no_carry_key(bare, in.path);
      int annotated = 0;
      for (const auto& doc : kept.documents) annotated += doc.text.find("specconv.io/") != std::string::npos ? 1 : 0;
      // Every workload whose full output had annotations gets a note listing what they held.
      EXPECT_GE(count_code(bare.diagnostics, "not-kept"), annotated > 0 ? 1 : 0) << in.path;
      EXPECT_EQ(count_code(bare.diagnostics, "kept-in-annotation"), 0) << in.path;
      for (const auto& d : bare.diagnostics.all()) {
        EXPECT_EQ(d.message.find("kept in specconv.io"), std::string::npos) << in.path << ": " << d.message;
      }
    }
  }
}

TEST(CarryOff, ToEcsWritesNoSpecconvLabelInAnyFormat) {
  const std::vector<InputText> k8s = carry_inputs(kCarryRepo / "tests" / "corpus" / "k8s", {".yaml", ".yml"});
  std::vector<InputText> examples = carry_inputs(kCarryRepo / "examples" / "k8s", {".yaml", ".yml"});
  for (const auto& in : k8s) examples.push_back(in);
  ASSERT_GT(examples.size(), 20u);
  for (const EcsFormat format : {EcsFormat::kJson, EcsFormat::kCfn, EcsFormat::kApi, EcsFormat::kTerraform}) {
    int not_kept = 0, documents = 0;
    for (const InputText& in : examples) {
      ToEcsOptions none;
      none.carry = false;
      none.format = format;
      const ConvertResult r = convert_to_ecs({in}, none);
      expect_no_carry_key(r, in.path);
      documents += static_cast<int>(r.documents.size());
      not_kept += count_code(r.diagnostics, "not-kept");
      for (const auto& d : r.diagnostics.all()) {
        if (d.code == "not-kept") EXPECT_GT(d.location.line, 0) << in.path << ": " << d.message;
      }
    }
    EXPECT_GT(documents, 20) << static_cast<int>(format);
    EXPECT_GT(not_kept, 50) << static_cast<int>(format);
  }
}

TEST(CarryFull, TheWorkloadTravelsAsAPatchAndNeverLeaksIntoTheWayBack) {
  std::vector<InputText> inputs = carry_inputs(kCarryRepo / "examples" / "k8s", {".yaml", ".yml"});
  for (const auto& in : carry_inputs(kCarryRepo / "tests" / "corpus" / "k8s", {".yaml", ".yml"})) inputs.push_back(in);
  int patches = 0, workloads = 0;
  for (const InputText& in : inputs) {
    const ConvertResult ecs = convert_to_ecs({in}, ToEcsOptions{});
    for (const auto& doc : ecs.documents) {
      ++workloads;
      patches += doc.text.find("specconv.io/k8s-workload-patch") != std::string::npos ? 1 : 0;
      const ConvertResult back = convert_to_k8s({{doc.name + ".json", doc.text}}, ToK8sOptions{});
      for (const auto& k : back.documents) {
        EXPECT_EQ(k.text.find("specconv.io/k8s-"), std::string::npos) << in.path << " -> " << doc.name << "\n" << k.text;
      }
    }
  }
  EXPECT_GT(workloads, 40);
  EXPECT_GE(patches * 10, workloads * 9) << "nearly every workload is carried as a patch";
}

TEST(CarryFull, RemovingNoNewPrivilegesOnTheEcsSideIsNotUndoneByThePatch) {
  const std::string yaml = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        securityContext: {allowPrivilegeEscalation: false}
)";
  ToEcsOptions ec2;
  ec2.fargate = false;
  ec2.launch_type_explicit = true;
  const ConvertResult ecs = convert_to_ecs({{"web.yaml", yaml}}, ec2);
  ASSERT_EQ(ecs.documents.size(), 1u);
  std::string json = ecs.documents[0].text;
  const auto at = json.find(R"("dockerSecurityOptions")");
  ASSERT_NE(at, std::string::npos) << json;
  const ConvertResult kept = convert_to_k8s({{"web.json", json}}, ToK8sOptions{});
  ASSERT_EQ(kept.documents.size(), 1u);
  EXPECT_NE(kept.documents[0].text.find("allowPrivilegeEscalation: false"), std::string::npos) << kept.documents[0].text;
  json.replace(json.find(R"("no-new-privileges")", at), 19, R"("label:disable")");  // edited on the ECS side
  const ConvertResult edited = convert_to_k8s({{"web.json", json}}, ToK8sOptions{});
  ASSERT_EQ(edited.documents.size(), 1u);
  EXPECT_EQ(edited.documents[0].text.find("allowPrivilegeEscalation"), std::string::npos) << edited.documents[0].text;
}

TEST(CarryOff, ToEcsReportsEachLostFieldOnceAtItsLine) {
  const std::string yaml = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team.example.com/owner: payments
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
    spec:
      tolerations:
        - key: dedicated
          operator: Exists
      containers:
        - name: web
          image: nginx:1.25
          imagePullPolicy: Always
)";
  ToEcsOptions none;
  none.carry = false;
  const ConvertResult r = convert_to_ecs({{"web.yaml", yaml}}, none);
  ASSERT_EQ(r.documents.size(), 1u);
  std::vector<std::string> lost;
  for (const auto& d : r.diagnostics.all()) {
    if (d.code == "not-kept") lost.push_back(d.location.pointer + "@" + std::to_string(d.location.line));
  }
  // The selector and template labels are the ones to-k8s makes again: not lost.
  const std::vector<std::string> expected = {"/metadata/annotations/team.example.com~1owner@6", "/spec/template/spec/tolerations@16",
                                             "/spec/template/spec/containers/0/imagePullPolicy@22"};
  EXPECT_EQ(lost, expected);
}

TEST(CarryOff, WhatTheObjectsExpressStillComesBack) {
  // Shared memory (a memory emptyDir at /dev/shm) and DNS need no annotation.
  const std::string td = R"({"family":"db","requiresCompatibilities":["EC2"],"networkMode":"bridge","containerDefinitions":[
      {"name":"db","image":"postgres:16","memory":512,"cpu":256,"dnsServers":["10.0.0.2"],
       "linuxParameters":{"sharedMemorySize":256}}]})";
  ToK8sOptions none;
  none.carry = false;
  const ConvertResult k8s = convert_to_k8s({{"td.json", td}}, none);
  ASSERT_EQ(k8s.documents.size(), 1u);
  ToEcsOptions back;
  back.carry = false;
  back.fargate = false;
  back.launch_type_explicit = true;
  const ConvertResult ecs = convert_to_ecs({{"k8s.yaml", k8s.documents[0].text}}, back);
  ASSERT_EQ(ecs.documents.size(), 1u);
  const std::string& out = ecs.documents[0].text;
  EXPECT_NE(out.find(R"("sharedMemorySize": 256)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("cpu": 256)"), std::string::npos) << out;
  // bridge was only in the annotation: the pod network is awsvpc, where ECS takes no dnsServers.
  EXPECT_NE(out.find(R"("networkMode": "awsvpc")"), std::string::npos) << out;
  EXPECT_EQ(out.find("dnsServers"), std::string::npos) << out;
  EXPECT_EQ(count_code(ecs.diagnostics, "unsupported-field"), 1) << "dnsConfig in awsvpc mode is reported";
}

}  // namespace
}  // namespace specconv
