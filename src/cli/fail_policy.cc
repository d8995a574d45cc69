// --fail-on / --ignore: parsing against the diagnostic code registry, and the decision.
#include "cli/fail_policy.h"

#include <cctype>
#include <string_view>

#include "diag/codes.h"
#include "io/suggest.h"

namespace specconv::cli {
namespace {

/// A known code, or "" with `error` set (did you mean ...?).
bool known_code(const std::string& code, const char* flag, std::string& error) {
  if (diag::find_code(code) != nullptr) return true;
  std::vector<std::string_view> all;
  for (const diag::CodeInfo& c : diag::diagnostic_codes()) all.push_back(c.code);
  error = std::string(flag) + ": \"" + code + "\" is neither error, warning nor a diagnostic code";
  if (auto s = io::did_you_mean(code, all)) error += " (did you mean " + *s + "?)";
  error += "; the codes are listed by `specconv diagnostics`";
  return false;
}

}  // namespace

std::optional<FailPolicy> make_fail_policy(const std::vector<std::string>& fail_on, const std::vector<std::string>& ignore,
                                           std::string& error) {
  FailPolicy p;
  for (std::string v : fail_on) {
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // Warning, ERROR
    if (v == "error") continue;
    if (v == "warning") {
      p.on_warning = true;
      continue;
    }
    if (!known_code(v, "--fail-on", error)) return std::nullopt;
    p.codes.insert(v);
  }
  for (const std::string& v : ignore) {
    if (!known_code(v, "--ignore", error)) return std::nullopt;
    p.ignored.insert(v);
  }
  return p;
}

bool fails(const FailPolicy& policy, const Diagnostic& d) {
  if (d.severity == Severity::kError) return true;
  if (policy.ignored.count(d.code) != 0) return false;
  if (policy.codes.count(d.code) != 0) return true;
  return policy.on_warning && d.severity == Severity::kWarning;
}

}  // namespace specconv::cli
