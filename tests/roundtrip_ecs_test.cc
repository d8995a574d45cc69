// Round trip ECS -> Kubernetes -> ECS (issue 6, docs/round-trip.md): every ECS input of
// examples/, tests/golden/ecs-to-k8s/, tests/corpus/ecs/ and (when ../shared exists)
// /work/shared/corpus/ecs/ is converted to Kubernetes with convert_to_k8s, the Kubernetes texts
// back with convert_to_ecs, and the result compared with the original by
// roundtrip::compare_task_definitions / compare_services. A difference is accepted only when the
// first conversion reported it with a lossy code. Plus a property test over generated inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/validate_input.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "roundtrip/ecs_equal.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using io::Node;

const fs::path kRepo = fs::path(SPECCONV_SOURCE_DIR);
const fs::path kShared = kRepo / ".." / "shared";


/// What one round trip of a set of inputs found.
struct Outcome {
  bool rejected = false;          // to-k8s produced nothing (every input failed)
  std::string note;               // why it was rejected / skipped
  int task_definitions = 0;       // compared
  int services = 0;               // compared
  int invalid_inputs = 0;         // inputs ECS rejects, refused on the way back (see round_trip)
  std::vector<std::string> failures;
  std::map<std::string, int> accepted;  // lossy code -> accepted differences
  std::vector<std::string> pointers;    // of the differences that were not accepted
};

struct Original {
  std::string file;
  roundtrip::EcsDocument doc;
};

std::string family(const Node& td) {
  const Node* f = td.find("family");
  return f != nullptr && f->is_string() ? f->text() : "";
}

std::string service_family(const Node& s) {
  const Node* t = s.find("taskDefinition");
  if (t == nullptr || !t->is_string()) return "";
  std::string r = t->text();
  if (auto slash = r.rfind('/'); r.rfind("arn:", 0) == 0 && slash != std::string::npos) r = r.substr(slash + 1);
  if (auto colon = r.rfind(':'); colon != std::string::npos) r = r.substr(0, colon);
  return r;
}

void tally(const roundtrip::Comparison& c, const std::string& what, const Node& back, Outcome& out) {
  for (const auto& d : c.accepted) ++out.accepted[d.accepted_by];
  for (const auto& d : c.differences) out.pointers.push_back(d.pointer);
  if (!c.equal()) {
    out.failures.push_back(what + " differs after the round trip:\n" + roundtrip::describe(c.differences) +
                           "round-tripped document:\n" + io::to_json(back));
  }
}

Outcome round_trip(const std::vector<InputText>& inputs) {
  Outcome out;
  std::vector<Original> originals;
  for (const auto& in : inputs) {
    Diagnostics ignored;
    auto root = io::load_json(in.text, in.path, io::Limits{}, ignored);
    if (!root) continue;
    for (auto& d : roundtrip::ecs_documents(*root)) originals.push_back({in.path, std::move(d)});
  }
  const ConvertResult k8s = convert_to_k8s(inputs, ToK8sOptions{});
  if (k8s.documents.empty()) {
    out.rejected = true;
    for (const auto& d : k8s.diagnostics.all()) {
      if (d.severity == Severity::kError) {
        out.note = d.code + ": " + d.message;
        break;
      }
    }
    return out;
  }
  // Inputs ECS itself would reject (placeholders such as "<SECRET_ARN>", names ECS does not
  // allow): `specconv validate` reports them with schema-* codes. Their way back restores the
  // same invalid values, which the output check refuses (invalid-output) instead of writing an
  // object ECS rejects; that outcome is accepted for such inputs only.
  std::set<std::string> input_schema_codes;
  for (const auto& in : inputs) {
    const app::ValidateResult checked = app::validate_input(in, io::Limits{});
    for (const auto& d : checked.diagnostics.all()) {
      if (d.severity == Severity::kError && d.code.rfind("schema-", 0) == 0) input_schema_codes.insert(d.code);
    }
  }
  for (const auto& doc : k8s.documents) {
    const ConvertResult ecs = convert_to_ecs({{doc.name + ".yaml", doc.text}}, ToEcsOptions{});
    if (ecs.documents.empty()) {
      std::string errors;
      bool only_invalid_output = true;
      for (const auto& d : ecs.diagnostics.all()) {
        if (d.severity != Severity::kError) continue;
        errors += d.code + ": " + d.message + "\n";
        only_invalid_output = only_invalid_output && d.code == "invalid-output";
      }
      if (only_invalid_output && !input_schema_codes.empty()) {
        for (const auto& code : input_schema_codes) ++out.accepted["invalid input (" + code + ")"];
        ++out.invalid_inputs;
        continue;
      }
      out.failures.push_back("to-ecs rejected the Kubernetes output of " + doc.name + ":\n" + errors + doc.text);
      continue;
    }
    for (const auto& back_doc : ecs.documents) {
      Diagnostics ignored;
      auto back = io::load_json(back_doc.text, "", io::Limits{}, ignored);
      if (!back || !back->is_object()) {
        out.failures.push_back("to-ecs output of " + doc.name + " is not a JSON object");
        continue;
      }
      const Node* td = back->find("containerDefinitions") != nullptr ? &*back : back->find("taskDefinition");
      const Node* svc = back->find("service");
      if (td == nullptr) {
        out.failures.push_back("to-ecs output of " + doc.name + " has no task definition");
        continue;
      }
      const auto orig = std::find_if(originals.begin(), originals.end(), [&](const Original& o) {
        return o.doc.kind == roundtrip::DocumentKind::kTaskDefinition && family(o.doc.node) == family(*td);
      });
      if (orig == originals.end()) {
        out.failures.push_back("no original task definition has the family \"" + family(*td) + "\" of the round trip");
        continue;
      }
      tally(roundtrip::compare_task_definitions(orig->doc.node, *td, k8s.diagnostics, {orig->file, orig->doc.pointer}),
            "task definition " + family(*td) + " (" + orig->file + orig->doc.pointer + ")", *td, out);
      ++out.task_definitions;
      const auto orig_svc = std::find_if(originals.begin(), originals.end(), [&](const Original& o) {
        return o.doc.kind == roundtrip::DocumentKind::kService && service_family(o.doc.node) == family(*td);
      });
      if (orig_svc == originals.end()) continue;
      if (svc == nullptr) {
        out.failures.push_back("the service of " + family(*td) + " did not come back");
        continue;
      }
      tally(roundtrip::compare_services(orig_svc->doc.node, *svc, k8s.diagnostics, {orig_svc->file, orig_svc->doc.pointer}),
            "service of " + family(*td) + " (" + orig_svc->file + orig_svc->doc.pointer + ")", *svc, out);
      ++out.services;
    }
  }
  return out;
}

// ---------------------------------------------------------------- the cases

struct EcsCase {
  std::string folder;  // source folder label, for the per-folder figures
  std::string name;
  std::vector<fs::path> files;
};

bool is_input(const fs::path& p) {
  const std::string n = p.filename().string();
  return p.extension() == ".json" && n.rfind("expected", 0) != 0;
}

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && is_input(e.path())) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void add_folder_cases(const std::string& label, const fs::path& root, std::vector<EcsCase>& cases) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    auto files = json_files(d);
    if (!files.empty()) cases.push_back({label, d.filename().string(), std::move(files)});
  }
}

void add_file_cases(const std::string& label, const fs::path& root, std::vector<EcsCase>& cases) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && is_input(e.path())) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) cases.push_back({label, fs::relative(f, root).string(), {f}});
}

std::vector<EcsCase> all_cases() {
  std::vector<EcsCase> cases;
  add_folder_cases("examples", kRepo / "examples" / "ecs", cases);
  add_folder_cases("golden", kRepo / "tests" / "golden" / "ecs-to-k8s", cases);
  add_file_cases("corpus", kRepo / "tests" / "corpus" / "ecs", cases);
  std::error_code ec;
  if (fs::is_directory(kShared, ec)) add_file_cases("shared", kShared / "corpus" / "ecs", cases);
  return cases;
}

std::string case_name(const EcsCase& c) {
  std::string s = c.folder + "__" + c.name;
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

std::vector<InputText> load(const EcsCase& c) {
  std::vector<InputText> inputs;
  for (const auto& f : c.files) inputs.push_back({f.string(), testutil::read_file(f)});
  return inputs;
}

bool has_task_definition(const std::vector<InputText>& inputs) {
  for (const auto& in : inputs) {
    Diagnostics ignored;
    auto root = io::load_json(in.text, in.path, io::Limits{}, ignored);
    if (!root) continue;
    for (const auto& d : roundtrip::ecs_documents(*root)) {
      if (d.kind == roundtrip::DocumentKind::kTaskDefinition) return true;
    }
  }
  return false;
}

class RoundTripEcs : public ::testing::TestWithParam<EcsCase> {};

TEST_P(RoundTripEcs, ComesBackSemanticallyEqual) {
  const EcsCase& c = GetParam();
  const auto inputs = load(c);
  if (!has_task_definition(inputs)) GTEST_SKIP() << "no ECS task definition in " << c.name;
  const Outcome o = round_trip(inputs);
  if (o.rejected) GTEST_SKIP() << "rejected by to-k8s (" << o.note << ")";
  EXPECT_GT(o.task_definitions + o.invalid_inputs, 0) << "nothing came back";
  for (const auto& f : o.failures) ADD_FAILURE() << c.name << ": " << f;
}

INSTANTIATE_TEST_SUITE_P(Files, RoundTripEcs, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<EcsCase>& info) { return case_name(info.param); });

// The figures of docs/round-trip.md: files round-tripped per source folder, rejected inputs,
// accepted differences per code. Also fails when a folder that must be there is missing.
TEST(RoundTripEcsFigures, EveryFolderIsCoveredAndCounted) {
  std::map<std::string, int> cases, round_tripped, rejected, skipped, invalid;
  std::map<std::string, int> accepted;
  for (const EcsCase& c : all_cases()) {
    ++cases[c.folder];
    const auto inputs = load(c);
    if (!has_task_definition(inputs)) {
      ++skipped[c.folder];
      continue;
    }
    const Outcome o = round_trip(inputs);
    if (o.rejected) {
      ++rejected[c.folder];
      continue;
    }
    if (o.failures.empty() && o.invalid_inputs > 0) ++invalid[c.folder];
    else if (o.failures.empty()) round_tripped[c.folder] += static_cast<int>(c.files.size());
    for (const auto& [code, n] : o.accepted) accepted[code] += n;
  }
  std::ostringstream report;
  for (const auto& [folder, n] : cases) {
    report << folder << ": " << n << " cases, " << round_tripped[folder] << " files round-tripped, " << rejected[folder]
           << " rejected by to-k8s, " << invalid[folder] << " invalid for ECS (refused on the way back), " << skipped[folder]
           << " without a task definition\n";
  }
  for (const auto& [code, n] : accepted) report << "accepted " << code << ": " << n << "\n";
  std::cout << report.str();
  EXPECT_GE(cases["examples"], 2);
  EXPECT_GE(cases["golden"], 20);
  EXPECT_GE(cases["corpus"], 60);
  EXPECT_GT(round_tripped["corpus"], 0);
}


// Every accepted code is listed, with its reason, in docs/round-trip.md.
TEST(RoundTripEcsDocs, EveryLossyCodeIsListedInTheDocs) {
  const std::string doc = testutil::read_file(kRepo / "docs" / "round-trip.md");
  ASSERT_NE(doc.find("## ECS → Kubernetes → ECS"), std::string::npos);
  for (const auto& c : roundtrip::lossy_codes()) {
    EXPECT_NE(doc.find("| `" + std::string(c.code) + "` |"), std::string::npos)
        << c.code << " is a lossy code but has no row in docs/round-trip.md";
  }
}

// ---------------------------------------------------------------- property test

/// Builds varied valid task definitions (+ services) from random combinations of the supported
/// fields. Deterministic: a fixed seed, so a failing case index reproduces.
class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  struct Generated {
    std::string task_definition;
    std::string service;  // "" when none
  };

  Generated next(int index) {
    fargate_ = chance(50);
    task_size_ = fargate_ || chance(40);  // EC2: without a task size every container needs memory
    mode_ = fargate_ ? "awsvpc" : pick<std::string>({"", "bridge", "awsvpc", "host"});
    Node td = Node::object();
    family_ = pick<std::string>({"gen", "Gen_App", "web-api", "worker_jobs", "x"}) + "-" + std::to_string(index);
    td.set("family", io::str(family_));
    if (chance(40)) td.set("taskRoleArn", io::str("arn:aws:iam::123456789012:role/task-" + std::to_string(index)));
    if (chance(40)) td.set("executionRoleArn", io::str("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"));
    if (!mode_.empty()) td.set("networkMode", io::str(mode_));
    volumes_.clear();
    Node volumes = Node::array();
    const int nvol = uniform(0, 2);
    for (int v = 0; v < nvol; ++v) volumes.push(volume(v));
    Node defs = Node::array();
    names_.clear();
    const int n = uniform(1, 4);
    for (int c = 0; c < n; ++c) defs.push(container(c));
    td.set("containerDefinitions", std::move(defs));
    if (volumes.size() > 0) td.set("volumes", std::move(volumes));
    if (fargate_ || chance(30)) {
      Node rc = Node::array();
      rc.push(io::str(fargate_ ? "FARGATE" : "EC2"));
      td.set("requiresCompatibilities", std::move(rc));
    }
    if (fargate_) {
      static const std::vector<std::pair<std::string, std::string>> kSizes = {
          {"1024", "2048"}, {"1 vCPU", "3 GB"}, {"2048", "4096"}, {"4096", "8192"}};
      const auto& sz = kSizes[static_cast<std::size_t>(uniform(0, static_cast<int>(kSizes.size()) - 1))];
      td.set("cpu", io::str(sz.first));
      td.set("memory", io::str(sz.second));
    } else if (task_size_) {
      td.set("cpu", io::str("1024"));
      td.set("memory", io::str("2048"));
    }
    if (chance(30)) td.set("tags", tags());
    if (!fargate_ && chance(20)) {
      Node pcs = Node::array();
      Node pc = Node::object();
      pc.set("type", io::str("memberOf"));
      pc.set("expression", io::str(pick<std::string>({"attribute:ecs.instance-type == t3.large",
                                                      "attribute:ecs.availability-zone in [eu-west-1a, eu-west-1b]"})));
      pcs.push(std::move(pc));
      td.set("placementConstraints", std::move(pcs));
    }
    Generated g;
    g.task_definition = io::to_json(td);
    if (chance(50)) g.service = io::to_json(service(index));
    return g;
  }

 private:
  bool chance(int percent) { return uniform(0, 99) < percent; }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  T pick(std::vector<T> options) {
    return options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
  }

  std::string text() {
    return pick<std::string>({"yes", "no", "0777", "", "hello world", "a: b", "null", "true", "1.50", "line1\nline2",
                              "ünïcode", "$HOME", "--flag=1", "#not-a-comment", "'quoted'", "\"dq\"", "~", "- item"});
  }

  Node strings(int lo, int hi) {
    Node a = Node::array();
    const int n = uniform(lo, hi);
    for (int i = 0; i < n; ++i) a.push(io::str(text()));
    return a;
  }

  Node tags() {
    Node t = Node::array();
    const int n = uniform(1, 3);
    for (int i = 0; i < n; ++i) {
      Node kv = Node::object();
      kv.set("key", io::str(pick<std::string>({"team", "env", "cost-center", "Owner Name", "app.kubernetes.io/part-of"}) +
                            (i > 0 ? std::to_string(i) : "")));
      kv.set("value", io::str(pick<std::string>({"payments", "prod", "1234", "Jane Doe", "shop", ""})));
      t.push(std::move(kv));
    }
    return t;
  }

  Node volume(int v) {
    Node vol = Node::object();
    const std::string name = pick<std::string>({"data", "cache", "Shared_Vol", "logs"}) + std::to_string(v);
    vol.set("name", io::str(name));
    const int kind = uniform(0, fargate_ ? 1 : 2);
    if (kind == 1) {
      Node efs = Node::object();
      efs.set("fileSystemId", io::str("fs-0123456789abcdef" + std::to_string(v)));
      if (chance(50)) efs.set("rootDirectory", io::str("/exports/" + name));
      if (chance(50)) efs.set("transitEncryption", io::str(pick<std::string>({"ENABLED", "DISABLED"})));
      vol.set("efsVolumeConfiguration", std::move(efs));
    } else if (kind == 2) {
      Node host = Node::object();
      host.set("sourcePath", io::str("/var/lib/" + name));
      vol.set("host", std::move(host));
    }
    volumes_.push_back(name);
    return vol;
  }

  Node container(int index) {
    Node c = Node::object();
    std::string name = pick<std::string>({"app", "web", "Log_Router", "side_car", "envoy", "worker"});
    while (std::find(names_.begin(), names_.end(), name) != names_.end()) name += "x";
    c.set("name", io::str(name));
    c.set("image", io::str(pick<std::string>({"nginx:1.27", "public.ecr.aws/docker/library/redis:7",
                                              "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:abc", "busybox"})));
    // Within a quarter of the task size, so that the task stays valid with up to 4 containers.
    if (chance(50)) c.set("cpu", Node::integer(pick<int64_t>({64, 128, 256, 100, 10})));
    if (!task_size_ || chance(50)) c.set("memory", Node::integer(pick<int64_t>({128, 256})));
    if (chance(30)) c.set("memoryReservation", Node::integer(pick<int64_t>({64, 128})));
    if (index == 0 && chance(70)) c.set("portMappings", ports());
    if (index > 0 && chance(40)) c.set("essential", Node::boolean(false));
    else if (chance(30)) c.set("essential", Node::boolean(true));
    if (chance(30)) c.set("entryPoint", strings(1, 3));
    if (chance(40)) c.set("command", strings(0, 4));
    if (chance(60)) {
      Node env = Node::array();
      const int n = uniform(1, 4);
      for (int i = 0; i < n; ++i) {
        Node kv = Node::object();
        kv.set("name", io::str(pick<std::string>({"A", "LOG_LEVEL", "PORT", "DB_HOST", "EMPTY"}) + std::to_string(i)));
        kv.set("value", io::str(text()));
        env.push(std::move(kv));
      }
      c.set("environment", std::move(env));
    }
    if (chance(40)) {
      Node secrets = Node::array();
      const int n = uniform(1, 3);
      for (int i = 0; i < n; ++i) {
        Node kv = Node::object();
        kv.set("name", io::str("SECRET_" + std::to_string(i)));
        kv.set("valueFrom", io::str(pick<std::string>(
                                {"arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password",
                                 "/prod/api-key", "api-key-plain",
                                 "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf",
                                 "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:username::",
                                 "arn:aws:ssm:us-east-1:210987654321:parameter/Other/Token"}) +
                            (i > 0 && chance(50) ? std::to_string(i) : "")));
        secrets.push(std::move(kv));
      }
      c.set("secrets", std::move(secrets));
    }
    if (chance(40)) {
      Node hc = Node::object();
      Node cmd = Node::array();
      if (chance(50)) {
        cmd.push(io::str("CMD-SHELL"));
        cmd.push(io::str("curl -f http://localhost/ || exit 1"));
      } else {
        cmd.push(io::str("CMD"));
        cmd.push(io::str("/bin/check"));
        cmd.push(io::str("--quick"));
      }
      hc.set("command", std::move(cmd));
      if (chance(50)) hc.set("interval", Node::integer(uniform(5, 300)));
      if (chance(50)) hc.set("timeout", Node::integer(uniform(2, 60)));
      if (chance(50)) hc.set("retries", Node::integer(uniform(1, 10)));
      if (chance(50)) hc.set("startPeriod", Node::integer(uniform(0, 300)));
      c.set("healthCheck", std::move(hc));
    }
    if (index > 0 && chance(40)) {
      Node deps = Node::array();
      Node d = Node::object();
      d.set("containerName", io::str(names_[static_cast<std::size_t>(uniform(0, index - 1))]));
      d.set("condition", io::str(pick<std::string>({"START", "COMPLETE", "SUCCESS", "HEALTHY"})));
      deps.push(std::move(d));
      c.set("dependsOn", std::move(deps));
    }
    if (!volumes_.empty() && chance(60)) {
      Node mps = Node::array();
      Node mp = Node::object();
      mp.set("sourceVolume", io::str(volumes_[static_cast<std::size_t>(uniform(0, static_cast<int>(volumes_.size()) - 1))]));
      mp.set("containerPath", io::str("/mnt/" + std::to_string(index)));
      if (chance(50)) mp.set("readOnly", Node::boolean(chance(50)));
      mps.push(std::move(mp));
      c.set("mountPoints", std::move(mps));
    }
    if (chance(20)) {
      Node ul = Node::array();
      Node u = Node::object();
      u.set("name", io::str("nofile"));
      u.set("softLimit", Node::integer(65536));
      u.set("hardLimit", Node::integer(65536));
      ul.push(std::move(u));
      c.set("ulimits", std::move(ul));
    }
    if (chance(30)) {
      Node lc = Node::object();
      Node opts = Node::object();
      lc.set("logDriver", io::str("awslogs"));
      opts.set("awslogs-group", io::str("/ecs/" + family_));
      opts.set("awslogs-region", io::str("eu-west-1"));
      opts.set("awslogs-stream-prefix", io::str(name));
      lc.set("options", std::move(opts));
      c.set("logConfiguration", std::move(lc));
    }
    if (chance(10)) {
      Node fl = Node::object();
      fl.set("type", io::str(pick<std::string>({"fluentbit", "fluentd"})));
      c.set("firelensConfiguration", std::move(fl));
    }
    if (chance(20)) {
      Node labels = Node::object();
      labels.set("com.example.team", io::str("shop"));
      labels.set("traefik.enable", io::str(pick<std::string>({"true", "false"})));
      c.set("dockerLabels", std::move(labels));
    }
    if (chance(20)) {
      Node lp = Node::object();
      if (chance(50)) lp.set("initProcessEnabled", Node::boolean(true));
      if (chance(50)) {
        Node caps = Node::object();
        Node add = Node::array();
        add.push(io::str("SYS_PTRACE"));
        if (!fargate_ && chance(50)) add.push(io::str("NET_ADMIN"));
        caps.set("add", std::move(add));
        if (chance(50)) {
          Node drop = Node::array();
          drop.push(io::str("MKNOD"));
          caps.set("drop", std::move(drop));
        }
        lp.set("capabilities", std::move(caps));
      }
      if (lp.size() > 0) c.set("linuxParameters", std::move(lp));
    }
    if (chance(20)) c.set("readonlyRootFilesystem", Node::boolean(chance(50)));
    if (chance(20)) c.set("user", io::str(pick<std::string>({"1000", "1000:1000", "nginx"})));
    if (chance(20)) c.set("workingDirectory", io::str("/srv/app"));
    if (chance(20)) c.set("stopTimeout", Node::integer(uniform(2, 120)));
    names_.push_back(name);
    return c;
  }

  Node ports() {
    Node pms = Node::array();
    const int n = uniform(1, 2);
    for (int i = 0; i < n; ++i) {
      Node pm = Node::object();
      const int64_t port = pick<int64_t>({80, 443, 8080, 9090, 53, 3000}) + i;
      pm.set("containerPort", Node::integer(port));
      if (mode_ == "awsvpc" || mode_ == "host") {
        if (chance(40)) pm.set("hostPort", Node::integer(port));
      } else if (chance(40)) {
        pm.set("hostPort", Node::integer(pick<int64_t>({0, port, 18080})));
      }
      if (chance(50)) pm.set("protocol", io::str(pick<std::string>({"tcp", "udp"})));
      if (chance(30)) pm.set("name", io::str("port-" + std::to_string(port)));
      pms.push(std::move(pm));
    }
    return pms;
  }

  Node service(int index) {
    Node s = Node::object();
    s.set("serviceName", io::str(family_ + (chance(30) ? "-svc" : "")));
    s.set("taskDefinition", io::str(chance(50) ? family_ : family_ + ":" + std::to_string(index % 9 + 1)));
    if (chance(30)) s.set("cluster", io::str("prod"));
    s.set("desiredCount", Node::integer(uniform(0, 10)));
    if (fargate_) s.set("launchType", io::str("FARGATE"));
    else if (chance(50)) s.set("launchType", io::str("EC2"));
    if (chance(60)) {
      Node dc = Node::object();
      dc.set("maximumPercent", Node::integer(pick<int64_t>({100, 150, 200})));
      dc.set("minimumHealthyPercent", Node::integer(pick<int64_t>({0, 50, 100})));
      if (chance(40)) {
        Node cb = Node::object();
        cb.set("enable", Node::boolean(true));
        cb.set("rollback", Node::boolean(chance(50)));
        dc.set("deploymentCircuitBreaker", std::move(cb));
      }
      s.set("deploymentConfiguration", std::move(dc));
    }
    if (mode_ == "awsvpc") {
      Node vpc = Node::object();
      Node subnets = Node::array();
      subnets.push(io::str("subnet-0a1b2c3d"));
      if (chance(50)) subnets.push(io::str("subnet-4e5f6a7b"));
      vpc.set("subnets", std::move(subnets));
      if (chance(70)) {
        Node sgs = Node::array();
        sgs.push(io::str("sg-0123456789abcdef0"));
        vpc.set("securityGroups", std::move(sgs));
      }
      if (chance(50)) vpc.set("assignPublicIp", io::str(pick<std::string>({"ENABLED", "DISABLED"})));
      Node nc = Node::object();
      nc.set("awsvpcConfiguration", std::move(vpc));
      s.set("networkConfiguration", std::move(nc));
    }
    if (chance(20)) {
      Node tags = Node::array();
      Node kv = Node::object();
      kv.set("key", io::str(pick<std::string>({"svc-owner", "svc cost", "svc.example.com/tier"})));
      kv.set("value", io::str(pick<std::string>({"payments", "", "Jane Doe"})));
      tags.push(std::move(kv));
      s.set("tags", std::move(tags));
    }
    if (chance(20)) s.set("enableExecuteCommand", Node::boolean(true));
    if (chance(20)) s.set("propagateTags", io::str(pick<std::string>({"SERVICE", "TASK_DEFINITION"})));
    if (fargate_ && chance(20)) s.set("platformVersion", io::str("1.4.0"));
    if (!fargate_ && chance(20)) {
      Node ps = Node::array();
      Node st = Node::object();
      st.set("type", io::str("spread"));
      st.set("field", io::str("attribute:ecs.availability-zone"));
      ps.push(std::move(st));
      s.set("placementStrategy", std::move(ps));
    }
    return s;
  }

  std::mt19937 rng_;
  bool fargate_ = true;
  bool task_size_ = true;
  std::string mode_;
  std::string family_;
  std::vector<std::string> names_;
  std::vector<std::string> volumes_;
};

constexpr uint32_t kSeed = 20261125;
constexpr int kGeneratedCases = 2000;

TEST(RoundTripEcsProperty, GeneratedTaskDefinitionsAndServicesComeBack) {
  Generator gen(kSeed);
  int compared = 0, rejected = 0, failed = 0;
  std::map<std::string, int> accepted, differing;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kGeneratedCases; ++i) {
    const Generator::Generated g = gen.next(i);
    std::vector<InputText> inputs = {{"task-definition.json", g.task_definition}};
    if (!g.service.empty()) inputs.push_back({"service.json", g.service});
    const Outcome o = round_trip(inputs);
    if (o.rejected) {
      ++rejected;
      ADD_FAILURE() << "seed " << kSeed << " case " << i << ": a generated input was rejected by to-k8s (" << o.note
                    << ")\n" << g.task_definition << "\n" << g.service;
      continue;
    }
    ++compared;
    for (const auto& [code, n] : o.accepted) accepted[code] += n;
    for (std::string p : o.pointers) {
      for (char& ch : p) {
        if (ch >= '0' && ch <= '9') ch = 'N';
      }
      ++differing[p];
    }
    if (!o.failures.empty() && ++failed <= 5) {
      std::string why;
      for (const auto& f : o.failures) why += f + "\n";
      ADD_FAILURE() << "seed " << kSeed << " case " << i << ":\n" << why << "generated task definition:\n"
                    << g.task_definition << "\ngenerated service:\n" << (g.service.empty() ? "(none)" : g.service);
    }
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cout << kGeneratedCases << " generated cases (seed " << kSeed << "): " << compared << " round-tripped, " << rejected
            << " rejected, " << failed << " failed, " << ms << " ms\n";
  for (const auto& [code, n] : accepted) std::cout << "accepted " << code << ": " << n << "\n";
  for (const auto& [pointer, n] : differing) std::cout << "differs " << pointer << ": " << n << "\n";
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(compared, kGeneratedCases);
}

}  // namespace
}  // namespace specconv
