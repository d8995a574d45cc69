// See shared_failure.h.
#include "app/shared_failure.h"

#include <algorithm>
#include <set>

namespace specconv::app {

void share_failure(const std::vector<std::string>& files, Diagnostics& diags) {
  const auto& all = diags.all();
  const auto first = std::find_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; });
  if (first == all.end()) return;
  std::set<std::string> with_error;
  for (const Diagnostic& d : all) {
    if (d.severity == Severity::kError) with_error.insert(d.location.file);
  }
  const Diagnostic cause = *first;  // copied: reporting below may grow the list
  for (const std::string& f : std::set<std::string>(files.begin(), files.end())) {
    if (with_error.count(f) != 0) continue;
    diags.error("workload-failed", {f, "", 0, 0, -1},
                "nothing is written from this file: the workload it is part of failed with the error reported for " +
                    cause.location.file + " [" + cause.code + "]: " + cause.message);
  }
}

}  // namespace specconv::app
