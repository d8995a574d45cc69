// Round trip Kubernetes -> ECS -> Kubernetes: every Kubernetes input of examples/k8s/,
// tests/golden/k8s-to-ecs/, tests/corpus/k8s/ and (when ../shared exists) ../shared/corpus/k8s/
// goes through convert_to_ecs (json) and back through convert_to_k8s; the objects must be
// semantically equal (roundtrip::compare_k8s), except for differences that the first conversion
// reported with a lossy code (roundtrip::k8s_lossy_codes, docs/round-trip.md). Inputs that
// to-ecs rejects are counted and skipped. Plus a property test over generated workloads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/json_load.h"
#include "io/json_write.h"
#include "roundtrip/k8s_equal.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

struct RoundTrip {
  bool rejected = false;  // to-ecs failed on an input: nothing to compare
  std::size_t objects = 0;
  std::vector<roundtrip::K8sDifference> all;        // every difference
  std::vector<roundtrip::K8sDifference> unaccepted;  // not tied to a lossy diagnostic
  std::string ecs_json;
  std::string k8s_back;
};

RoundTrip round_trip(const std::vector<InputText>& inputs, bool fargate) {
  RoundTrip rt;
  ToEcsOptions to_ecs;
  to_ecs.fargate = fargate;
  const ConvertResult first = convert_to_ecs(inputs, to_ecs);
  if (!first.failed_inputs.empty() || first.diagnostics.has_errors()) {
    rt.rejected = true;
    return rt;
  }
  std::vector<roundtrip::K8sObject> original;
  for (const InputText& in : inputs) {
    for (auto& o : roundtrip::load_k8s_objects(in.text, in.path)) original.push_back(std::move(o));
  }
  rt.ecs_json = join_ecs_output(first.documents, EcsFormat::kJson);
  std::vector<roundtrip::K8sObject> back;
  if (!first.documents.empty()) {
    const ConvertResult second = convert_to_k8s({{"-", rt.ecs_json}}, ToK8sOptions{});
    rt.k8s_back = join_documents(second.documents, OutputFormat::kYaml);
    back = roundtrip::load_k8s_objects(rt.k8s_back, "-");
  }
  for (const auto& o : original) {
    const io::Node* k = o.doc.find("kind");
    if (k != nullptr && roundtrip::compared_kind(k->text())) ++rt.objects;
  }
  rt.all = roundtrip::compare_k8s(original, back);
  rt.unaccepted = roundtrip::unaccepted(rt.all, original, first.diagnostics);
  return rt;
}


bool manifest_file(const fs::path& p) {
  const auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// One case: a set of files converted together (a golden case folder, an example folder) or one
/// corpus file.
struct K8sCase {
  std::string folder;  // for the per-folder counts
  std::string name;
  std::vector<fs::path> files;
  bool fargate = true;
};

std::vector<K8sCase> k8s_cases() {
  std::vector<K8sCase> out;
  const fs::path src(SPECCONV_SOURCE_DIR);
  std::error_code ec;
  auto folder_cases = [&](const fs::path& root, const std::string& label) {
    if (!fs::is_directory(root, ec)) return;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory()) dirs.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& d : dirs) {
      K8sCase c{label, label + "/" + d.filename().string(), {}, true};
      for (const auto& e : fs::directory_iterator(d)) {
        const std::string n = e.path().filename().string();
        if (e.is_regular_file() && manifest_file(e.path()) && n.rfind("expected", 0) != 0) c.files.push_back(e.path());
      }
      std::sort(c.files.begin(), c.files.end());
      if (fs::exists(d / "args") && testutil::read_file(d / "args").find("EC2") != std::string::npos) c.fargate = false;
      if (!c.files.empty()) out.push_back(std::move(c));
    }
  };
  auto file_cases = [&](const fs::path& root, const std::string& label) {
    if (!fs::is_directory(root, ec)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && manifest_file(e.path())) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) out.push_back(K8sCase{label, label + "/" + f.filename().string(), {f}, true});
  };
  folder_cases(src / "examples" / "k8s", "examples/k8s");
  folder_cases(src / "tests" / "golden" / "k8s-to-ecs", "tests/golden/k8s-to-ecs");
  file_cases(src / "tests" / "corpus" / "k8s", "tests/corpus/k8s");
  const fs::path shared = src / ".." / "shared";
  if (fs::is_directory(shared, ec)) file_cases(shared / "corpus" / "k8s", "shared/corpus/k8s");
  return out;
}

RoundTrip run_case(const K8sCase& c) {
  std::vector<InputText> inputs;
  for (const fs::path& f : c.files) inputs.push_back({f.filename().string(), testutil::read_file(f)});
  RoundTrip rt = round_trip(inputs, c.fargate);
  if (rt.rejected && c.fargate) rt = round_trip(inputs, false);  // e.g. a DaemonSet: --launch-type EC2
  return rt;
}

std::string report(const std::vector<roundtrip::K8sDifference>& diffs) {
  std::string s;
  for (const auto& d : diffs) s += "  " + d.describe() + "\n";
  return s;
}

class RoundTripK8s : public ::testing::TestWithParam<K8sCase> {};

TEST_P(RoundTripK8s, ObjectsComeBackSemanticallyEqual) {
  const K8sCase& c = GetParam();
  const RoundTrip rt = run_case(c);
  if (rt.rejected) GTEST_SKIP() << c.name << ": rejected by to-ecs (not a round-trip case)";
  EXPECT_TRUE(rt.unaccepted.empty()) << c.name << ": " << rt.unaccepted.size()
                                     << " difference(s) not tied to a lossy diagnostic:\n"
                                     << report(rt.unaccepted) << "--- ECS JSON\n"
                                     << rt.ecs_json << "--- back to Kubernetes\n"
                                     << rt.k8s_back;
}

std::string k8s_case_name(const ::testing::TestParamInfo<K8sCase>& info) {
  std::string s = info.param.name;
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Files, RoundTripK8s, ::testing::ValuesIn(k8s_cases()), k8s_case_name);

/// Prints the figures (files per folder, accepted differences per code) and checks that the
/// repository's own inputs round-trip at all (a test that never compares anything must fail).
TEST(RoundTripK8sSummary, CountsPerFolderAndAcceptedPerCode) {
  std::map<std::string, std::pair<int, int>> per_folder;  // folder -> (round-tripped, rejected)
  std::map<std::string, int> per_code;
  std::size_t objects = 0;
  for (const K8sCase& c : k8s_cases()) {
    const RoundTrip rt = run_case(c);
    auto& slot = per_folder[c.folder];
    if (rt.rejected) {
      ++slot.second;
      continue;
    }
    ++slot.first;
    objects += rt.objects;
    for (const auto& d : rt.all) {
      if (!d.accepted_by.empty()) ++per_code[d.accepted_by];
    }
  }
  std::cout << "[ round trip K8s -> ECS -> K8s ] objects compared: " << objects << "\n";
  for (const auto& [folder, n] : per_folder) {
    std::cout << "  " << folder << ": " << n.first << " round-tripped, " << n.second << " rejected by to-ecs\n";
  }
  for (const auto& [code, n] : per_code) std::cout << "  accepted " << code << ": " << n << "\n";
  EXPECT_GT(per_folder["examples/k8s"].first, 0);
  EXPECT_GT(per_folder["tests/corpus/k8s"].first, 10);
  EXPECT_GT(objects, 50u);
}


/// The carry never overrides the ECS side: a changed image and CPU come back changed (and are
/// reported as differences), everything else still comes back.
TEST(RoundTripK8sEdits, EcsEditsWinOverTheCarry) {
  const fs::path dir = fs::path(SPECCONV_SOURCE_DIR) / "examples" / "k8s" / "shop";
  const std::vector<InputText> inputs = {{"workloads.yaml", testutil::read_file(dir / "workloads.yaml")}};
  const ConvertResult first = convert_to_ecs(inputs, ToEcsOptions{});
  ASSERT_FALSE(first.diagnostics.has_errors());
  std::string json = join_ecs_output(first.documents, EcsFormat::kJson);
  const std::string image = "retail-store-sample-catalog:0.4.0";
  ASSERT_NE(json.find(image), std::string::npos);
  json.replace(json.find(image), image.size(), "retail-store-sample-catalog:0.5.0");
  const std::string cpu = "\"cpu\": 256,";
  ASSERT_NE(json.find(cpu), std::string::npos);
  json.replace(json.find(cpu), cpu.size(), "\"cpu\": 512,");
  const ConvertResult second = convert_to_k8s({{"-", json}}, ToK8sOptions{});
  std::vector<roundtrip::K8sObject> original = roundtrip::load_k8s_objects(inputs[0].text, "workloads.yaml");
  auto diffs = roundtrip::compare_k8s(original, roundtrip::load_k8s_objects(join_documents(second.documents, OutputFormat::kYaml), "-"));
  std::vector<std::string> paths;
  for (const auto& d : diffs) paths.push_back(d.kind + " " + d.name + " " + d.path + " -> " + d.round_tripped);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "Deployment catalog /spec/template/spec/containers/0/image -> \"public.ecr.aws/aws-containers/retail-store-sample-catalog:0.5.0\"",
                       "Deployment catalog /spec/template/spec/containers/0/resources/requests/cpu -> \"0.5\""}));
  EXPECT_EQ(roundtrip::unaccepted(diffs, original, first.diagnostics).size(), 2u);
}

TEST(RoundTripK8sEdits, JsonArrayInputRoundTripsAndTiesLossToItsDocument) {
  const std::string json = R"([
  {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"},
   "spec": {"selector": {"matchLabels": {"app": "api"}}, "template": {"metadata": {"labels": {"app": "api"}},
   "spec": {"containers": [{"name": "api", "image": "nginx:1.25", "ports": [{"containerPort": 80}]}]}}}},
  {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api"}, "spec": {"selector": {"app": "api"}, "ports": [{"port": 80}]}},
  {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "orphan"}, "spec": {"selector": {"app": "none"}, "ports": [{"port": 80}]}}
])";
  const RoundTrip rt = round_trip({{"app.json", json}}, true);
  ASSERT_FALSE(rt.rejected);
  EXPECT_TRUE(rt.unaccepted.empty()) << report(rt.unaccepted);
  ASSERT_EQ(rt.all.size(), 1u) << report(rt.all);
  EXPECT_EQ(rt.all[0].name, "orphan");
  EXPECT_EQ(rt.all[0].accepted_by, "not-carried");
}

TEST(RoundTripK8sDocs, EveryLossyCodeIsDocumented) {
  const std::string doc = testutil::read_file(fs::path(SPECCONV_SOURCE_DIR) / "docs" / "round-trip.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& c : roundtrip::k8s_lossy_codes()) {
    EXPECT_NE(doc.find("| `" + std::string(c.code) + "` |"), std::string::npos)
        << c.code << " is missing from the lossy table of docs/round-trip.md";
  }
}

// ---- property test: generated workloads ----------------------------------------------------

/// Builds a random valid workload (and sometimes its Service, HPA, ServiceAccount) as YAML.
class WorkloadGenerator {
 public:
  explicit WorkloadGenerator(uint32_t seed) : rng_(seed) {}

  struct Generated {
    std::string yaml;
    bool fargate = true;
  };

  Generated next(int index) {
    Generated g;
    const int k = pick(10);
    const std::string kind = k < 6 ? "Deployment" : k < 8 ? "StatefulSet" : "DaemonSet";
    g.fargate = kind != "DaemonSet";
    const std::string name = one({"web", "api", "worker", "cart", "orders", "db"}) + "-" + std::to_string(index);
    const std::string ns = one({"", "shop", "prod", "default"});
    std::string meta = "  name: " + name + "\n" + (ns.empty() ? "" : "  namespace: " + ns + "\n");
    std::string labels = "app: " + name;
    if (chance(3)) labels += ", tier: " + one({"frontend", "backend"});
    std::string y = "apiVersion: apps/v1\nkind: " + kind + "\nmetadata:\n" + meta + "  labels: {" + labels + "}\nspec:\n";
    if (kind != "DaemonSet" && chance(2)) y += "  replicas: " + std::to_string(1 + pick(5)) + "\n";
    if (kind == "StatefulSet") y += "  serviceName: " + name + "\n";
    if (kind == "Deployment" && chance(3)) {
      if (chance(4)) y += "  strategy: {type: Recreate}\n";
      else y += "  strategy:\n    rollingUpdate: {maxSurge: " + one({"1", "0", "25%", "50%", "2"}) + ", maxUnavailable: " +
                one({"0", "1", "25%"}) + "}\n";
    }
    y += "  selector:\n    matchLabels: {app: " + name + "}\n  template:\n    metadata:\n      labels: {" + labels + "}\n    spec:\n";
    const bool sa = chance(4);
    if (sa) y += "      serviceAccountName: " + name + "\n";
    if (chance(4)) y += "      terminationGracePeriodSeconds: " + one({"10", "30", "60"}) + "\n";
    std::vector<std::string> volumes;
    if (chance(3)) volumes.push_back("cache");
    if (chance(5)) volumes.push_back("scratch");
    if (chance(4)) {
      y += "      initContainers:\n";
      const int n = 1 + pick(2);
      for (int i = 0; i < n; ++i) y += container("init" + std::to_string(i), false, volumes);
    }
    y += "      containers:\n";
    std::vector<int> ports;
    const int n = 1 + pick(3);
    for (int i = 0; i < n; ++i) y += container(i == 0 ? name : "side" + std::to_string(i), i == 0, volumes, &ports);
    if (!volumes.empty()) {
      y += "      volumes:\n";
      for (const auto& v : volumes) y += "      - name: " + v + "\n        emptyDir: {}\n";
    }
    if (!ports.empty() && chance(2)) {
      const bool lb = chance(4);
      y += "---\napiVersion: v1\nkind: Service\nmetadata:\n" + meta + "spec:\n" + (lb ? "  type: LoadBalancer\n" : "") +
           "  selector: {app: " + name + "}\n  ports:\n";
      y += "  - {name: http, port: " + one({"80", std::to_string(ports[0])}) + ", targetPort: " + one({std::to_string(ports[0]), "http"}) + "}\n";
      if (!lb && chance(2)) {
        y += "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n" + meta +
             (chance(2) ? "  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}\n" : "") +
             "spec:\n  ingressClassName: alb\n  rules:\n  - " + (chance(2) ? "host: " + name + ".example.com\n    " : "") +
             "http:\n      paths:\n      - path: " + one({"/", "/api", "/v1/items"}) + "\n        pathType: " + one({"Prefix", "Exact"}) +
             "\n        backend: {service: {name: " + name + ", port: {name: http}}}\n";
      }
    }
    if (kind == "Deployment" && chance(4)) {
      const int min = 1 + pick(3);
      y += "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n" + meta +
           "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: " + name + "}\n  minReplicas: " +
           std::to_string(min) + "\n  maxReplicas: " + std::to_string(min + 1 + pick(8)) + "\n  metrics:\n";
      y += "  - type: Resource\n    resource: {name: " + one({"cpu", "memory"}) +
           ", target: {type: Utilization, averageUtilization: " + std::to_string(40 + pick(50)) + "}}\n";
    }
    if (sa) {
      y += "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n" + meta +
           "  annotations: {eks.amazonaws.com/role-arn: \"arn:aws:iam::123456789012:role/" + name + "\"}\n";
    }
    g.yaml = y;
    return g;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  bool chance(int one_in) { return pick(one_in) == 0; }
  std::string one(std::initializer_list<std::string> options) {
    std::vector<std::string> v(options);
    return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
  }

  std::string container(const std::string& name, bool app, const std::vector<std::string>& volumes,
                        std::vector<int>* ports = nullptr) {
    std::string c = "      - name: " + name + "\n        image: " +
                    one({"nginx:1.25", "public.ecr.aws/docker/library/redis:7", "busybox", "ghcr.io/acme/api@sha256:" + std::string(64, 'a'),
                         "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v2"}) + "\n";
    if (chance(3)) c += "        command: [\"/bin/" + one({"app", "server", "run"}) + "\"]\n";
    if (chance(3)) c += "        args: [\"--port\", \"" + std::to_string(1000 + pick(9000)) + "\"]\n";
    if (chance(2)) {
      c += "        env:\n";
      const int n = 1 + pick(4);
      for (int i = 0; i < n; ++i) {
        const int t = pick(6);
        const std::string var = "VAR_" + std::to_string(i);
        if (t < 4) c += "        - {name: " + var + ", value: \"" + one({"a", "1", "yes", "http://x/", ""}) + "\"}\n";
        else if (t == 4) c += "        - name: " + var + "\n          valueFrom: {secretKeyRef: {name: creds, key: k" + std::to_string(i) + "}}\n";
        else c += "        - name: " + var + "\n          valueFrom: {configMapKeyRef: {name: cfg, key: k" + std::to_string(i) + "}}\n";
      }
    }
    int port = 0;
    if (app && ports != nullptr && chance(2)) {
      port = one({"80", "8080", "3000", "9090"}) == "80" ? 80 : 8080 + pick(3);
      c += "        ports:\n        - {name: http, containerPort: " + std::to_string(port) + "}\n";
      ports->push_back(port);
    }
    if (chance(2)) {
      c += "        resources:\n";
      c += "          requests: {cpu: " + one({"250m", "\"0.5\"", "\"1\"", "100m", "2"}) + ", memory: " +
           one({"256Mi", "512Mi", "1Gi", "768Mi"}) + "}\n";
      if (chance(2)) c += "          limits: {memory: " + one({"1Gi", "2Gi", "1024Mi"}) + "}\n";
    }
    if (app && chance(3)) {
      const int t = pick(3);
      c += "        livenessProbe:\n";
      if (t == 0) c += "          exec: {command: [\"/bin/check\", \"--quick\"]}\n";
      else if (t == 1 && port != 0) c += "          httpGet: {path: /health, port: " + std::to_string(port) + "}\n";
      else c += "          exec: {command: [\"sh\", \"-c\", \"test -f /tmp/ok\"]}\n";
      if (chance(2)) c += "          periodSeconds: " + one({"10", "15", "30"}) + "\n";
      if (chance(2)) c += "          failureThreshold: " + one({"3", "5"}) + "\n";
    }
    if (chance(4)) {
      c += "        securityContext: {runAsUser: " + std::to_string(1000 + pick(10)) +
           (chance(2) ? ", runAsGroup: 3000" : "") + (chance(2) ? ", readOnlyRootFilesystem: true" : "") + "}\n";
    }
    if (chance(5)) c += "        workingDir: /srv\n";
    if (!volumes.empty() && chance(2)) {
      c += "        volumeMounts:\n        - {name: " + volumes[0] + ", mountPath: /data" + (chance(3) ? ", readOnly: true" : "") + "}\n";
    }
    return c;
  }

  std::mt19937 rng_;
};

/// The ECS JSON without the carry labels (as if the task definition had been written by hand).
std::string without_carry(const std::string& ecs_json) {
  Diagnostics ignored;
  auto root = io::load_json(ecs_json, "", io::Limits{}, ignored);
  if (!root) return ecs_json;
  for (io::Node& doc : root->items()) {
    io::Node* td = doc.find("taskDefinition") != nullptr ? doc.find("taskDefinition") : &doc;
    io::Node* defs = td->find("containerDefinitions");
    if (defs == nullptr) continue;
    for (io::Node& c : defs->items()) {
      auto& m = c.members();
      m.erase(std::remove_if(m.begin(), m.end(), [](const io::Node::Member& x) { return x.first == "dockerLabels"; }), m.end());
    }
  }
  return io::to_json(*root, 2);
}

/// name -> image, command, args, workingDir and literal env of every container, init containers
/// first, in order: what the ECS fields alone must give back.
std::vector<std::string> container_core(const io::Node& pod_spec) {
  std::vector<std::string> out;
  for (const char* list : {"initContainers", "containers"}) {
    const io::Node* cs = pod_spec.find(list);
    if (cs == nullptr) continue;
    for (const io::Node& c : cs->items()) {
      std::string line = c.find("name")->text();
      for (const char* k : {"image", "command", "args", "workingDir"}) {
        if (const io::Node* v = c.find(k)) line += std::string(" ") + k + "=" + io::to_json(*v, -1);
      }
      std::map<std::string, std::string> env;
      if (const io::Node* e = c.find("env")) {
        for (const io::Node& v : e->items()) {
          const io::Node* val = v.find("value");
          if (v.find("valueFrom") == nullptr) env[v.find("name")->text()] = val != nullptr ? val->text() : "";
        }
      }
      for (const auto& kv : env) line += " " + kv.first + "=" + kv.second;
      out.push_back(line);
    }
  }
  return out;
}

const io::Node* workload_pod_spec(const std::vector<roundtrip::K8sObject>& objects) {
  for (const auto& o : objects) {
    const std::string kind = o.doc.find("kind")->text();
    if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet") return o.doc.find("spec")->find("template")->find("spec");
  }
  return nullptr;
}

TEST(RoundTripK8sProperty, GeneratedWorkloadsComeBack) {
  constexpr int kCases = 2000;
  WorkloadGenerator gen(20240611u);
  int compared = 0, rejected = 0, failures = 0;
  std::map<std::string, int> per_code;
  for (int i = 0; i < kCases; ++i) {
    const WorkloadGenerator::Generated g = gen.next(i);
    if (const char* dump = std::getenv("SPECCONV_DUMP_GENERATED"); dump != nullptr && i < 200) {
      std::ofstream(fs::path(dump) / ("case-" + std::to_string(i) + ".yaml")) << g.yaml;  // to check with validate-k8s
    }
    const RoundTrip rt = round_trip({{"case.yaml", g.yaml}}, g.fargate);
    if (rt.rejected) {
      ++rejected;
      continue;
    }
    ++compared;
    for (const auto& d : rt.all) {
      if (!d.accepted_by.empty()) ++per_code[d.accepted_by];
    }
    // Without the carry, the fields ECS expresses still come back by the mapping alone.
    const ConvertResult bare = convert_to_k8s({{"-", without_carry(rt.ecs_json)}}, ToK8sOptions{});
    const auto bare_objects = roundtrip::load_k8s_objects(join_documents(bare.documents, OutputFormat::kYaml), "-");
    const auto original_objects = roundtrip::load_k8s_objects(g.yaml, "case.yaml");
    const io::Node* mine = workload_pod_spec(original_objects);
    const io::Node* theirs = workload_pod_spec(bare_objects);
    if ((mine == nullptr || theirs == nullptr || container_core(*mine) != container_core(*theirs)) && ++failures <= 3) {
      ADD_FAILURE() << "generated case " << i << ": containers differ without the carry\n" << g.yaml;
    }
    if (!rt.unaccepted.empty() && ++failures <= 3) {
      ADD_FAILURE() << "generated case " << i << ": " << rt.unaccepted.size() << " difference(s) not tied to a lossy diagnostic:\n"
                    << report(rt.unaccepted) << "--- generated YAML\n"
                    << g.yaml << "--- ECS JSON\n" << rt.ecs_json << "--- back\n" << rt.k8s_back;
    }
  }
  std::cout << "[ generated ] " << kCases << " cases: " << compared << " compared, " << rejected << " rejected by to-ecs, "
            << failures << " failed\n";
  for (const auto& [code, n] : per_code) std::cout << "  accepted " << code << ": " << n << "\n";
  EXPECT_EQ(failures, 0);
  EXPECT_GE(compared, kCases * 9 / 10) << "the generator must produce inputs to-ecs accepts";
}


// ---- carry review fixes ----------------------------------------------------------------------

io::Node parse_json(const std::string& text) {
  Diagnostics d;
  auto n = io::load_json(text, "", io::Limits{}, d);
  EXPECT_TRUE(n.has_value()) << text.substr(0, 200);
  return n ? *n : io::Node::null();
}

void erase_member(io::Node& obj, const std::string& key) {
  auto& m = obj.members();
  m.erase(std::remove_if(m.begin(), m.end(), [&](const io::Node::Member& x) { return x.first == key; }), m.end());
}

/// Calls `edit` on every object of `n` that has containerDefinitions (the task definitions).
template <typename F>
void each_task_definition(io::Node& n, const F& edit) {
  if (n.is_object()) {
    if (n.find("containerDefinitions") != nullptr) edit(n);
    for (auto& m : n.members()) each_task_definition(m.second, edit);
  } else if (n.is_array()) {
    for (auto& i : n.items()) each_task_definition(i, edit);
  }
}

const io::Node* first_container(const std::vector<roundtrip::K8sObject>& objects, const std::string& kind) {
  for (const auto& o : objects) {
    if (o.doc.find("kind") == nullptr || o.doc.find("kind")->text() != kind) continue;
    const io::Node* spec = o.doc.find("spec")->find("template")->find("spec");
    return &spec->find("containers")->items()[0];
  }
  return nullptr;
}

ToEcsOptions ec2() {
  ToEcsOptions o;
  o.fargate = false;  // privileged is EC2 only
  return o;
}

const char* kPrivileged = R"(apiVersion: apps/v1
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
        livenessProbe: {exec: {command: [cat, /tmp/ok]}, periodSeconds: 10}
        securityContext:
          privileged: true
          allowPrivilegeEscalation: true
          capabilities: {add: [NET_ADMIN]}
)";

/// Removing a field on the ECS side removes what it was written to: the carry does not bring back
/// privileged, the added capability or the probe; Kubernetes-only members stay.
TEST(RoundTripK8sEdits, EcsRemovalsAreNotUndoneByTheCarry) {
  const ConvertResult first = convert_to_ecs({{"app.yaml", kPrivileged}}, ec2());
  ASSERT_FALSE(first.diagnostics.has_errors());
  io::Node ecs = parse_json(join_ecs_output(first.documents, EcsFormat::kJson));
  int edited = 0;
  each_task_definition(ecs, [&](io::Node& td) {
    io::Node& c = td.find("containerDefinitions")->items()[0];
    ASSERT_NE(c.find("privileged"), nullptr);
    ASSERT_NE(c.find("healthCheck"), nullptr);
    erase_member(c, "privileged");
    erase_member(c, "healthCheck");
    if (io::Node* lp = c.find("linuxParameters")) erase_member(*lp, "capabilities");
    ++edited;
  });
  ASSERT_EQ(edited, 1);
  const ConvertResult second = convert_to_k8s({{"-", io::to_json(ecs, 2)}}, ToK8sOptions{});
  ASSERT_FALSE(second.diagnostics.has_errors());
  const auto back = roundtrip::load_k8s_objects(join_documents(second.documents, OutputFormat::kYaml), "-");
  const io::Node* c = first_container(back, "Deployment");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->find("livenessProbe"), nullptr);
  const io::Node* sc = c->find("securityContext");
  ASSERT_NE(sc, nullptr);  // allowPrivilegeEscalation has no ECS field: from the carry
  EXPECT_EQ(sc->find("privileged"), nullptr);
  EXPECT_EQ(sc->find("capabilities"), nullptr);
  ASSERT_NE(sc->find("allowPrivilegeEscalation"), nullptr);
}

/// An unchanged round trip still brings every field back (the fix above must not drop them).
TEST(RoundTripK8sEdits, UnchangedPrivilegedContainerComesBack) {
  const RoundTrip rt = round_trip({{"app.yaml", kPrivileged}}, false);
  ASSERT_FALSE(rt.rejected);
  EXPECT_TRUE(rt.unaccepted.empty()) << report(rt.unaccepted);
}

/// What is written is schema-checked: a carried object made invalid on the ECS side is an
/// invalid-output error, not written.
TEST(RoundTripK8sEdits, RestoredObjectsAreSchemaChecked) {
  const ConvertResult first = convert_to_ecs({{"app.yaml", kPrivileged}}, ec2());
  ASSERT_FALSE(first.diagnostics.has_errors());
  io::Node ecs = parse_json(join_ecs_output(first.documents, EcsFormat::kJson));
  int edited = 0;
  each_task_definition(ecs, [&](io::Node& td) {
    io::Node* labels = td.find("containerDefinitions")->items()[0].find("dockerLabels");
    ASSERT_NE(labels, nullptr);
    io::Node* wl = labels->find("specconv.io/k8s-workload-patch");  // the template labels differ from to-k8s's
    ASSERT_NE(wl, nullptr);
    io::Node carried = parse_json(wl->text());
    carried.find("spec")->find("template")->find("metadata")->find("labels")->set("app", io::Node::string("-not valid-"));
    *wl = io::Node::string(io::to_json(carried, -1));
    ++edited;
  });
  ASSERT_EQ(edited, 1);
  const ConvertResult second = convert_to_k8s({{"-", io::to_json(ecs, 2)}}, ToK8sOptions{});
  bool invalid = false;
  for (const auto& d : second.diagnostics.all()) invalid = invalid || d.code == "invalid-output";
  EXPECT_TRUE(invalid);
  EXPECT_TRUE(second.documents.empty());
}

/// Two task definitions whose carry names one workload (a copy registered under another family,
/// its carry naming the original) would give two workloads of that name: the second is a
/// duplicate-output error. (A carried patch that names nothing follows the family: see below.)
TEST(RoundTripK8sEdits, DuplicateNamesAreCheckedOnTheRestoredName) {
  const ConvertResult first = convert_to_ecs({{"app.yaml", kPrivileged}}, ec2());
  ASSERT_FALSE(first.diagnostics.has_errors());
  const std::string web = join_ecs_output(first.documents, EcsFormat::kJson);
  io::Node staging = parse_json(web);
  each_task_definition(staging, [&](io::Node& td) { td.set("family", io::Node::string("web-staging")); });
  std::function<void(io::Node&)> rename = [&](io::Node& n) {
    if (n.is_object()) {
      for (auto& m : n.members()) {
        if ((m.first == "serviceName" || m.first == "taskDefinition") && m.second.is_string() && m.second.text() == "web") {
          m.second = io::Node::string("web-staging");
        } else {
          rename(m.second);
        }
      }
    } else if (n.is_array()) {
      for (auto& i : n.items()) rename(i);
    }
  };
  rename(staging);
  const ConvertResult follows = convert_to_k8s({{"web.json", web}, {"staging.json", io::to_json(staging, 2)}}, ToK8sOptions{});
  ASSERT_EQ(follows.documents.size(), 2u) << "the copy's patch names nothing: the workload is named after its family";
  EXPECT_EQ(follows.documents[1].name, "web-staging");
  each_task_definition(staging, [&](io::Node& td) {
    io::Node* patch = td.find("containerDefinitions")->items()[0].find("dockerLabels")->find("specconv.io/k8s-workload-patch");
    ASSERT_NE(patch, nullptr);
    io::Node carried = parse_json(patch->text());
    io::Node meta = carried.find("metadata") != nullptr ? *carried.find("metadata") : io::Node::object();
    meta.set("name", io::Node::string("web"));
    carried.set("metadata", std::move(meta));
    *patch = io::Node::string(io::to_json(carried, -1));
  });
  const ConvertResult second = convert_to_k8s({{"web.json", web}, {"staging.json", io::to_json(staging, 2)}}, ToK8sOptions{});
  bool duplicate = false;
  for (const auto& d : second.diagnostics.all()) duplicate = duplicate || d.code == "duplicate-output";
  EXPECT_TRUE(duplicate);
  EXPECT_EQ(second.documents.size(), 1u);
}

}  // namespace
}  // namespace specconv
