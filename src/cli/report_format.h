// The report `convert --report FILE` writes, in the format --report-format names: specconv's
// own JSON (docs/cli.md), JUnit XML (one testcase per input file) or SARIF 2.1.0 (one result per
// diagnostic, rule ids = diagnostic codes). Renderers are pure text producers: the report is
// streamed entry by entry in walk order and framed once the run is over (report_file.h writes it).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/batch.h"
#include "specconv/diagnostics.h"

namespace specconv::cli {

enum class ReportFormat { kJson, kJunit, kSarif };

/// json | junit | sarif (any case); nullopt otherwise.
[[nodiscard]] std::optional<ReportFormat> report_format(std::string_view name);

/// What the end of the run tells the report.
struct RunEnd {
  app::BatchTotals totals;
  int exit_code = 0;
};

/// Renders one report: entry() once per input file, in walk order, returns the text to append;
/// head() and tail() frame the entries once the run is over (JUnit's counts come first).
class ReportRenderer {
 public:
  virtual ~ReportRenderer() = default;
  [[nodiscard]] virtual std::string entry(const app::FileReport& report) = 0;
  [[nodiscard]] virtual std::string head(const RunEnd& end) const = 0;
  [[nodiscard]] virtual std::string tail(const RunEnd& end) const = 0;
};

/// Whether a diagnostic makes the run fail (--fail-on / --ignore, cli/fail_policy.h).
using FailsRun = std::function<bool(const Diagnostic&)>;

/// The renderer of `format`. `fails` marks the diagnostics JUnit reports as failures (the others
/// go to the testcase's system-out); `version` is the tool version SARIF names.
[[nodiscard]] std::unique_ptr<ReportRenderer> make_report_renderer(ReportFormat format, FailsRun fails,
                                                                   const std::string& version);

[[nodiscard]] std::unique_ptr<ReportRenderer> make_junit_renderer(FailsRun fails);
[[nodiscard]] std::unique_ptr<ReportRenderer> make_sarif_renderer(const std::string& version);

}  // namespace specconv::cli
