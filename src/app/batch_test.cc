// Batch conversion: mixed inputs, broken files, determinism across -j, idempotent re-runs,
// output-path safety (names from content, symlinks, DIR inside the inputs).
#include "app/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "testutil/process.h"

namespace specconv::app {
namespace {

namespace fs = std::filesystem;
using testutil::read_file;
using testutil::TempDir;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  testutil::write_file(path, text);
}

constexpr const char* kTaskDefinition = R"({
  "family": "web",
  "containerDefinitions": [
    {"name": "app", "image": "nginx:1.25", "memory": 256, "essential": true,
     "portMappings": [{"containerPort": 80}]}
  ]
})";

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: example/api:1
          resources:
            requests: {cpu: 250m, memory: 256Mi}
)";

std::string with_family(const std::string& family) {
  std::string s = kTaskDefinition;
  s.replace(s.find("\"web\""), 5, "\"" + family + "\"");
  return s;
}

/// A folder with good ECS, good Kubernetes, a broken JSON and an empty file.
void make_mixed(const fs::path& in) {
  write_file(in / "ecs" / "web.json", kTaskDefinition);
  write_file(in / "ecs" / "nested" / "web2.json", with_family("web2"));
  write_file(in / "k8s" / "api.yaml", kDeployment);
  write_file(in / "broken.json", "{\n  \"family\": \"x\",\n  \"containerDefinitions\": [\n");
  write_file(in / "empty.yaml", "");
}

struct BatchRun {
  BatchOutcome outcome;
  std::vector<FileReport> reports;
};

BatchRun run(const std::vector<std::string>& inputs, const fs::path& out, std::size_t jobs = 1) {
  BatchOptions o;
  o.inputs = inputs;
  o.output_dir = out.string();
  o.jobs = jobs;
  BatchProgress progress;
  BatchRun r;
  r.outcome = run_batch(o, progress, [&](const FileReport& f) { r.reports.push_back(f); });
  EXPECT_EQ(progress.done.load(), r.reports.size());
  return r;
}

std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = read_file(e.path());
  }
  return files;
}

const FileReport* find(const BatchRun& r, const std::string& suffix) {
  for (const FileReport& f : r.reports) {
    if (f.path.size() >= suffix.size() && f.path.compare(f.path.size() - suffix.size(), suffix.size(), suffix) == 0) return &f;
  }
  return nullptr;
}

TEST(BatchTest, MixedFolderConvertsGoodFilesAndReportsBrokenOnes) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  const BatchRun r = run({(tmp.path() / "in").string()}, tmp.path() / "out", 2);
  ASSERT_TRUE(r.outcome.refused.empty()) << r.outcome.refused;
  EXPECT_EQ(r.outcome.totals.files, 5u);
  EXPECT_EQ(r.outcome.totals.converted, 3u);
  EXPECT_EQ(r.outcome.totals.failed, 2u);

  const FileReport* web = find(r, "ecs/web.json");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->status, FileStatus::kConverted);
  EXPECT_EQ(web->direction, Direction::kToK8s);
  ASSERT_EQ(web->outputs, std::vector<std::string>{"ecs/web/web.yaml"});
  EXPECT_NE(read_file(tmp.path() / "out" / "ecs" / "web" / "web.yaml").find("kind: Deployment"), std::string::npos);

  const FileReport* api = find(r, "k8s/api.yaml");
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->status, FileStatus::kConverted);
  EXPECT_EQ(api->direction, Direction::kToEcs);
  ASSERT_EQ(api->outputs, std::vector<std::string>{"k8s/api/api.json"});
  EXPECT_NE(read_file(tmp.path() / "out" / "k8s" / "api" / "api.json").find("\"family\": \"api\""), std::string::npos);

  EXPECT_NE(find(r, "ecs/nested/web2.json"), nullptr);
  EXPECT_TRUE(fs::exists(tmp.path() / "out" / "ecs" / "nested" / "web2" / "web2.yaml"));

  const FileReport* broken = find(r, "broken.json");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->status, FileStatus::kFailed);
  ASSERT_FALSE(broken->diagnostics.empty());
  EXPECT_EQ(broken->diagnostics[0].code, "json-syntax");
  EXPECT_GT(broken->diagnostics[0].location.line, 0);  // located
  EXPECT_TRUE(broken->outputs.empty());

  const FileReport* empty = find(r, "empty.yaml");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->status, FileStatus::kFailed);
  ASSERT_FALSE(empty->diagnostics.empty());
  EXPECT_EQ(empty->diagnostics[0].code, "empty-input");

  // Walk order: a folder's files by name, then its subfolders by name.
  std::vector<std::string> order;
  for (const FileReport& f : r.reports) order.push_back(fs::relative(f.path, tmp.path() / "in").generic_string());
  EXPECT_EQ(order, (std::vector<std::string>{"broken.json", "empty.yaml", "ecs/web.json", "ecs/nested/web2.json", "k8s/api.yaml"}));
}

TEST(BatchTest, OutputIsIdenticalForAnyJobCount) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  for (int i = 0; i < 30; ++i) {  // enough units for the workers to interleave
    write_file(tmp.path() / "in" / "many" / ("td-" + std::to_string(i) + ".json"),
               with_family("svc-" + std::to_string(i)));
  }
  const BatchRun one = run({(tmp.path() / "in").string()}, tmp.path() / "out1", 1);
  const BatchRun two = run({(tmp.path() / "in").string()}, tmp.path() / "out2", 2);
  const BatchRun four = run({(tmp.path() / "in").string()}, tmp.path() / "out4", 4);
  EXPECT_EQ(tree(tmp.path() / "out1"), tree(tmp.path() / "out2"));
  EXPECT_EQ(tree(tmp.path() / "out1"), tree(tmp.path() / "out4"));
  ASSERT_EQ(one.reports.size(), two.reports.size());
  for (std::size_t i = 0; i < one.reports.size(); ++i) {
    EXPECT_EQ(report_entry_json(one.reports[i]), report_entry_json(two.reports[i]));
    EXPECT_EQ(report_entry_json(one.reports[i]), report_entry_json(four.reports[i]));
  }
}

TEST(BatchTest, SecondRunChangesNothing) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  const fs::path out = tmp.path() / "out";
  const BatchRun first = run({(tmp.path() / "in").string()}, out, 2);
  EXPECT_EQ(first.outcome.totals.outputs_written, 3u);
  std::map<std::string, fs::file_time_type> mtimes;
  for (const auto& e : fs::recursive_directory_iterator(out)) mtimes[e.path().string()] = e.last_write_time();
  const auto before = tree(out);
  const BatchRun second = run({(tmp.path() / "in").string()}, out, 2);
  EXPECT_EQ(second.outcome.totals.outputs, 3u);
  EXPECT_EQ(second.outcome.totals.outputs_written, 0u);
  EXPECT_EQ(tree(out), before);
  std::map<std::string, fs::file_time_type> after;
  for (const auto& e : fs::recursive_directory_iterator(out)) after[e.path().string()] = e.last_write_time();
  EXPECT_EQ(after, mtimes);
}

TEST(BatchTest, NamesFromContentCannotEscapeTheOutputFolder) {
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  std::string manifest = kDeployment;
  manifest.replace(manifest.find("name: api"), 9, "name: ../../x");
  write_file(in / "evil.yaml", manifest);
  write_file(in / "evil.json", with_family("../../y"));
  const fs::path out = tmp.path() / "deep" / "out";
  const BatchRun r = run({in.string()}, out, 1);
  // Whatever happened to the inputs, nothing exists outside DIR but the inputs themselves.
  for (const auto& e : fs::recursive_directory_iterator(tmp.path())) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), tmp.path()).generic_string();
    EXPECT_TRUE(rel.rfind("in/", 0) == 0 || rel.rfind("deep/out/", 0) == 0) << rel;
  }
  for (const FileReport& f : r.reports) {
    for (const std::string& o : f.outputs) {
      EXPECT_EQ(o.find(".."), std::string::npos) << o;
      EXPECT_TRUE(fs::exists(out / o)) << o;
    }
  }
  EXPECT_EQ(safe_file_name("../../x"), "-..-x");
  EXPECT_EQ(safe_file_name(".."), "unnamed");
  EXPECT_EQ(safe_file_name("a/b\\c"), "a-b-c");
  EXPECT_EQ(safe_file_name(""), "unnamed");
}

TEST(BatchTest, RefusesToWriteThroughASymlinkLeavingTheOutputFolder) {
  TempDir tmp;
  write_file(tmp.path() / "in" / "ecs" / "web.json", kTaskDefinition);
  const fs::path out = tmp.path() / "out";
  const fs::path elsewhere = tmp.path() / "elsewhere";
  fs::create_directories(out);
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, out / "ecs");
  const BatchRun r = run({(tmp.path() / "in").string()}, out, 1);
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_EQ(r.reports[0].status, FileStatus::kFailed);
  ASSERT_FALSE(r.reports[0].diagnostics.empty());
  EXPECT_EQ(r.reports[0].diagnostics.back().code, "write-failed");
  EXPECT_TRUE(fs::is_empty(elsewhere));
}

TEST(BatchTest, RefusesToWriteThroughAnInputsOwnFolderThatIsASymlink) {
  // in/ecs/web.json writes DIR/ecs/web/<name>.yaml; DIR/ecs/web is a symlink leading outside.
  TempDir tmp;
  write_file(tmp.path() / "in" / "ecs" / "web.json", kTaskDefinition);
  const fs::path out = tmp.path() / "out";
  const fs::path elsewhere = tmp.path() / "elsewhere";
  fs::create_directories(out / "ecs");
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, out / "ecs" / "web");
  const BatchRun r = run({(tmp.path() / "in").string()}, out, 1);
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_EQ(r.reports[0].status, FileStatus::kFailed);
  ASSERT_FALSE(r.reports[0].diagnostics.empty());
  EXPECT_EQ(r.reports[0].diagnostics.back().code, "write-failed");
  EXPECT_TRUE(fs::is_empty(elsewhere));
}

TEST(BatchTest, OutputFolderInsideTheInputsIsNotReadBack) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  const fs::path out = tmp.path() / "in" / "zz-out";
  const BatchRun first = run({(tmp.path() / "in").string()}, out, 2);
  const BatchRun second = run({(tmp.path() / "in").string()}, out, 2);
  EXPECT_EQ(first.outcome.totals.files, 5u);
  EXPECT_EQ(second.outcome.totals.files, 5u);
  for (const FileReport& f : second.reports) EXPECT_EQ(f.path.find("zz-out"), std::string::npos) << f.path;
}

TEST(BatchTest, RefusesAnOutputFolderThatHoldsAnInput) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  EXPECT_FALSE(run({(tmp.path() / "in").string()}, tmp.path() / "in", 1).outcome.refused.empty());
  EXPECT_FALSE(run({(tmp.path() / "in" / "ecs" / "web.json").string()}, tmp.path(), 1).outcome.refused.empty());
  EXPECT_FALSE(run({"-"}, tmp.path() / "out", 1).outcome.refused.empty());
}

TEST(BatchTest, ServicesPairWithTaskDefinitionsOfTheirFolder) {
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  write_file(in / "app" / "td.json", kTaskDefinition);
  write_file(in / "app" / "service.json",
             R"({"serviceName": "web-svc", "taskDefinition": "web", "desiredCount": 3})");
  write_file(in / "lonely" / "service.json", R"({"serviceName": "other", "taskDefinition": "web", "desiredCount": 1})");
  const BatchRun r = run({in.string()}, tmp.path() / "out", 2);
  const FileReport* svc = find(r, "app/service.json");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->status, FileStatus::kConverted);
  const FileReport* td = find(r, "app/td.json");
  ASSERT_NE(td, nullptr);
  EXPECT_EQ(td->status, FileStatus::kConverted);
  // The paired workload is written under the first of its files in path order.
  std::size_t outputs = svc->outputs.size() + td->outputs.size();
  EXPECT_EQ(outputs, 1u);
  const FileReport* lonely = find(r, "lonely/service.json");
  ASSERT_NE(lonely, nullptr);
  EXPECT_EQ(lonely->status, FileStatus::kFailed);  // its task definition is in another folder
}

TEST(BatchTest, InputsSharingAnOutputFolderAreReportedNotMixed) {
  TempDir tmp;
  write_file(tmp.path() / "a" / "x.json", kTaskDefinition);
  write_file(tmp.path() / "a" / "x.yaml", kDeployment);  // same stem in the same folder
  write_file(tmp.path() / "b" / "x.json", with_family("other"));  // same relative path in another INPUT
  const BatchRun r = run({(tmp.path() / "a").string(), (tmp.path() / "b").string()}, tmp.path() / "out", 2);
  ASSERT_EQ(r.reports.size(), 3u);
  EXPECT_EQ(r.reports[0].status, FileStatus::kConverted);  // a/x.json
  EXPECT_EQ(r.reports[1].status, FileStatus::kFailed);     // a/x.yaml
  EXPECT_EQ(r.reports[1].diagnostics.at(0).code, "duplicate-output");
  EXPECT_EQ(r.reports[2].status, FileStatus::kFailed);     // b/x.json
  EXPECT_EQ(r.reports[2].diagnostics.at(0).code, "duplicate-output");
  EXPECT_EQ(tree(tmp.path() / "out").size(), 1u);
}

TEST(BatchTest, ToRestrictsTheDirection) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  BatchOptions o;
  o.inputs = {(tmp.path() / "in").string()};
  o.output_dir = (tmp.path() / "out").string();
  o.only = Direction::kToEcs;
  BatchProgress progress;
  std::vector<FileReport> reports;
  const BatchOutcome outcome = run_batch(o, progress, [&](const FileReport& f) { reports.push_back(f); });
  EXPECT_EQ(outcome.totals.skipped, 3u);  // web.json, web2.json, broken.json
  EXPECT_FALSE(fs::exists(tmp.path() / "out" / "ecs"));
  EXPECT_TRUE(fs::exists(tmp.path() / "out" / "k8s" / "api" / "api.json"));
}

TEST(BatchTest, DetectsDirectionFromContent) {
  EXPECT_EQ(detect_input("a.json", kTaskDefinition).direction, Direction::kToK8s);
  EXPECT_FALSE(detect_input("a.json", kTaskDefinition).companion);
  EXPECT_TRUE(detect_input("a.json", R"({"serviceName": "x", "taskDefinition": "web"})").companion);
  EXPECT_EQ(detect_input("a.json", R"({"apiVersion": "v1", "kind": "Service"})").direction, Direction::kToEcs);
  EXPECT_TRUE(detect_input("a.json", R"({"apiVersion": "v1", "kind": "Service"})").companion);
  EXPECT_FALSE(detect_input("a.json", R"({"apiVersion": "apps/v1", "kind": "Deployment"})").companion);
  EXPECT_EQ(detect_input("a.yaml", kDeployment).direction, Direction::kToEcs);
  EXPECT_FALSE(detect_input("a.yaml", kDeployment).companion);
  EXPECT_TRUE(detect_input("a.yml", "apiVersion: v1\nkind: Service\nspec:\n  x:\n    kind: Deployment\n").companion);
  EXPECT_EQ(detect_input("a.json", "").direction, Direction::kUnknown);
  EXPECT_EQ(detect_input("a.json", "{ broken").direction, Direction::kToK8s);
}

TEST(BatchTest, CommandLineExitCodesAndReport) {
  TempDir tmp;
  make_mixed(tmp.path() / "in");
  const fs::path report = tmp.path() / "report.json";
  auto r = testutil::run_specconv({"convert", (tmp.path() / "in").string(), "-o", (tmp.path() / "out").string(), "-j", "2",
                                   "--report", report.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("5 files: 3 converted, 2 failed"), std::string::npos) << r.err;
  const std::string text = read_file(report);
  EXPECT_NE(text.find("\"status\":\"failed\""), std::string::npos);
  EXPECT_NE(text.find("\"code\":\"json-syntax\""), std::string::npos);
  EXPECT_NE(text.find("\"totals\": {\"files\":5,\"converted\":3,\"failed\":2"), std::string::npos) << text;

  // Only good files: exit 0; --fail-on warning turns warnings into exit 1; --quiet prints nothing.
  TempDir good;
  write_file(good.path() / "in" / "web.json", kTaskDefinition);
  r = testutil::run_specconv({"convert", (good.path() / "in").string(), "-o", (good.path() / "out").string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  write_file(good.path() / "in" / "warn.json",
             R"({"family": "warn", "containerDefinitions": [{"name": "a", "image": "x", "memory": 64, "links": ["b"]}]})");
  r = testutil::run_specconv({"convert", (good.path() / "in").string(), "-o", (good.path() / "out").string(), "--fail-on", "warning"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  r = testutil::run_specconv({"convert", (good.path() / "in").string(), "-o", (good.path() / "in").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = testutil::run_specconv({"convert", (good.path() / "in").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST(BatchTest, CommandLinePassesPerDirectionSettings) {
  TempDir tmp;
  std::string daemonset = kDeployment;
  daemonset.replace(daemonset.find("kind: Deployment"), 16, "kind: DaemonSet");
  daemonset.erase(daemonset.find("  replicas: 2\n"), 14);
  write_file(tmp.path() / "in" / "k8s" / "agent.yaml", daemonset);
  write_file(tmp.path() / "in" / "ecs" / "web.json", kTaskDefinition);
  const fs::path out = tmp.path() / "out";
  // Fargate (the default) has no DAEMON scheduling: the DaemonSet fails, with the flag to use.
  auto r = testutil::run_specconv({"convert", (tmp.path() / "in").string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("[daemon-on-fargate]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--launch-type EC2"), std::string::npos) << r.err;
  r = testutil::run_specconv({"convert", (tmp.path() / "in").string(), "-o", out.string(), "-q", "--launch-type", "EC2",
                              "-n", "shop", "--cluster", "prod"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string agent = read_file(out / "k8s" / "agent" / "api.json");
  EXPECT_NE(agent.find("\"schedulingStrategy\": \"DAEMON\""), std::string::npos) << agent;
  EXPECT_NE(agent.find("\"cluster\": \"prod\""), std::string::npos) << agent;
  EXPECT_NE(read_file(out / "ecs" / "web" / "web.yaml").find("namespace: shop"), std::string::npos);
}

}  // namespace
}  // namespace specconv::app
