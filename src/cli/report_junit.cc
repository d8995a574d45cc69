// --report-format junit: one <testsuite> with one <testcase> per input file. A diagnostic that
// makes the run fail (every error; warnings and codes per --fail-on / --ignore) is a <failure>
// whose text is the located diagnostic line (file:line:col: /pointer: severity: message [code]);
// the other diagnostics are the testcase's <system-out>; a file of the other direction than --to
// is <skipped/>. No timings, so two runs over the same inputs write the same bytes.
#include <string>

#include "cli/report_format.h"
#include "diag/render.h"
#include "io/utf8.h"

namespace specconv::cli {
namespace {

/// Whether the UTF-8 sequence at text[i] (of length n) is a character XML 1.0 allows.
bool xml_char(std::string_view text, std::size_t i, std::size_t n) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (n == 1) return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  // U+FFFE and U+FFFF are not characters: EF BF BE, EF BF BF.
  return !(n == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
           static_cast<unsigned char>(text[i + 2]) >= 0xBE);
}

/// `text` as XML character data (attribute values too, where line breaks and tabs are written as
/// references so that attribute normalisation keeps them). Bytes that are not a character XML
/// allows (control characters, broken UTF-8) become U+FFFD.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = io::utf8_sequence_length(text, i);
    if (n == 0 || !xml_char(text, i, n)) {
      out += "\xEF\xBF\xBD";
      i += n == 0 ? 1 : n;
      continue;
    }
    const char c = text[i];
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (attribute && c == '"') out += "&quot;";
    else if (attribute && c == '\n') out += "&#10;";
    else if (attribute && c == '\r') out += "&#13;";
    else if (attribute && c == '\t') out += "&#9;";
    else out.append(text, i, n);
    i += n;
  }
  return out;
}

std::string attribute(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + xml_escape(value, true) + "\"";
}

class JunitReport final : public ReportRenderer {
 public:
  explicit JunitReport(FailsRun fails) : fails_(std::move(fails)) {}

  std::string entry(const app::FileReport& r) override {
    std::string failures;
    std::string out;
    for (const Diagnostic& d : r.diagnostics) {
      const std::string line = diag::render_one(d);
      if (fails_(d)) {
        failures += "      <failure" + attribute("type", d.code) + attribute("message", d.message) + ">" +
                    xml_escape(line, false) + "</failure>\n";
      } else {
        out += line + "\n";
      }
    }
    if (!failures.empty()) ++failed_;
    std::string x = "    <testcase" + attribute("name", r.path) + attribute("classname", std::string("specconv.") + app::to_string(r.direction)) +
                    attribute("file", r.path);
    if (failures.empty() && out.empty() && r.status != app::FileStatus::kSkipped) return x + "/>\n";
    x += ">\n";
    if (r.status == app::FileStatus::kSkipped) x += "      <skipped" + attribute("message", "not converted: other direction than --to") + "/>\n";
    x += failures;
    if (!out.empty()) x += "      <system-out>" + xml_escape(out, false) + "</system-out>\n";
    return x + "    </testcase>\n";
  }

  std::string head(const RunEnd& end) const override {
    const std::string counts = attribute("tests", std::to_string(end.totals.files)) + attribute("failures", std::to_string(failed_)) +
                               attribute("errors", "0") + attribute("skipped", std::to_string(end.totals.skipped));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" + attribute("name", "specconv convert") + counts + ">\n" +
           "  <testsuite" + attribute("name", "specconv convert") + counts + ">\n";
  }

  std::string tail(const RunEnd&) const override { return "  </testsuite>\n</testsuites>\n"; }

 private:
  FailsRun fails_;
  std::size_t failed_ = 0;  // testcases with at least one failure
};

}  // namespace

std::unique_ptr<ReportRenderer> make_junit_renderer(FailsRun fails) { return std::make_unique<JunitReport>(std::move(fails)); }

}  // namespace specconv::cli
