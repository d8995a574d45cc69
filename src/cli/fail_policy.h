// When `convert` exits 1: --fail-on error (default), warning, or a list of diagnostic codes, with
// --ignore codes that never count. Errors always fail. Plain data and pure functions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "specconv/diagnostics.h"

namespace specconv::cli {

struct FailPolicy {
  bool on_warning = false;           // --fail-on warning
  std::set<std::string> codes;       // --fail-on CODE,...: any diagnostic with one of these codes
  std::set<std::string> ignored;     // --ignore CODE,...: never counts (errors still fail)
};

/// The policy from the flags' values; a usage error message (naming the closest known code) when
/// a value is neither a severity nor a known diagnostic code.
[[nodiscard]] std::optional<FailPolicy> make_fail_policy(const std::vector<std::string>& fail_on,
                                                         const std::vector<std::string>& ignore, std::string& error);

/// True when `d` makes the run fail under `policy`.
[[nodiscard]] bool fails(const FailPolicy& policy, const Diagnostic& d);

}  // namespace specconv::cli
