// --report-format: the choice of renderer, and the JSON report (docs/cli.md, "Report").
#include "cli/report_format.h"

#include <cctype>

namespace specconv::cli {
namespace {

/// {"files": [ENTRY,\nENTRY...], "totals": {...}}: one entry per line, as report_entry_json writes it.
class JsonReport final : public ReportRenderer {
 public:
  std::string entry(const app::FileReport& report) override {
    std::string text = (any_ ? ",\n" : "\n") + app::report_entry_json(report);
    any_ = true;
    return text;
  }
  std::string head(const RunEnd&) const override { return "{\n\"files\": ["; }
  std::string tail(const RunEnd& end) const override {
    return std::string(any_ ? "\n],\n" : "],\n") + "\"totals\": " + app::report_totals_json(end.totals) + "\n}\n";
  }

 private:
  bool any_ = false;
};

}  // namespace

std::optional<ReportFormat> report_format(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "json") return ReportFormat::kJson;
  if (lower == "junit") return ReportFormat::kJunit;
  if (lower == "sarif") return ReportFormat::kSarif;
  return std::nullopt;
}

std::unique_ptr<ReportRenderer> make_report_renderer(ReportFormat format, FailsRun fails, const std::string& version) {
  switch (format) {
    case ReportFormat::kJunit: return make_junit_renderer(std::move(fails));
    case ReportFormat::kSarif: return make_sarif_renderer(version);
    case ReportFormat::kJson: break;
  }
  return std::make_unique<JsonReport>();
}

}  // namespace specconv::cli
