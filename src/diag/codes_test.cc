// The registry and the code base agree: every code reported somewhere in src/ is registered
// (so docs/diagnostics.md lists it), and every registered code is still used.
#include "diag/codes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace specconv::diag {
namespace {

std::set<std::string> codes_used_in_sources() {
  // error("code", ...), warning(key, "code", ...), fail(node, path, "code", ...),
  // {Severity::kError, "code", ...} and cond ? "code-a" : "code-b".
  const std::regex call(R"re(\b(?:error|warning|note|fail|limit_error)\(\s*(?:(?:[^,()"]+|"[^"]*")\s*,\s*){0,2}"([a-z0-9]+(?:-[a-z0-9]+)+)")re");
  const std::regex braced(R"re(\{\s*(?:Severity::k\w+|severity|sev)\s*,\s*"([a-z0-9]+(?:-[a-z0-9]+)+)")re");
  const std::regex ternary(R"re(\?\s*"([a-z0-9]+(?:-[a-z0-9]+)+)"\s*:\s*"([a-z0-9]+(?:-[a-z0-9]+)+)")re");
  std::set<std::string> found;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(SPECCONV_SOURCE_DIR) + "/src")) {
    const std::string path = e.path().string();
    if (e.path().extension() != ".cc" || path.find("_test.cc") != std::string::npos) continue;
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (const std::regex* re : {&call, &braced, &ternary}) {
      for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it) {
        for (std::size_t g = 1; g < it->size(); ++g) {
          if ((*it)[g].matched) found.insert((*it)[g].str());
        }
      }
    }
  }
  return found;
}

TEST(DiagnosticCodesTest, EveryReportedCodeIsRegistered) {
  for (const std::string& code : codes_used_in_sources()) {
    EXPECT_NE(find_code(code), nullptr) << "code \"" << code << "\" is reported but not in src/diag/codes.cc";
  }
}

TEST(DiagnosticCodesTest, EveryRegisteredCodeIsUsed) {
  const std::set<std::string> used = codes_used_in_sources();
  for (const CodeInfo& c : diagnostic_codes()) {
    EXPECT_TRUE(used.count(std::string(c.code)) != 0) << "code \"" << c.code << "\" is registered but never reported";
  }
}

TEST(DiagnosticCodesTest, CodesAreUniqueAndDocumented) {
  std::set<std::string_view> seen;
  for (const CodeInfo& c : diagnostic_codes()) {
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_FALSE(c.meaning.empty()) << c.code;
    EXPECT_NE(diagnostics_markdown().find("`" + std::string(c.code) + "`"), std::string::npos) << c.code;
  }
}

}  // namespace
}  // namespace specconv::diag
