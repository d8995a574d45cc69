// Tests for the --report-format renderers (JSON, JUnit, SARIF), in-process: escaping, URIs, rule
// order. tests/cli_report_test.cc checks whole reports of real runs against their schemas.
#include "cli/report_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace specconv::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

app::FileReport report_of(std::string path, std::vector<Diagnostic> diags, app::FileStatus status = app::FileStatus::kConverted) {
  app::FileReport r;
  r.path = std::move(path);
  r.status = status;
  r.direction = app::Direction::kToK8s;
  r.diagnostics = std::move(diags);
  return r;
}

Diagnostic diagnostic(Severity s, std::string code, std::string message, SourceLocation at) {
  return {s, std::move(code), std::move(message), std::move(at)};
}

std::string render(ReportRenderer& r, const std::vector<app::FileReport>& files, int exit_code = 0) {
  std::string body;
  app::BatchTotals t;
  for (const auto& f : files) {
    body += r.entry(f);
    ++t.files;
    if (f.status == app::FileStatus::kSkipped) ++t.skipped;
  }
  return r.head({t, exit_code}) + body + r.tail({t, exit_code});
}

const FailsRun kErrorsFail = [](const Diagnostic& d) { return d.severity == Severity::kError; };

TEST(ReportFormat, NamesAreCaseInsensitive) {
  EXPECT_EQ(report_format("SARIF"), ReportFormat::kSarif);
  EXPECT_EQ(report_format("JUnit"), ReportFormat::kJunit);
  EXPECT_EQ(report_format("json"), ReportFormat::kJson);
  EXPECT_EQ(report_format("xml"), std::nullopt);
}

TEST(ReportFormat, JsonReportOfNoFileIsTheDocumentedShape) {
  auto r = make_report_renderer(ReportFormat::kJson, kErrorsFail, "1.0");
  const auto j = nlohmann::json::parse(render(*r, {}));
  EXPECT_TRUE(j.at("files").empty());
  EXPECT_EQ(j.at("totals").at("files"), 0);
}

TEST(ReportFormat, JunitEscapesMarkupAndReplacesWhatXmlCannotHold) {
  auto r = make_junit_renderer(kErrorsFail);
  const std::string xml = render(*r, {report_of("a&b.json", {diagnostic(Severity::kError, "invalid-value", "got \"<&>\"\x01 and \xEF\xBF\xBE",
                                                                          {"a&b.json", "/x", 3, 7, -1})})});
  EXPECT_THAT(xml, HasSubstr("<testcase name=\"a&amp;b.json\""));
  EXPECT_THAT(xml, HasSubstr("message=\"got &quot;&lt;&amp;&gt;&quot;\xEF\xBF\xBD and \xEF\xBF\xBD\""));
  EXPECT_THAT(xml, HasSubstr(">a&amp;b.json:3:7: /x: error: got \"&lt;&amp;&gt;\"\xEF\xBF\xBD and \xEF\xBF\xBD [invalid-value]</failure>"));
  EXPECT_THAT(xml, Not(HasSubstr("\x01")));
  EXPECT_THAT(xml, HasSubstr("tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\""));
}

TEST(ReportFormat, JunitWarningsAreOutputUnlessTheyFailTheRunAndSkippedFilesAreSkipped) {
  const Diagnostic warning = diagnostic(Severity::kWarning, "type-coerced", "read as 80", {"w.json", "/p", 2, 3, -1});
  auto lenient = make_junit_renderer(kErrorsFail);
  const std::string out = render(*lenient, {report_of("w.json", {warning}), report_of("s.yaml", {}, app::FileStatus::kSkipped)});
  EXPECT_THAT(out, HasSubstr("<system-out>w.json:2:3: /p: warning: read as 80 [type-coerced]\n</system-out>"));
  EXPECT_THAT(out, HasSubstr("<skipped message="));
  EXPECT_THAT(out, HasSubstr("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""));
  auto strict = make_junit_renderer([](const Diagnostic&) { return true; });
  EXPECT_THAT(render(*strict, {report_of("w.json", {warning})}), HasSubstr("<failure type=\"type-coerced\""));
}

TEST(ReportFormat, SarifUrisRulesAndRegions) {
  auto r = make_sarif_renderer("9.9.9");
  const std::string text = render(*r, {report_of("in dir/a:b.json", {diagnostic(Severity::kWarning, "type-coerced", "m1", {"in dir/a:b.json", "/cpu", 3, 5, -1}),
                                                                    diagnostic(Severity::kError, "json-syntax", "m2", {"in dir/a:b.json", "", 0, 0, -1})}),
                                       report_of("/abs/k.yaml", {diagnostic(Severity::kNote, "type-coerced", "m3", {"/abs/k.yaml", "/spec", 4, 1, 2})})},
                                  1);
  const auto j = nlohmann::json::parse(text);
  const auto& run = j.at("runs").at(0);
  EXPECT_EQ(run.at("tool").at("driver").at("version"), "9.9.9");
  const auto& rules = run["tool"]["driver"].at("rules");
  ASSERT_EQ(rules.size(), 2u);  // in order of first use, each once
  EXPECT_EQ(rules[0].at("id"), "type-coerced");
  EXPECT_EQ(rules[1].at("id"), "json-syntax");
  EXPECT_EQ(rules[0].at("defaultConfiguration").at("level"), "warning");
  const auto& results = run.at("results");
  ASSERT_EQ(results.size(), 3u);
  const auto& first = results[0].at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(first.at("artifactLocation").at("uri"), "in%20dir/a%3Ab.json");
  EXPECT_EQ(first.at("region").at("startLine"), 3);
  EXPECT_EQ(first.at("region").at("startColumn"), 5);
  EXPECT_EQ(results[0].at("properties").at("jsonPointer"), "/cpu");
  EXPECT_FALSE(results[1]["locations"][0]["physicalLocation"].contains("region"));  // no line known
  EXPECT_EQ(results[1].at("ruleIndex"), 1);
  EXPECT_EQ(results[2].at("ruleIndex"), 0);
  EXPECT_EQ(results[2].at("level"), "note");
  EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/k.yaml");
  EXPECT_EQ(results[2].at("properties").at("document"), 2);
  EXPECT_EQ(run.at("invocations").at(0).at("exitCode"), 1);
}

TEST(ReportFormat, SarifOfARunWithoutDiagnosticsHasNoResultsAndNoRules) {
  auto r = make_sarif_renderer("1");
  const auto j = nlohmann::json::parse(render(*r, {report_of("ok.json", {})}));
  EXPECT_TRUE(j["runs"][0].at("results").empty());
  EXPECT_TRUE(j["runs"][0]["tool"]["driver"].at("rules").empty());
}

}  // namespace
}  // namespace specconv::cli
