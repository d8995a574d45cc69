// Command-line tests: exit codes, help, version, the specctl-style flags, stdin, folders, -o.
// They run the real binary (SPECCONV_BINARY) and read only files under tests/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::read_file;
using testutil::run_specconv;
using testutil::TempDir;
using testutil::write_file;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const fs::path kCases = fs::path(SPECCONV_TEST_DATA) / "golden";
const fs::path kGood = kCases / "ecs-to-k8s" / "rollout-150-50-3-replicas" / "task-definition.json";
const fs::path kWarns = kCases / "ecs-to-k8s" / "quirks-with-warnings" / "task-definition.json";
const fs::path kBroken = kCases / "errors" / "truncated-json" / "task-definition.json";

TEST(Cli, ConvertsAFileWithExitZero) {
  const auto r = run_specconv({"to-k8s", kGood.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("kind: Deployment"));
}

TEST(Cli, InputErrorExitsOneWithNothingOnStdout) {
  const auto r = run_specconv({"to-k8s", kBroken.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("error:"));
}

TEST(Cli, ToEcsInputErrorExitsOneWithNothingOnStdout) {
  TempDir dir;
  write_file(dir.path() / "not-k8s.yaml", "kind: Foo\n");
  const auto r = run_specconv({"to-ecs", (dir.path() / "not-k8s.yaml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());  // not even "[]"
  EXPECT_THAT(r.err, HasSubstr("[not-kubernetes]"));
}

TEST(Cli, MissingFileExitsOne) {
  const auto r = run_specconv({"to-k8s", "/nonexistent/specconv/input.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("error:"));
}

TEST(Cli, WarningsExitZeroWithoutStrict) {
  const auto r = run_specconv({"to-k8s", kWarns.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("warning:"));
  EXPECT_THAT(r.out, Not(IsEmpty()));
}

TEST(Cli, StrictTurnsAWarningIntoExitOneAndNoOutput) {
  const auto r = run_specconv({"to-k8s", "--strict", kWarns.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("error:"));
}

TEST(Cli, StrictWithoutWarningsStillSucceeds) {
  const auto r = run_specconv({"to-k8s", "--strict", kGood.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Cli, UnknownFlagIsAUsageError) {
  const auto r = run_specconv({"to-k8s", "--no-such-flag", kGood.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, Not(IsEmpty()));
}

TEST(Cli, UnknownFormatIsAUsageError) {
  const auto r = run_specconv({"to-k8s", "--format", "xml", kGood.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, IsEmpty());
}

TEST(Cli, UnknownSecretsModeIsAUsageError) {
  EXPECT_EQ(run_specconv({"to-k8s", "--secrets", "plain", kGood.string()}).exit_code, 2);
}

TEST(Cli, NoInputIsAUsageError) {
  EXPECT_EQ(run_specconv({"to-k8s"}).exit_code, 2);
}

TEST(Cli, NoCommandIsAUsageError) {
  EXPECT_EQ(run_specconv({}).exit_code, 2);
}

TEST(Cli, UnknownModeIsAUsageError) {
  EXPECT_EQ(run_specconv({"-m", "x2y", "-s", kGood.string()}).exit_code, 2);
}

TEST(Cli, HelpMentionsEveryFlag) {
  const auto top = run_specconv({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* flag : {"--version", "--mode", "--source", "--output", "to-k8s", "mappings"}) {
    EXPECT_THAT(top.out, HasSubstr(flag)) << "specconv --help lacks " << flag;
  }
  const auto sub = run_specconv({"to-k8s", "--help"});
  EXPECT_EQ(sub.exit_code, 0);
  for (const char* flag : {"--output", "--format", "--namespace", "--secrets", "--ssm-store", "--secretsmanager-store",
                           "--strict", "--diagnostics", "--quiet", "--max-file-size", "--max-depth"}) {
    EXPECT_THAT(sub.out, HasSubstr(flag)) << "specconv to-k8s --help lacks " << flag;
  }
  EXPECT_THAT(top.out + sub.out, HasSubstr("Exit codes"));
}

TEST(Cli, VersionPrintsNameAndSemver) {
  const auto r = run_specconv({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(^specconv \d+\.\d+\.\d+\n$)"))) << r.out;
}

TEST(Cli, SpecctlStyleWritesOneFilePerWorkload) {
  TempDir tmp;
  const auto r = run_specconv({"-m", "e2k", "-s", kGood.string(), "-o", tmp.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  ASSERT_TRUE(fs::exists(tmp.path() / "api.yaml"));
  EXPECT_EQ(read_file(tmp.path() / "api.yaml"), run_specconv({"to-k8s", kGood.string()}).out);
}

TEST(Cli, OutputFolderWithJsonFormat) {
  TempDir tmp;
  const auto r = run_specconv({"to-k8s", "--format", "json", "-o", tmp.path().string(), kGood.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(tmp.path() / "api.json"));
  EXPECT_NO_THROW((void)nlohmann::json::parse(read_file(tmp.path() / "api.json")));
}

// --format terraform: -o DIR writes a module folder per namespace; stdout holds one namespace's
// main.tf as is, several under a "# namespace" line each; `tf` is the same format.
TEST(Cli, TerraformWritesAModuleFolderPerNamespace) {
  TempDir tmp;
  const std::string two_namespaces =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: one}\nspec: {containers: [{name: c, image: x}]}\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: two}\nspec: {containers: [{name: c, image: x}]}\n";
  write_file(tmp.path() / "pods.yaml", two_namespaces);
  const auto r = run_specconv({"to-ecs", "--format", "terraform", "-q", "-o", (tmp.path() / "out").string(), "pods.yaml"},
                              tmp.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  const std::string one = read_file(tmp.path() / "out" / "one" / "main.tf");
  EXPECT_THAT(one, HasSubstr("resource \"aws_ecs_task_definition\" \"a_task_definition\" {"));
  EXPECT_THAT(read_file(tmp.path() / "out" / "two" / "main.tf"), HasSubstr("family = \"b\""));
  const auto both = run_specconv({"to-ecs", "--format", "tf", "-q", "pods.yaml"}, tmp.path());
  EXPECT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(both.out, "# namespace one\n" + one + "\n# namespace two\n" + read_file(tmp.path() / "out" / "two" / "main.tf"));
  write_file(tmp.path() / "one.yaml", two_namespaces.substr(0, two_namespaces.find("---")));
  EXPECT_EQ(run_specconv({"to-ecs", "--format", "terraform", "-q", "one.yaml"}, tmp.path()).out, one);
}

TEST(Cli, DashReadsStandardInput) {
  const std::string text = read_file(kGood);
  const auto from_stdin = run_specconv({"to-k8s", "-"}, {}, text);
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, run_specconv({"to-k8s", kGood.string()}).out);
}

TEST(Cli, BrokenStandardInputIsNamedInDiagnostics) {
  const auto r = run_specconv({"to-k8s", "-"}, {}, "{\"family\": ");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("error:"));
}

TEST(Cli, FolderInputIsSearchedRecursively) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "a" / "b");
  fs::copy_file(kGood, tmp.path() / "a" / "b" / "api.json");
  write_file(tmp.path() / "a" / "notes.txt", "not an input");
  const auto r = run_specconv({"to-k8s", tmp.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name: api"));
}

TEST(Cli, FolderPairsServiceWithItsTaskDefinition) {
  const auto r = run_specconv({"to-k8s", (kCases / "ecs-to-k8s" / "rollout-150-50-3-replicas").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("replicas: 3"));
}

TEST(Cli, OutputFolderGetsNothingForABrokenInput) {
  TempDir tmp;
  const auto r = run_specconv({"to-k8s", "-o", tmp.path().string(), kBroken.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(fs::is_empty(tmp.path())) << "files were written for a broken input";
}

TEST(Cli, OutputFolderStillGetsTheGoodInputsOfAMixedRun) {
  TempDir tmp;
  const auto r = run_specconv({"to-k8s", "-o", tmp.path().string(), kGood.string(), kBroken.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(fs::exists(tmp.path() / "api.yaml"));
}

TEST(Cli, DiagnosticsJsonIsValidJson) {
  for (const fs::path& input : {kWarns, kBroken}) {
    const auto r = run_specconv({"to-k8s", "--diagnostics", "json", input.string()});
    nlohmann::json parsed;
    ASSERT_NO_THROW(parsed = nlohmann::json::parse(r.err)) << "not JSON:\n" << r.err;
    EXPECT_FALSE(parsed.empty()) << r.err;
    const std::string dump = parsed.dump();
    EXPECT_THAT(dump, HasSubstr(input == kBroken ? "json-syntax" : "type-coerced"));
  }
}

TEST(Cli, QuietDropsNotesOnly) {
  const fs::path worker = kCases / "ecs-to-k8s" / "namespace" / "task-definition.json";
  const auto loud = run_specconv({"to-k8s", worker.string()});
  const auto quiet = run_specconv({"to-k8s", "-q", worker.string()});
  EXPECT_THAT(loud.err, HasSubstr("note:"));
  EXPECT_THAT(quiet.err, Not(HasSubstr("note:")));
  EXPECT_EQ(loud.out, quiet.out);
  const auto warn = run_specconv({"to-k8s", "-q", kWarns.string()});
  EXPECT_THAT(warn.err, HasSubstr("warning:"));
}

TEST(Cli, MaxFileSizeRejectsLargerInputs) {
  const auto r = run_specconv({"to-k8s", "--max-file-size", "10", kGood.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
}

TEST(Cli, MaxDepthRejectsDeeperInputs) {
  const auto r = run_specconv({"to-k8s", "--max-depth", "2", kGood.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
}

TEST(Cli, NamespaceIsSetOnEveryObject) {
  const auto r = run_specconv({"to-k8s", "-n", "shop", kGood.string()});
  EXPECT_EQ(r.exit_code, 0);
  std::size_t docs = 1, pos = 0;
  while ((pos = r.out.find("\n---\n", pos)) != std::string::npos) ++docs, ++pos;
  std::size_t ns = 0;
  pos = 0;
  while ((pos = r.out.find("  namespace: shop\n", pos)) != std::string::npos) ++ns, ++pos;
  EXPECT_EQ(ns, docs) << r.out;
}

TEST(Cli, MappingsPrintsMarkdown) {
  const auto r = run_specconv({"mappings"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("| ECS field |"));
}

}  // namespace
}  // namespace specconv

// ---- specconv validate ----------------------------------------------------------------------
namespace specconv {
namespace {

const std::filesystem::path kValidate = std::filesystem::path(SPECCONV_TEST_DATA) / "validate";

TEST(CliValidate, ValidFilesExitZero) {
  const auto r = testutil::run_specconv({"validate", (kValidate / "good-deployment.yaml").string(),
                                         (kValidate / "good-task.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr("good-task.json: valid"));
}

TEST(CliValidate, InvalidKubernetesExitsOneWithHintsAndLocations) {
  const auto r = testutil::run_specconv({"validate", (kValidate / "bad-k8s-typos.yaml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, ::testing::HasSubstr("bad-k8s-typos.yaml:13:7: /spec/template/spec/contianers: error:"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("(did you mean \"containers\"?) [schema-unknown-field]"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("missing required field \"containers\""));
}

TEST(CliValidate, TypesEnumsQuantitiesAndYamlPitfalls) {
  const auto r = testutil::run_specconv({"validate", "-q", (kValidate / "bad-k8s-types.yaml").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, ::testing::HasSubstr("spec.ports[0].port: must be integer (got string \"80\")"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("[schema-enum]"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("[schema-format]"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("data.FEATURE: must be string (got boolean true)"));
}

TEST(CliValidate, InvalidEcsFromStdinAndFolders) {
  const auto in = testutil::read_file(kValidate / "bad-ecs-task.json");
  const auto r = testutil::run_specconv({"validate", "-"}, {}, in);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, ::testing::HasSubstr("did you mean \"memoryReservation\"?"));
  EXPECT_THAT(r.err, ::testing::HasSubstr("not a valid Fargate task size"));
  const auto folder = testutil::run_specconv({"validate", kValidate.string()});
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_THAT(folder.out, ::testing::HasSubstr("good-deployment.yaml: valid"));
  EXPECT_THAT(folder.out, ::testing::HasSubstr("bad-ecs-task.json: invalid"));
}

TEST(CliValidate, ConversionOutputsPassValidation) {
  testutil::TempDir dir;
  const auto conv = testutil::run_specconv({"to-k8s", "-o", dir.path().string(), kGood.string()});
  ASSERT_EQ(conv.exit_code, 0) << conv.err;
  const auto r = testutil::run_specconv({"validate", dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// fix-validate: Secret values never reach validate's output, at any verbosity.
TEST(CliValidate, SecretValuesNeverAppearOnStderrOrStdout) {
  testutil::TempDir dir;
  const auto file = dir.path() / "secret.yaml";
  testutil::write_file(file, "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  DB_PIN: 12345678\n"
                             "data:\n  token: 987654321\n  flag: on\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", file.string()}, std::vector<std::string>{"validate", "-q", file.string()}}) {
    const auto r = testutil::run_specconv(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, ::testing::HasSubstr("stringData.DB_PIN: must be string (got a number; value not shown: Secret data)"));
    for (const char* secret : {"12345678", "987654321", "unquoted on"}) {
      EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
      EXPECT_EQ(r.out.find(secret), std::string::npos) << r.out;
    }
  }
}

// fix-validate: a CI gate must not pass while checking nothing.
TEST(CliValidate, NothingToCheckExitsOne) {
  testutil::TempDir dir;
  const auto empty = testutil::run_specconv({"validate", dir.path().string()});
  EXPECT_EQ(empty.exit_code, 1) << empty.err;
  EXPECT_THAT(empty.err, ::testing::HasSubstr(dir.path().string() + ": error: no file to check"));
  EXPECT_THAT(empty.err, ::testing::HasSubstr("[no-input-files]"));
  testutil::write_file(dir.path() / "notes.txt", "not a manifest\n");
  EXPECT_EQ(testutil::run_specconv({"validate", "-q", dir.path().string()}).exit_code, 1);
  // One empty folder next to a valid file is only the existing warning.
  testutil::TempDir other;
  const auto mixed = testutil::run_specconv({"validate", other.path().string(), (kValidate / "good-task.json").string()});
  EXPECT_EQ(mixed.exit_code, 0) << mixed.err;
}

}  // namespace
}  // namespace specconv
