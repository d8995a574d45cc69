// The bad-input suite (issue 5): hostile and malformed files. Each case runs the real binary
// with -o into an empty folder and asserts the exit code, the diagnostic code and its location,
// and that nothing was written for the bad input. None may crash (a signal) or hang.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <cctype>
#include <random>
#include <string>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::run_specconv;
using testutil::TempDir;
using testutil::write_file;
using ::testing::HasSubstr;

struct Outcome {
  testutil::RunResult run;
  std::size_t files_written = 0;
};

Outcome convert(const std::string& command, const std::string& name, const std::string& content,
                std::vector<std::string> extra = {}) {
  TempDir dir;
  const fs::path input = dir.path() / name;
  write_file(input, content);
  const fs::path out = dir.path() / "out";
  std::vector<std::string> args = {command, "-q", input.filename().string(), "-o", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  Outcome o;
  o.run = run_specconv(args, dir.path());
  if (fs::exists(out)) {
    for (const auto& e : fs::recursive_directory_iterator(out)) o.files_written += e.is_regular_file() ? 1 : 0;
  }
  return o;
}

void expect_rejected(const Outcome& o, const std::string& code, const std::string& location) {
  EXPECT_FALSE(o.run.signaled) << "crashed: " << o.run.err;
  EXPECT_EQ(o.run.exit_code, 1) << o.run.err;
  EXPECT_THAT(o.run.err, HasSubstr("error:"));
  EXPECT_THAT(o.run.err, HasSubstr("[" + code + "]"));
  EXPECT_THAT(o.run.err, HasSubstr(location));
  EXPECT_EQ(o.files_written, 0u);
}

// ---- JSON (to-k8s) ------------------------------------------------------------------------

TEST(BadInput, TruncatedJson) {
  expect_rejected(convert("to-k8s", "t.json", "{\n  \"family\": \"web\",\n  \"containerDefinitions\": [\n"), "json-syntax",
                  "t.json:4:1:");
}

TEST(BadInput, WrongTopLevelTypes) {
  expect_rejected(convert("to-k8s", "n.json", "42\n"), "type-mismatch", "n.json:1:1:");
  expect_rejected(convert("to-k8s", "a.json", "[1, 2]\n"), "type-mismatch", "a.json:1:2: /0:");
  expect_rejected(convert("to-k8s", "s.json", "\"task\"\n"), "type-mismatch", "s.json:1:1:");
}

TEST(BadInput, EmptyFile) {
  expect_rejected(convert("to-k8s", "e.json", ""), "empty-input", "e.json:");
  expect_rejected(convert("to-ecs", "e.yaml", ""), "empty-input", "e.yaml:");
}

TEST(BadInput, DuplicateJsonKey) {
  expect_rejected(convert("to-k8s", "d.json", "{\"family\": \"a\",\n \"family\": \"b\", \"containerDefinitions\": []}"),
                  "duplicate-key", "d.json:2:2: /family:");
}

TEST(BadInput, DeepJsonNesting) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  expect_rejected(convert("to-k8s", "deep.json", deep), "nesting-too-deep", "deep.json:1:");
}

TEST(BadInput, RandomBytes) {
  std::mt19937 rng(20261125);  // fixed seed: the same 4 KiB every run
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
  const Outcome o = convert("to-k8s", "random.json", bytes);
  EXPECT_FALSE(o.run.signaled);
  EXPECT_EQ(o.run.exit_code, 1);
  EXPECT_THAT(o.run.err, ::testing::AnyOf(HasSubstr("[binary-input]"), HasSubstr("[invalid-utf8]")));
  EXPECT_EQ(o.files_written, 0u);
  const Outcome y = convert("to-ecs", "random.yaml", bytes);
  EXPECT_FALSE(y.run.signaled);
  EXPECT_EQ(y.run.exit_code, 1);
  EXPECT_EQ(y.files_written, 0u);
}

TEST(BadInput, FiftyMegabyteFile) {
  // A task definition whose family is a 50 MB string: over the 32 MiB file limit, refused before
  // it is parsed; with the file limit raised, over the per-string limit.
  const std::string big = "{\"family\": \"" + std::string(50u << 20, 'a') + "\", \"containerDefinitions\": []}";
  const Outcome o = convert("to-k8s", "big.json", big);
  expect_rejected(o, "file-too-large", "big.json:");
  EXPECT_THAT(o.run.err, HasSubstr("--max-file-size"));
  expect_rejected(convert("to-k8s", "big.json", big, {"--max-file-size", "60000000"}), "string-too-long", "big.json:1:");
}

TEST(BadInput, TenThousandEnvironmentVariablesConvert) {
  std::string env;
  for (int i = 0; i < 10000; ++i) {
    env += std::string(i ? "," : "") + "{\"name\": \"VAR_" + std::to_string(i) + "\", \"value\": \"" + std::to_string(i) + "\"}";
  }
  const std::string td = "{\"family\": \"many-env\", \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"busybox\", "
                         "\"memory\": 128, \"environment\": [" + env + "]}]}";
  const Outcome o = convert("to-k8s", "env.json", td);
  EXPECT_EQ(o.run.exit_code, 0) << o.run.err;
  EXPECT_EQ(o.files_written, 1u);
}

TEST(BadInput, NamesWithPathSeparatorsAndUnicodeStayInsideTheOutputFolder) {
  TempDir dir;
  write_file(dir.path() / "a.json",
             R"({"family": "../../etc/passwd", "containerDefinitions": [{"name": "x/../y", "image": "busybox", "memory": 64}]})");
  write_file(dir.path() / "b.json",
             R"({"family": "café-ünïcode", "containerDefinitions": [{"name": "ü", "image": "busybox", "memory": 64}]})");
  const fs::path out = dir.path() / "out";
  const auto r = run_specconv({"to-k8s", "-q", "a.json", "b.json", "-o", out.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    if (!e.is_regular_file()) continue;
    const std::string p = e.path().string();
    if (p.find("/out/") != std::string::npos) {
      ++files;
      EXPECT_EQ(e.path().parent_path(), out) << p;  // directly inside DIR, nowhere else
      EXPECT_EQ(e.path().filename().string().find(".."), std::string::npos) << p;
    } else {
      EXPECT_TRUE(e.path().filename() == "a.json" || e.path().filename() == "b.json") << "written outside -o: " << p;
    }
  }
  EXPECT_EQ(files, 2u);
}

// ---- YAML (to-ecs) ------------------------------------------------------------------------

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
)";

TEST(BadInput, OnlyDocumentSeparators) {
  expect_rejected(convert("to-ecs", "seps.yaml", "---\n---\n---\n"), "empty-input", "seps.yaml:");
}

TEST(BadInput, TabsInYamlIndentation) {
  expect_rejected(convert("to-ecs", "tabs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n"), "yaml-syntax",
                  "tabs.yaml:4:");
}

TEST(BadInput, DuplicateYamlKey) {
  expect_rejected(convert("to-ecs", "dup.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: x}\n"),
                  "duplicate-key", "dup.yaml:3:1:");
}

TEST(BadInput, UnknownKindIsSkippedWithAWarning) {
  const Outcome o = convert("to-ecs", "crd.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
  EXPECT_FALSE(o.run.signaled);
  EXPECT_THAT(o.run.err, HasSubstr("[unsupported-kind]"));
  EXPECT_EQ(o.files_written, 0u);
}

TEST(BadInput, AliasBomb) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 1; i < 10; ++i) {
    const std::string name = "l" + std::to_string(i);
    bomb += name + ": &" + name + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", " : "") + "*" + prev;
    bomb += "]\n";
    prev = name;
  }
  expect_rejected(convert("to-ecs", "bomb.yaml", bomb), "alias-expansion-limit", "bomb.yaml:");
}

TEST(BadInput, DeepYamlNestingFlowAndBlock) {
  const std::string flow = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  expect_rejected(convert("to-ecs", "flow.yaml", flow), "nesting-too-deep", "flow.yaml:");
  std::string block;
  for (int i = 0; i < 1000; ++i) block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k" + std::to_string(i) + ":\n";
  block += std::string(2000, ' ') + "v: 1\n";
  expect_rejected(convert("to-ecs", "block.yaml", block), "nesting-too-deep", "block.yaml:");
  std::string dashes = "a:\n";
  for (int i = 0; i < 1000; ++i) dashes += "- ";
  dashes += "x\n";
  expect_rejected(convert("to-ecs", "dashes.yaml", dashes), "nesting-too-deep", "dashes.yaml:");
}

TEST(BadInput, AliasBombOfLongStrings) {
  // Few values, many bytes: a 100 KB string repeated through three levels of aliases would be
  // 100 KB x 50 x 50 x 30 = 7.5 GB. The byte limit stops it at the alias that crosses 16 MiB
  // (the fourth *b on line 3).
  std::string bomb = "a: &a \"" + std::string(100000, 'x') + "\"\nb: &b [";
  for (int k = 0; k < 50; ++k) bomb += std::string(k ? "," : "") + "*a";
  bomb += "]\nc: &c [";
  for (int k = 0; k < 50; ++k) bomb += std::string(k ? "," : "") + "*b";
  bomb += "]\nd: [";
  for (int k = 0; k < 30; ++k) bomb += std::string(k ? "," : "") + "*c";
  bomb += "]\n";
  const Outcome o = convert("to-ecs", "strings.yaml", bomb);
  expect_rejected(o, "alias-expansion-limit", "strings.yaml:3:");
  EXPECT_THAT(o.run.err, HasSubstr("--max-alias-bytes"));
  // One long string repeated 200 times in a flat list: 20 MB, also over the byte limit.
  std::string flat = "a: &a \"" + std::string(100000, 'y') + "\"\nb: [";
  for (int k = 0; k < 200; ++k) flat += std::string(k ? "," : "") + "*a";
  flat += "]\n";
  expect_rejected(convert("to-ecs", "flat.yaml", flat), "alias-expansion-limit", "flat.yaml:2:");
}

TEST(BadInput, YamlStreamOverItsSizeLimit) {
  // 4.5 MB of YAML: over the 4 MiB YAML limit (yaml-cpp is slow), under the 32 MiB file limit.
  // Mostly comment lines, the cheapest YAML to read, so that the raised run stays quick.
  std::string big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: v\n";
  while (big.size() < 4'500'000) big += "# " + std::string(97, 'c') + "\n";
  const Outcome o = convert("to-ecs", "big.yaml", big);
  expect_rejected(o, "file-too-large", "big.yaml:");
  EXPECT_THAT(o.run.err, HasSubstr("--max-yaml-size"));
  // Raised, the same file is read (a ConfigMap alone converts to nothing, without an error).
  const Outcome raised = convert("to-ecs", "big.yaml", big, {"--max-yaml-size", "8000000"});
  EXPECT_EQ(raised.run.exit_code, 0) << raised.run.err;
  EXPECT_THAT(raised.run.err, ::testing::Not(HasSubstr("file-too-large")));
}

TEST(BadInput, JsonKeyOverTheStringLimit) {
  const std::string td = "{\"family\": \"x\", \"" + std::string(5u << 20, 'k') + "\": 1, \"containerDefinitions\": []}";
  expect_rejected(convert("to-k8s", "key.json", td), "string-too-long", "key.json:1:");
}

// Every limit has a flag, and the error it raises names that flag (lowered here to trip it).
struct LimitCase {
  const char* flag;
  const char* value;
  const char* code;
  const char* command;
  const char* file;
  const char* content;
};

class EveryLimit : public ::testing::TestWithParam<LimitCase> {};

TEST_P(EveryLimit, TripsWithALocatedErrorThatNamesItsFlag) {
  const LimitCase& c = GetParam();
  const Outcome o = convert(c.command, c.file, c.content, {c.flag, c.value});
  expect_rejected(o, c.code, std::string(c.file) + ":");
  EXPECT_THAT(o.run.err, HasSubstr(c.flag));
  // Without the flag the same input is read (no reader limit trips).
  const Outcome plain = convert(c.command, c.file, c.content);
  EXPECT_THAT(plain.run.err, ::testing::Not(HasSubstr("[" + std::string(c.code) + "]"))) << plain.run.err;
}

constexpr const char* kSmallDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n"
    "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n";
constexpr const char* kSmallTask =
    "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": 512}]}";

INSTANTIATE_TEST_SUITE_P(
    Flags, EveryLimit,
    ::testing::Values(LimitCase{"--max-file-size", "50", "file-too-large", "to-k8s", "t.json", kSmallTask},
                      LimitCase{"--max-yaml-size", "50", "file-too-large", "to-ecs", "d.yaml", kSmallDeployment},
                      LimitCase{"--max-depth", "2", "nesting-too-deep", "to-k8s", "t.json", kSmallTask},
                      LimitCase{"--max-values", "10", "too-many-values", "to-ecs", "d.yaml", kSmallDeployment},
                      LimitCase{"--max-values", "5", "too-many-values", "to-k8s", "t.json", kSmallTask},
                      LimitCase{"--max-alias-values", "2", "alias-expansion-limit", "to-ecs", "a.yaml",
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx: &x [1, 2]\ny: [*x, *x]\n"},
                      LimitCase{"--max-alias-bytes", "8", "alias-expansion-limit", "to-ecs", "a.yaml",
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx: &x hello\ny: [*x, *x]\n"},
                      LimitCase{"--max-documents", "2", "too-many-documents", "to-ecs", "docs.yaml",
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n"
                                "metadata: {name: b}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"},
                      LimitCase{"--max-string-length", "4", "string-too-long", "to-ecs", "d.yaml", kSmallDeployment},
                      LimitCase{"--max-string-length", "4", "string-too-long", "to-k8s", "t.json", kSmallTask}),
    [](const ::testing::TestParamInfo<LimitCase>& info) {
      std::string name = std::string(info.param.flag + 6) + "_" + info.param.command;
      for (char& ch : name) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
      return name;
    });

TEST(BadInput, GoodInputsOfTheSameRunStillConvert) {
  TempDir dir;
  write_file(dir.path() / "good.yaml", kDeployment);
  write_file(dir.path() / "bad.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n");
  const fs::path out = dir.path() / "out";
  const auto r = run_specconv({"to-ecs", "-q", "good.yaml", "bad.yaml", "-o", out.string()}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:3:1:"));
  EXPECT_TRUE(fs::exists(out / "web.json")) << r.err;
}

// ---- Found by trying inputs that were not in the repository -------------------------------

TEST(BadInput, JsonSyntaxErrorNextToANonAsciiCharacter) {
  // The parser's message quotes the input cut after the first byte of "é": the report, the JSON
  // diagnostics and explain's JSON must still be written (it aborted the run before).
  TempDir dir;
  write_file(dir.path() / "e.json", "{\"family\": \xC3\xA9}");
  const auto conv = run_specconv({"convert", "-q", "e.json", "-o", "out", "--report", "r.json"}, dir.path());
  EXPECT_FALSE(conv.signaled) << conv.err;
  EXPECT_EQ(conv.exit_code, 1) << conv.err;
  const std::string report = testutil::read_file(dir.path() / "r.json");
  EXPECT_THAT(report, HasSubstr("\"json-syntax\""));
  EXPECT_THAT(report, HasSubstr("\xEF\xBF\xBD"));  // the cut byte, as U+FFFD
  const auto ex = run_specconv({"explain", "--format", "json", "e.json"}, dir.path());
  EXPECT_EQ(ex.exit_code, 1) << ex.err;
  const auto tk = run_specconv({"to-k8s", "--diagnostics", "json", "e.json"}, dir.path());
  EXPECT_EQ(tk.exit_code, 1);
  EXPECT_THAT(tk.err, HasSubstr("\"line\": 1"));
  EXPECT_EQ(tk.err.find("\xC3'"), std::string::npos) << "a lone lead byte reached the output";
}

std::string deployment_with_resources(const std::string& resources) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: q}\nspec:\n  selector: {matchLabels: {app: q}}\n"
         "  template:\n    metadata: {labels: {app: q}}\n    spec:\n      containers:\n      - name: q\n        image: nginx\n"
         "        resources: " + resources + "\n";
}

TEST(BadInput, CpuAndMemoryBeyondWhatEcsCanHold) {
  // 1P cores overflowed into a negative container cpu, written with exit 0.
  expect_rejected(convert("to-ecs", "q.yaml", deployment_with_resources("{requests: {cpu: 1P}}")), "out-of-range",
                  "q.yaml:12:32: /spec/template/spec/containers/0/resources/requests/cpu:");
  expect_rejected(convert("to-ecs", "q.yaml", deployment_with_resources("{limits: {memory: 7Ei}}"), {"--launch-type", "EC2"}),
                  "out-of-range", "/resources/limits/memory:");
  // Fits in the fields, but is more than one task may have on EC2 (192 vCPU).
  expect_rejected(convert("to-ecs", "q.yaml", deployment_with_resources("{requests: {cpu: 1000}}"), {"--launch-type", "EC2"}),
                  "task-too-large", "q.yaml:");
  const Outcome ok = convert("to-ecs", "q.yaml", deployment_with_resources("{requests: {cpu: 192}}"), {"--launch-type", "EC2"});
  EXPECT_EQ(ok.run.exit_code, 0) << ok.run.err;
  EXPECT_EQ(ok.files_written, 1u);
}

TEST(BadInput, ALongValidNameGetsAShortenedFileName) {
  std::string name;
  for (int i = 0; i < 4; ++i) name += (i > 0 ? "." : "") + std::string(63, 'a');
  name.resize(253);  // the longest valid Kubernetes name: 258 bytes with ".json"
  std::string yaml = kDeployment;
  yaml.replace(yaml.find("name: web"), 9, "name: " + name);
  const Outcome o = convert("to-ecs", "long.yaml", yaml);
  EXPECT_EQ(o.run.exit_code, 0) << o.run.err;
  EXPECT_EQ(o.files_written, 1u);
}

TEST(BadInput, EcsEnvironmentNamesKubernetesRefuses) {
  expect_rejected(convert("to-k8s", "env.json",
                          R"({"family":"e","containerDefinitions":[{"name":"e","image":"nginx","memory":512,)"
                          R"("environment":[{"name":"OK","value":"1"},{"name":"A=B","value":"2"}]}]})"),
                  "bad-env-name", "/containerDefinitions/0/environment/1/name:");
}

TEST(BadInput, EmptyArrayAndNullTaskDefinition) {
  expect_rejected(convert("to-k8s", "a.json", "[]"), "empty-input", "a.json:1:1:");
  expect_rejected(convert("to-ecs", "a.json", "[]"), "empty-input", "a.json:1:1:");
  expect_rejected(convert("to-ecs", "a.yaml", "--- []\n"), "empty-input", "a.yaml:1:5:");
  expect_rejected(convert("to-k8s", "n.json", R"({"taskDefinition": null, "tags": []})"), "type-mismatch",
                  "n.json:1:2: /taskDefinition:");
  // Classified by "taskdefinition", which the camelCase reader does not take for taskDefinition
  // (a fuzz finding: this dereferenced a null pointer).
  expect_rejected(convert("to-k8s", "l.json", R"({"tags": [], "taskdefinition": {"family": "x"}})"), "missing-field",
                  "l.json:1:1:");
}

const char* kWebTask = R"({"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":512}]})";

TEST(BadInput, AStrayJsonFileDoesNotTieItsFolderTogether) {
  // `{}` was taken for an ECS companion (a service), which converts the folder as one unit, so
  // two files' task definitions of the same family clashed.
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  write_file(dir.path() / "in" / "a.json", kWebTask);
  write_file(dir.path() / "in" / "b.json",
             std::string("[") + kWebTask + R"(,{"family":"b","containerDefinitions":[{"name":"b","image":"nginx","memory":512}]}])");
  write_file(dir.path() / "in" / "c.json", "{}");
  const auto r = run_specconv({"convert", "-q", "in", "-o", "out"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("c.json:1:1: error:"));
  EXPECT_TRUE(fs::exists(dir.path() / "out" / "a" / "web.yaml")) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "out" / "b" / "web.yaml")) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "out" / "b" / "b.yaml")) << r.err;
}

TEST(BadInput, AFileThatFailsInAFolderWritesNothingAndSaysWhy) {
  // A folder with a service file (c.json) converts as one unit. b.json's service has the name of
  // a.json's: b.json fails, and must not write its other workload ("extra") either; c.json's
  // service runs b.json's task definition "extra", so it fails with it, and must say so.
  TempDir dir;
  const auto task = [](const std::string& family) {
    return R"({"family":")" + family + R"(","containerDefinitions":[{"name":"c","image":"nginx","memory":512}]})";
  };
  const auto service = [](const std::string& name, const std::string& family) {
    return R"({"serviceName":")" + name + R"(","taskDefinition":")" + family + R"(","desiredCount":1})";
  };
  fs::create_directories(dir.path() / "in");
  write_file(dir.path() / "in" / "a.json", "[" + task("web") + "," + service("s", "web") + "]");
  write_file(dir.path() / "in" / "b.json", "[" + task("other") + "," + service("s", "other") + "," + task("extra") + "]");
  write_file(dir.path() / "in" / "c.json", service("t", "extra"));
  const auto r = run_specconv({"convert", "-q", "in", "-o", "out", "--report", "r.json"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("b.json:1:1: error:"));
  EXPECT_THAT(r.err, HasSubstr("[duplicate-output]"));
  EXPECT_FALSE(fs::exists(dir.path() / "out" / "b")) << "a failed file wrote output";
  EXPECT_TRUE(fs::exists(dir.path() / "out" / "a" / "s.yaml")) << r.err;
  // Every failed file in the report has an error of its own.
  const auto report = nlohmann::json::parse(testutil::read_file(dir.path() / "r.json"));
  int failed = 0;
  for (const auto& f : report.at("files")) {
    if (f.at("status") != "failed") continue;
    ++failed;
    EXPECT_FALSE(f.at("diagnostics").empty()) << f.dump();
    EXPECT_TRUE(f.at("outputs").empty()) << f.dump();
  }
  EXPECT_GE(failed, 1) << report.dump();
}

}  // namespace
}  // namespace specconv

// ---- CloudFormation templates (to-k8s) ----------------------------------------------------

namespace specconv {
namespace {

std::string task_definition_template(const std::string& family) {
  return R"({"Resources": {"Web": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": )" + family +
         R"(, "ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Memory": 64}]}}}})";
}

TEST(BadInput, TemplateWithAnUnknownIntrinsic) {
  expect_rejected(convert("to-k8s", "t.json", task_definition_template(R"({"Fn::Sbu": "web"})")), "template-intrinsic",
                  "t.json:1:");
}

TEST(BadInput, TemplateWithAReferenceCycle) {
  expect_rejected(convert("to-k8s", "cycle.yaml",
                          "Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: !Sub '${Web}-x'\n"
                          "      ContainerDefinitions: [{Name: web, Image: nginx, Memory: 64}]\n"),
                  "template-intrinsic", "cycle.yaml:5:");
}

TEST(BadInput, TemplateSubBomb) {
  std::string bomb = "\"" + std::string(1000, 'x') + "\"";
  for (int i = 0; i < 30; ++i) bomb = R"({"Fn::Sub": ["${a}${a}", {"a": )" + bomb + "}]}";
  expect_rejected(convert("to-k8s", "bomb.json", task_definition_template(bomb)), "template-intrinsic", "bomb.json:1:");
}

TEST(BadInput, TemplateHugeJoin) {
  std::string items;
  for (int i = 0; i < 100000; ++i) items += std::string(i > 0 ? "," : "") + "\"abcdefghij\"";
  expect_rejected(convert("to-k8s", "join.json", task_definition_template(R"({"Fn::Join": ["", [)" + items + "]]}"),
                          {"--max-string-length", "100000"}),
                  "template-intrinsic", "join.json:1:");
}

TEST(BadInput, TemplateJunkResourcesAndSections) {
  expect_rejected(convert("to-k8s", "junk.json", R"({"Resources": {"Web": "junk"}})"), "type-mismatch", "junk.json:1:");
  expect_rejected(convert("to-k8s", "extra.json", R"({"Resources": {"Web": {"Type": "AWS::SNS::Topic"}}, "Junk": []})"),
                  "unknown-key", "extra.json:1:");
  expect_rejected(convert("to-k8s", "none.json", R"({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}})"),
                  "template-no-task-definition", "none.json:1:");
}

TEST(BadInput, TextThatLooksLikeATemplateButHasNoResources) {
  // Found by fuzz_to_k8s: the Resources line is inside a quoted scalar, so the document has none.
  expect_rejected(convert("to-k8s", "scalar.yaml", "Description: 'x\nResources: Type: AWS::X'\n"), "missing-field",
                  "scalar.yaml:1:1");
}

// ---- Terraform JSON (terraform show -json) --------------------------------------------------

/// A state of one task definition whose container_definitions attribute (on line 4) is `value`.
std::string terraform_state(const std::string& value) {
  return "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
         "  {\"address\": \"aws_ecs_task_definition.web\", \"mode\": \"managed\", \"type\": \"aws_ecs_task_definition\", \"name\": \"web\",\n"
         "   \"values\": {\"family\": \"web\",\n"
         "     \"container_definitions\": " + value + "}}]}}}\n";
}

TEST(BadInput, TerraformContainerDefinitionsThatAreBrokenJson) {
  const Outcome o = convert("to-k8s", "state.json", terraform_state(R"("[{\"name\": \"web\", \"image\": ")"));
  expect_rejected(o, "terraform-embedded-json", "state.json:4:");
  EXPECT_THAT(o.run.err, HasSubstr("/values/root_module/resources/0/values/container_definitions"));
  EXPECT_THAT(o.run.err, HasSubstr("of the embedded text"));
}

TEST(BadInput, TerraformContainerDefinitionsWithAnErrorInside) {
  const Outcome o = convert("to-k8s", "state.json", terraform_state(R"("[{\"name\": \"web\", \"image\": \"nginx\", \"memory\": \"lots\"}]")"));
  expect_rejected(o, "type-mismatch", "state.json:4:");
  EXPECT_THAT(o.run.err, HasSubstr("/values/root_module/resources/0/values/container_definitions/0/memory"));
}

TEST(BadInput, TerraformWrongTypes) {
  expect_rejected(convert("to-k8s", "num.json", terraform_state("42")), "type-mismatch", "num.json:4:");
  expect_rejected(convert("to-k8s", "list.json", R"({"format_version": "1.0", "values": {"root_module": {"resources": {"a": 1}}}})"),
                  "type-mismatch", "list.json:1:");
  expect_rejected(convert("to-k8s", "vals.json", R"({"format_version": "1.0", "values": {"root_module": {"resources": [)"
                                                 R"({"address": "aws_ecs_service.a", "type": "aws_ecs_service", "values": []}]}}})"),
                  "type-mismatch", "vals.json:1:");
}

TEST(BadInput, TerraformStateWithoutRootModuleOrTaskDefinition) {
  expect_rejected(convert("to-k8s", "empty.json", R"({"format_version": "1.0", "values": {"outputs": {}}})"), "missing-field",
                  "empty.json:1:");
  expect_rejected(convert("to-k8s", "none.json", R"({"format_version": "1.0", "values": {"root_module": {"resources": [)"
                                                 R"({"address": "aws_sns_topic.t", "mode": "managed", "type": "aws_sns_topic", "values": {}}]}}})"),
                  "terraform-no-task-definition", "none.json:1:");
}

TEST(BadInput, TerraformJsonGivenToToEcs) {
  const Outcome o = convert("to-ecs", "state.json", terraform_state(R"("[]")"));
  expect_rejected(o, "wrong-direction", "state.json:1:1");
  EXPECT_THAT(o.run.err, HasSubstr("Terraform"));
}

}  // namespace
}  // namespace specconv
