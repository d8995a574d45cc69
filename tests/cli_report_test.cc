// convert --report-format junit|sarif: the CI-native reports of a batch run, checked the way a CI
// system reads them. SARIF is validated against the OASIS SARIF 2.1.0 JSON schema shipped in
// tests/schemas/ (provenance there) and JUnit for well-formedness and counts, both by
// scripts/check-report (python3; skipped, saying why, when python3 or its jsonschema package is
// missing); the rest is read here with nlohmann/json.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::run_process;
using testutil::run_specconv;
using testutil::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kReportQuirks = fs::path(SPECCONV_TEST_DATA) / "golden" / "ecs-to-k8s" / "quirks-with-warnings" / "task-definition.json";
const fs::path kReportManifest = fs::path(SPECCONV_TEST_DATA) / "golden" / "k8s-to-ecs" / "configmap-secret-env" / "app.yaml";
const fs::path kReportChecker = fs::path(SPECCONV_SOURCE_DIR) / "scripts" / "check-report";
const fs::path kSarifSchema = fs::path(SPECCONV_TEST_DATA) / "schemas" / "sarif-schema-2.1.0.json";

/// A batch folder with warnings, a broken file, an input whose error quotes markup characters,
/// a Kubernetes manifest, and a file name that needs escaping in a URI and in XML.
fs::path report_batch(const TempDir& dir) {
  const fs::path in = dir.path() / "in";
  fs::create_directories(in / "k8s");
  fs::copy_file(kReportQuirks, in / "quirks.json");
  fs::copy_file(kReportManifest, in / "k8s" / "app.yaml");
  testutil::write_file(in / "broken.json", "{\"family\": \"cut\",\n  \"containerDefinitions\": [");
  testutil::write_file(in / "markup & co.json",
                       "{\"family\": \"m\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"i\", \"memory\": 64,\n"
                       "  \"portMappings\": [{\"containerPort\": 80, \"protocol\": \"<&>\"}]}]}");
  return in;
}

testutil::RunResult report_convert(const fs::path& in, const fs::path& out, const fs::path& report,
                                   std::vector<std::string> flags) {
  std::vector<std::string> args = {"convert", "-q", in.string(), "-o", out.string(), "--report", report.string()};
  args.insert(args.end(), flags.begin(), flags.end());
  return run_specconv(args);
}

/// What scripts/check-report said: passed, skipped (with the reason in `output`), or failed.
struct ReportCheck {
  bool skipped = false;
  bool passed = false;
  std::string output;
};

ReportCheck check_report(const std::vector<std::string>& args) {
  ReportCheck c;
  if (run_process("/bin/sh", {"-c", "command -v python3"}).exit_code != 0) {
    c.skipped = true;
    c.output = "python3 not found: the report is not checked by scripts/check-report";
    return c;
  }
  std::vector<std::string> argv = {"python3", kReportChecker.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = run_process("/usr/bin/env", argv);
  c.skipped = r.exit_code == 77;
  c.passed = r.exit_code == 0;
  c.output = r.out + r.err;
  return c;
}

TEST(CliReport, SarifOfABatchRunValidatesAgainstTheSarifSchema) {
  TempDir dir;
  const fs::path in = report_batch(dir);
  const auto r = report_convert(in, dir.path() / "out", dir.path() / "r.sarif", {"--report-format", "sarif"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // broken.json and the bad protocol fail; the others convert
  const auto check = check_report({"sarif", (dir.path() / "r.sarif").string(), kSarifSchema.string()});
  if (check.skipped) GTEST_SKIP() << check.output;
  EXPECT_TRUE(check.passed) << check.output;
  // The check can fail: a level SARIF does not have is caught by the schema.
  auto tampered = nlohmann::json::parse(testutil::read_file(dir.path() / "r.sarif"));
  tampered["runs"][0]["results"][0]["level"] = "fatal";
  testutil::write_file(dir.path() / "bad.sarif", tampered.dump());
  const auto bad = check_report({"sarif", (dir.path() / "bad.sarif").string(), kSarifSchema.string()});
  EXPECT_FALSE(bad.passed);
  EXPECT_THAT(bad.output, HasSubstr("'fatal' is not one of"));
}

TEST(CliReport, SarifHasOneResultPerDiagnosticWithLocationsAndRules) {
  TempDir dir;
  const fs::path in = report_batch(dir);
  ASSERT_EQ(report_convert(in, dir.path() / "o1", dir.path() / "r.json", {}).exit_code, 1);
  ASSERT_EQ(report_convert(in, dir.path() / "o2", dir.path() / "r.sarif", {"--report-format", "SARIF"}).exit_code, 1);
  const auto json = nlohmann::json::parse(testutil::read_file(dir.path() / "r.json"));
  const auto sarif = nlohmann::json::parse(testutil::read_file(dir.path() / "r.sarif"));
  EXPECT_EQ(sarif.at("version"), "2.1.0");
  ASSERT_EQ(sarif.at("runs").size(), 1u);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run.at("tool").at("driver").at("name"), "specconv");
  EXPECT_EQ(run.at("invocations").at(0).at("exitCode"), 1);
  std::set<std::string> codes;
  std::size_t diagnostics = 0;
  for (const auto& f : json["files"]) {
    for (const auto& d : f["diagnostics"]) codes.insert(d["code"].get<std::string>()), ++diagnostics;
  }
  EXPECT_EQ(run.at("results").size(), diagnostics);
  std::set<std::string> rules;
  for (const auto& rule : run["tool"]["driver"]["rules"]) rules.insert(rule.at("id").get<std::string>());
  EXPECT_EQ(rules, codes);  // the codes used, each once
  bool syntax = false, markup = false;
  for (const auto& res : run["results"]) {
    EXPECT_EQ(run["tool"]["driver"]["rules"][res.at("ruleIndex").get<std::size_t>()]["id"], res.at("ruleId"));
    const auto& loc = res.at("locations").at(0).at("physicalLocation");
    if (res["ruleId"] == "json-syntax") {
      syntax = true;
      EXPECT_THAT(loc["artifactLocation"]["uri"].get<std::string>(), HasSubstr("in/broken.json"));
      EXPECT_EQ(res["level"], "error");
      EXPECT_EQ(loc.at("region").at("startLine"), 2);
      EXPECT_GT(loc["region"].at("startColumn").get<int>(), 0);
    }
    if (res["ruleId"] == "invalid-value" && res["level"] == "error") {
      markup = true;
      EXPECT_THAT(loc["artifactLocation"]["uri"].get<std::string>(), HasSubstr("in/markup%20%26%20co.json"));
      EXPECT_EQ(res.at("properties").at("jsonPointer"), "/containerDefinitions/0/portMappings/0/protocol");
      EXPECT_THAT(res["message"]["text"].get<std::string>(), HasSubstr("\"<&>\""));
    }
  }
  EXPECT_TRUE(syntax);
  EXPECT_TRUE(markup);
}

TEST(CliReport, JunitHasOneTestcasePerInputAndAFailurePerError) {
  TempDir dir;
  const fs::path in = report_batch(dir);
  const fs::path report = dir.path() / "r.xml";
  ASSERT_EQ(report_convert(in, dir.path() / "out", report, {"--report-format", "junit"}).exit_code, 1);
  const std::string xml = testutil::read_file(report);
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"specconv convert\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"0\">"));
  EXPECT_THAT(xml, HasSubstr("<testcase name=\"" + (in / "markup &amp; co.json").string() + "\""));
  EXPECT_THAT(xml, HasSubstr("<failure type=\"json-syntax\""));
  EXPECT_THAT(xml, HasSubstr((in / "broken.json").string() + ":2:"));  // file:line:col
  EXPECT_THAT(xml, HasSubstr("message=\"protocol must be &quot;tcp&quot; or &quot;udp&quot;, got &quot;&lt;&amp;&gt;&quot;\""));
  EXPECT_THAT(xml, HasSubstr("got \"&lt;&amp;&gt;\" [invalid-value]</failure>"));
  EXPECT_THAT(xml, HasSubstr("[type-coerced]"));  // warnings are the testcase's output, not failures
  EXPECT_THAT(xml, Not(HasSubstr("<failure type=\"type-coerced\"")));
  const auto check = check_report({"junit", report.string()});
  if (check.skipped) GTEST_SKIP() << check.output;
  EXPECT_TRUE(check.passed) << check.output;
}

TEST(CliReport, JunitFailuresFollowFailOnAndIgnore) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  fs::create_directories(in);
  fs::copy_file(kReportQuirks, in / "quirks.json");
  const fs::path report = dir.path() / "r.xml";
  const auto r = report_convert(in, dir.path() / "out", report, {"--report-format", "junit", "--fail-on", "warning", "--ignore", "type-coerced"});
  EXPECT_EQ(r.exit_code, 1);  // legacy-value is left
  const std::string xml = testutil::read_file(report);
  EXPECT_THAT(xml, HasSubstr("<failure type=\"legacy-value\""));
  EXPECT_THAT(xml, Not(HasSubstr("<failure type=\"type-coerced\"")));
  EXPECT_THAT(xml, HasSubstr("tests=\"1\" failures=\"1\""));
}

TEST(CliReport, ReportsDoNotDependOnJobsAndFormatNeedsAReport) {
  TempDir dir;
  const fs::path in = report_batch(dir);
  for (const std::string format : {"sarif", "junit"}) {
    ASSERT_EQ(report_convert(in, dir.path() / "a", dir.path() / "a.out", {"--report-format", format, "-j", "1"}).exit_code, 1);
    ASSERT_EQ(report_convert(in, dir.path() / "b", dir.path() / "b.out", {"--report-format", format, "-j", "3"}).exit_code, 1);
    EXPECT_EQ(testutil::read_file(dir.path() / "a.out"), testutil::read_file(dir.path() / "b.out")) << format;
  }
  const auto bad = run_specconv({"convert", in.string(), "-o", (dir.path() / "c").string(), "--report-format", "sarif"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--report-format sarif needs --report FILE"));
  const auto unknown = run_specconv({"convert", in.string(), "-o", (dir.path() / "c").string(), "--report", "x", "--report-format", "xml"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir.path() / "c"));
  // A kustomize layout has no per-file report: asking for one is refused, not silently ignored.
  const fs::path envs = fs::path(SPECCONV_SOURCE_DIR) / "examples" / "ecs" / "shop-envs";
  const auto kustomize = run_specconv({"convert", "--kustomize", envs.string(), "-o", (dir.path() / "k").string(), "--report",
                                       (dir.path() / "k.sarif").string(), "--report-format", "sarif"});
  EXPECT_EQ(kustomize.exit_code, 2);
  EXPECT_THAT(kustomize.err, HasSubstr("--report is not written with --kustomize"));
  EXPECT_FALSE(fs::exists(dir.path() / "k"));
  EXPECT_FALSE(fs::exists(dir.path() / "k.sarif"));
}

}  // namespace
}  // namespace specconv
