// Command-line rough edges a new user hits first: mistyped flags and commands get a suggestion,
// enum values are case-insensitive, the specctl-style form takes the common flags, and explain
// takes folders. They run the real binary (SPECCONV_BINARY) on files under tests/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::run_specconv;
using testutil::TempDir;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const fs::path kGoldenCases = fs::path(SPECCONV_TEST_DATA) / "golden";
const fs::path kTask = kGoldenCases / "ecs-to-k8s" / "rollout-150-50-3-replicas" / "task-definition.json";
const fs::path kWebAlb = kGoldenCases / "ecs-to-k8s" / "fargate-web-alb";
const fs::path kDaemon = kGoldenCases / "ecs-to-k8s" / "daemon-daemonset";  // prints notes
const fs::path kManifest = kGoldenCases / "k8s-to-ecs" / "configmap-secret-env" / "app.yaml";

TEST(CliPolish, MistypedFlagSuggestsTheFlag) {
  const auto r = run_specconv({"to-k8s", "--namepsace", "team", kTask.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("unknown flag --namepsace (did you mean --namespace?)"));
}

TEST(CliPolish, MistypedFlagWithValueSuggestsTheFlag) {
  const auto r = run_specconv({"to-ecs", "--launch-typ=EC2", kManifest.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown flag --launch-typ (did you mean --launch-type?)"));
}

TEST(CliPolish, MistypedCommandSuggestsTheCommand) {
  const auto r = run_specconv({"to-k8z", kTask.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command to-k8z (did you mean to-k8s?)"));
}

TEST(CliPolish, FarOffFlagIsStillAPlainUsageError) {
  const auto r = run_specconv({"to-k8s", "--completely-different", kTask.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown flag --completely-different"));
  EXPECT_THAT(r.err, Not(HasSubstr("did you mean")));
}

TEST(CliPolish, EnumValuesAreCaseInsensitive) {
  const auto lower = run_specconv({"to-ecs", "--launch-type", "ec2", kManifest.string()});
  const auto upper = run_specconv({"to-ecs", "--launch-type", "EC2", kManifest.string()});
  EXPECT_EQ(lower.exit_code, upper.exit_code) << lower.err;
  EXPECT_EQ(lower.out, upper.out);
  EXPECT_THAT(lower.out, HasSubstr("\"EC2\""));
  const auto json = run_specconv({"to-k8s", "--format", "JSON", kTask.string()});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["kind"], "List");
  EXPECT_EQ(run_specconv({"to-k8s", "--format", "xml", kTask.string()}).exit_code, 2);  // still checked
}

TEST(CliPolish, SpecctlFormTakesNamespaceAndQuiet) {
  const auto r = run_specconv({"-m", "e2k", "-s", kDaemon.string(), "-n", "team", "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("namespace: team"));
  EXPECT_THAT(r.err, Not(HasSubstr("note:")));
  const auto loud = run_specconv({"-m", "e2k", "-s", kDaemon.string()});
  EXPECT_THAT(loud.err, HasSubstr("note:"));  // so -q did something
}

TEST(CliPolish, SpecctlNamespaceDoesNotApplyToKubernetesInputs) {
  const auto r = run_specconv({"-m", "k2e", "-s", kManifest.string(), "-n", "team"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("-n/--namespace"));
}

TEST(CliPolish, CarryNoneInEveryForm) {
  const auto full = run_specconv({"to-k8s", kWebAlb.string()});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_THAT(full.out, HasSubstr("specconv.io/ecs-"));  // so none does something
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"to-k8s", "--carry", "none", kWebAlb.string()},
        std::vector<std::string>{"-m", "e2k", "-s", kWebAlb.string(), "--carry", "NONE"},
        std::vector<std::string>{"to-ecs", "--carry", "none", "--format", "cfn", kManifest.string()},
        std::vector<std::string>{"-m", "k2e", "-s", kManifest.string(), "--carry", "none"}}) {
    const auto r = run_specconv(args);
    EXPECT_EQ(r.exit_code, 0) << args.front() << " " << r.err;
    EXPECT_THAT(r.out, Not(HasSubstr("specconv.io/"))) << args.front();
  }
  EXPECT_THAT(run_specconv({"to-ecs", kManifest.string()}).out, HasSubstr("specconv.io/k8s-workload"));
  TempDir out;
  const auto batch = run_specconv({"convert", kWebAlb.string(), "-o", out.path().string(), "--carry", "none", "-q"});
  EXPECT_EQ(batch.exit_code, 0) << batch.err;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out.path())) {
    if (!e.is_regular_file()) continue;
    ++files;
    EXPECT_THAT(testutil::read_file(e.path()), Not(HasSubstr("specconv.io/"))) << e.path();
  }
  EXPECT_GT(files, 0);
  const auto bad = run_specconv({"to-k8s", "--carry", "some", kTask.string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--carry"));
}

TEST(CliPolish, ExplainTakesAFolderWithOneTablePerFile) {
  TempDir dir;
  fs::create_directories(dir.path() / "sub");
  fs::copy_file(kTask, dir.path() / "rollout.json");
  fs::copy_file(kDaemon / "task-definition.json", dir.path() / "sub" / "daemon.json");
  testutil::write_file(dir.path() / "README.txt", "not an input");
  const auto r = run_specconv({"explain", dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::size_t tables = 0;
  for (std::size_t at = r.out.find("SOURCE"); at != std::string::npos; at = r.out.find("SOURCE", at + 1)) ++tables;
  EXPECT_EQ(tables, 2u);
  EXPECT_THAT(r.out, HasSubstr("rollout.json (to-k8s)"));
  EXPECT_THAT(r.out, HasSubstr("daemon.json (to-k8s)"));
  const auto json = run_specconv({"explain", "--format", "json", dir.path().string()});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json list = nlohmann::json::parse(json.out);
  ASSERT_TRUE(list.is_array());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["direction"], "to-k8s");
}

TEST(CliPolish, ExplainOfAFolderFailsWhenOneFileFails) {
  TempDir dir;
  fs::copy_file(kTask, dir.path() / "good.json");
  testutil::write_file(dir.path() / "bad.json", "{\"family\": ");
  const auto r = run_specconv({"explain", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("good.json (to-k8s): converted"));
  EXPECT_THAT(r.out, HasSubstr("json-syntax"));
}

TEST(CliPolish, ExplainOfOneFileKeepsItsShape) {
  const auto json = run_specconv({"explain", "--format", "json", kTask.string()});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(nlohmann::json::parse(json.out).is_object());
}

}  // namespace
}  // namespace specconv

namespace specconv {
namespace {

// 3 type-coerced warnings, 1 legacy-value warning.
const fs::path kQuirks = fs::path(SPECCONV_TEST_DATA) / "golden" / "ecs-to-k8s" / "quirks-with-warnings" / "task-definition.json";

/// `convert` of a folder holding the quirks task definition, with `flags`.
testutil::RunResult convert_quirks(std::vector<std::string> flags) {
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  fs::copy_file(kQuirks, dir.path() / "in" / "task-definition.json");
  std::vector<std::string> args = {"convert", (dir.path() / "in").string(), "-o", (dir.path() / "out").string()};
  args.insert(args.end(), flags.begin(), flags.end());
  return run_specconv(args);
}

TEST(CliPolish, NameRenamesAWorkloadAndTheWayBackRestoresTheEcsName) {
  TempDir tmp;
  const auto r = run_specconv({"to-k8s", kWebAlb.string(), "--name", "shop-web=storefront", "-o", (tmp.path() / "k8s").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string yaml = testutil::read_file(tmp.path() / "k8s" / "storefront.yaml");
  EXPECT_THAT(yaml, HasSubstr("kind: Deployment\nmetadata:\n  name: storefront\n"));
  EXPECT_THAT(yaml, HasSubstr("name: storefront\n            port:"));  // the Ingress backend follows
  EXPECT_THAT(yaml, HasSubstr("specconv.io/original-name: shop-web\n"));
  EXPECT_THAT(yaml, Not(HasSubstr("\n  name: shop-web\n")));  // no object keeps the old name
  const auto back = run_specconv({"to-ecs", (tmp.path() / "k8s").string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const auto ecs = nlohmann::json::parse(back.out);
  EXPECT_EQ(ecs.at(0).at("taskDefinition").at("family"), "shop-web");
  EXPECT_EQ(ecs.at(0).at("service").at("serviceName"), "shop-web");
}

TEST(CliPolish, NameThatMatchesNothingIsAWarningAndABadNewNameAUsageError) {
  const auto unused = run_specconv({"to-k8s", kWebAlb.string(), "--name", "wbe=storefront"});
  EXPECT_EQ(unused.exit_code, 0) << unused.err;
  EXPECT_THAT(unused.err, HasSubstr("--name: warning: --name wbe=storefront: no workload of this run is named wbe"));
  EXPECT_THAT(unused.out, HasSubstr("name: shop-web\n"));
  for (const std::string bad : {"web=Store_Front", "=storefront", "web", "web=1web"}) {
    const auto r = run_specconv({"to-k8s", kWebAlb.string(), "--name", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_THAT(r.err, HasSubstr("specconv to-k8s: --name " + bad + ": expected OLD=NEW"));
  }
}

TEST(CliPolish, NameOnToEcsNamesTheFamilyAndServiceAndTheWayBackRestoresTheKubernetesName) {
  TempDir tmp;
  const auto r = run_specconv({"to-ecs", kManifest.string(), "--name", "orders=orders_v2", "-o", (tmp.path() / "ecs").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(testutil::read_file(tmp.path() / "ecs" / "orders_v2.json"));
  EXPECT_EQ(doc.at("taskDefinition").at("family"), "orders_v2");
  EXPECT_EQ(doc.at("service").at("serviceName"), "orders_v2");
  EXPECT_EQ(doc.at("service").at("taskDefinition"), "orders_v2");
  const auto back = run_specconv({"to-k8s", (tmp.path() / "ecs").string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_THAT(back.out, HasSubstr("kind: Deployment\nmetadata:\n  name: orders\n"));
  const auto bad = run_specconv({"to-ecs", kManifest.string(), "--name", "orders=orders.v2"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("specconv to-ecs: --name orders=orders.v2: expected OLD=NEW, NEW an ECS name"));
  const auto unused = run_specconv({"to-ecs", kManifest.string(), "--name", "ordrs=x"});
  EXPECT_EQ(unused.exit_code, 0);
  EXPECT_THAT(unused.err, HasSubstr("--name ordrs=x: no workload of this run is named ordrs [unused-rename]"));
}

TEST(CliPolish, LogFlagsOnToEcs) {
  const auto none = run_specconv({"to-ecs", kManifest.string(), "--logs", "NONE"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.out, Not(HasSubstr("logConfiguration")));
  const auto tf = run_specconv({"to-ecs", kManifest.string(), "--format", "terraform", "--log-retention-days", "90"});
  EXPECT_EQ(tf.exit_code, 0) << tf.err;
  EXPECT_THAT(tf.out, HasSubstr("resource \"aws_cloudwatch_log_group\""));
  EXPECT_THAT(tf.out, HasSubstr("retention_in_days = 90"));
  const auto bad = run_specconv({"to-ecs", kManifest.string(), "--log-retention-days", "31"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--log-retention-days: 31 not in"));
}

TEST(CliCiExit, ConvertPrintsWarningsOneLineEachAndQuietHidesThem) {
  const auto r = convert_quirks({});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("warning: "));
  EXPECT_THAT(r.err, HasSubstr("[type-coerced]"));
  EXPECT_THAT(r.err, Not(HasSubstr("note: ")));  // notes only with -v
  const auto q = convert_quirks({"-q"});
  EXPECT_EQ(q.exit_code, 0);
  EXPECT_THAT(q.err, IsEmpty());
}

TEST(CliCiExit, FailOnWarningCanIgnoreKnownCodes) {
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "warning"}).exit_code, 1);
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "warning", "--ignore", "type-coerced"}).exit_code, 1);  // legacy-value left
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "warning", "--ignore", "type-coerced,legacy-value"}).exit_code, 0);
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "warning", "--ignore", "type-coerced", "--ignore", "legacy-value"}).exit_code, 0);
}

TEST(CliCiExit, FailOnTakesCodes) {
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "legacy-value"}).exit_code, 1);
  EXPECT_EQ(convert_quirks({"-q", "--fail-on", "renamed-resource,dangling-reference"}).exit_code, 0);
}

TEST(CliCiExit, UnknownCodeIsAUsageErrorWithASuggestion) {
  const auto r = convert_quirks({"--fail-on", "type-coersed"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("did you mean type-coerced?"));
}

}  // namespace
}  // namespace specconv

namespace specconv {
namespace {

TEST(CliPolish, ExplainOfAWiringFileSaysWhatItRead) {
  const fs::path tg = kGoldenCases / "ecs-to-k8s" / "fargate-web-alb" / "target-groups.json";
  const auto r = run_specconv({"explain", tg.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("target-groups.json (to-k8s): wiring (1 target group): read"));
  EXPECT_THAT(r.out, HasSubstr("/TargetGroups/0/HealthCheckPath"));
  EXPECT_THAT(r.out, HasSubstr("readinessProbe.httpGet.path"));
  EXPECT_THAT(r.out, HasSubstr("/TargetGroups/0/VpcId"));  // a read-only field: its own row, ignored
  const auto json = run_specconv({"explain", "--format", "json", (kGoldenCases / "ecs-to-k8s" / "scaling-policies-hpa").string()});
  EXPECT_EQ(json.exit_code, 1) << json.err;  // the service, explained alone, misses its task definition
  bool scaling = false;
  for (const auto& e : nlohmann::json::parse(json.out)) {
    if (e.value("wiring", "") != "1 scalable target") continue;
    scaling = true;
    bool min = false;
    for (const auto& f : e.at("fields")) min = min || f.at("target") == "HorizontalPodAutoscaler spec.minReplicas";
    EXPECT_TRUE(min) << e.dump();
  }
  EXPECT_TRUE(scaling) << json.out;
}

TEST(CliCiExit, ANumberWhereTheApiWantsAStringIsReportedWhereValidateReportsIt) {
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  const fs::path td = dir.path() / "in" / "td.json";
  testutil::write_file(td, "{\n  \"family\": \"web\",\n  \"cpu\": 512,\n  \"memory\": \"1024\",\n"
                           "  \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx\", \"cpu\": \"256\"}]\n}\n");
  const auto validate = run_specconv({"validate", td.string()});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_THAT(validate.err, HasSubstr(td.string() + ":3:3: /cpu: error: cpu: must be a string (got number 512) [schema-type]"));
  EXPECT_THAT(validate.err, HasSubstr(td.string() + ":5:62: /containerDefinitions/0/cpu: error:"));
  for (const std::vector<std::string>& args : {std::vector<std::string>{"to-k8s", td.string()},
                                               std::vector<std::string>{"convert", (dir.path() / "in").string(), "-o", (dir.path() / "out").string()}}) {
    const auto r = run_specconv(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr(td.string() + ":3:3: /cpu: warning: expected a string, got integer 512"));
    EXPECT_THAT(r.err, HasSubstr(td.string() + ":5:62: /containerDefinitions/0/cpu: warning: expected an integer, got the string \"256\""));
  }
}

}  // namespace
}  // namespace specconv

namespace specconv {
namespace {

TEST(CliPolish, ANamespaceTheApiServerWouldRefuseIsAUsageError) {
  TempDir dir;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"to-k8s", kTask.string(), "-n", "Team"},
        std::vector<std::string>{"-m", "e2k", "-s", kTask.string(), "-n", "team_a"},
        std::vector<std::string>{"convert", kDaemon.string(), "-o", (dir.path() / "out").string(), "-n", "-shop"}}) {
    const auto r = run_specconv(args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_THAT(r.out, IsEmpty());
    EXPECT_THAT(r.err, HasSubstr("not a Kubernetes namespace name")) << args.back();
  }
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
  EXPECT_EQ(run_specconv({"to-k8s", kTask.string(), "-n", "team-a"}).exit_code, 0);
}

}  // namespace
}  // namespace specconv
