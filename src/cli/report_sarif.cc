// --report-format sarif: a SARIF 2.1.0 log with one run. Each diagnostic is one result: ruleId
// the diagnostic code (ruleIndex into tool.driver.rules, which lists the codes used, in order of
// first use, with the registry's description and usual severity), level its severity (SARIF's
// error, warning and note are specconv's severity names), the location its file as a URI
// reference with startLine/startColumn when known, and the JSON pointer (and YAML document) in
// the result's property bag. Results are streamed; the tool object and the invocation (exit
// code) close the run.
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "cli/report_format.h"
#include "diag/codes.h"
#include "io/json_write.h"
#include "io/tree.h"

namespace specconv::cli {
namespace {

using io::Node;

/// A path as a URI reference: unreserved characters and '/' as they are, every other byte
/// percent-encoded (so ':' in a file name is not read as a scheme); an absolute path is a
/// file:// URI.
std::string uri_reference(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Node text_message(const std::string& text) {
  Node m = Node::object();
  m.set("text", Node::string(text));
  return m;
}

Node location(const Diagnostic& d, const std::string& fallback_file) {
  Node artifact = Node::object();
  artifact.set("uri", Node::string(uri_reference(d.location.file.empty() ? fallback_file : d.location.file)));
  Node physical = Node::object();
  physical.set("artifactLocation", std::move(artifact));
  if (d.location.line > 0) {
    Node region = Node::object();
    region.set("startLine", Node::integer(d.location.line));
    if (d.location.column > 0) region.set("startColumn", Node::integer(d.location.column));
    physical.set("region", std::move(region));
  }
  Node loc = Node::object();
  loc.set("physicalLocation", std::move(physical));
  return loc;
}

Node rule(const std::string& code) {
  Node r = Node::object();
  r.set("id", Node::string(code));
  if (const diag::CodeInfo* info = diag::find_code(code)) {
    r.set("shortDescription", text_message(std::string(info->meaning)));
    Node config = Node::object();
    config.set("level", Node::string(to_string(info->severity)));
    r.set("defaultConfiguration", std::move(config));
    Node props = Node::object();
    props.set("area", Node::string(std::string(info->area)));
    r.set("properties", std::move(props));
  }
  return r;
}

class SarifReport final : public ReportRenderer {
 public:
  explicit SarifReport(std::string version) : version_(std::move(version)) {}

  std::string entry(const app::FileReport& r) override {
    std::string text;
    for (const Diagnostic& d : r.diagnostics) {
      text += (results_++ > 0 ? ",\n" : "\n") + io::to_json(result(d, r.path), -1);
    }
    return text;
  }

  std::string head(const RunEnd&) const override {
    return "{\n\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
           "\"version\": \"2.1.0\",\n\"runs\": [{\n\"results\": [";
  }

  std::string tail(const RunEnd& end) const override {
    Node driver = Node::object();
    driver.set("name", Node::string("specconv"));
    driver.set("version", Node::string(version_));
    Node rules = Node::array();
    for (const std::string& code : rules_) rules.push(rule(code));
    driver.set("rules", std::move(rules));
    Node tool = Node::object();
    tool.set("driver", std::move(driver));
    Node invocation = Node::object();
    invocation.set("executionSuccessful", Node::boolean(true));
    invocation.set("exitCode", Node::integer(end.exit_code));
    return std::string(results_ > 0 ? "\n],\n" : "],\n") + "\"tool\": " + io::to_json(tool, -1) +
           ",\n\"invocations\": [" + io::to_json(invocation, -1) + "]\n}]\n}\n";
  }

 private:
  Node result(const Diagnostic& d, const std::string& file) {
    auto [it, added] = rule_index_.emplace(d.code, rules_.size());
    if (added) rules_.push_back(d.code);
    Node res = Node::object();
    res.set("ruleId", Node::string(d.code));
    res.set("ruleIndex", Node::integer(static_cast<int64_t>(it->second)));
    res.set("level", Node::string(to_string(d.severity)));
    res.set("message", text_message(d.message));
    Node locations = Node::array();
    locations.push(location(d, file));
    res.set("locations", std::move(locations));
    Node props = Node::object();
    props.set("jsonPointer", Node::string(d.location.pointer));
    if (d.location.document >= 0) props.set("document", Node::integer(d.location.document));
    res.set("properties", std::move(props));
    return res;
  }

  std::string version_;
  std::size_t results_ = 0;
  std::vector<std::string> rules_;                  // codes in order of first use
  std::map<std::string, std::size_t> rule_index_;  // code -> index in rules_
};

}  // namespace

std::unique_ptr<ReportRenderer> make_sarif_renderer(const std::string& version) { return std::make_unique<SarifReport>(version); }

}  // namespace specconv::cli
