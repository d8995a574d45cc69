// The registry of diagnostic codes: every code the library reports, with its usual severity
// and one line on what it means. docs/diagnostics.md is generated from it (`specconv
// diagnostics`), and a unit test checks that the code base uses exactly these codes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "specconv/diagnostics.h"

namespace specconv::diag {

struct CodeInfo {
  std::string_view code;
  Severity severity;        // the usual severity (--strict turns warnings into errors)
  std::string_view area;    // input, ecs-to-k8s, k8s-to-ecs, output
  std::string_view meaning;
};

[[nodiscard]] const std::vector<CodeInfo>& diagnostic_codes();
[[nodiscard]] const CodeInfo* find_code(std::string_view code);

/// docs/diagnostics.md
[[nodiscard]] std::string diagnostics_markdown();

}  // namespace specconv::diag
