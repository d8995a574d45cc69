// See renames.h.
#include "app/renames.h"

namespace specconv::app {

void warn_unused_renames(const std::map<std::string, std::string>& renames, const std::set<std::string>& used,
                         const std::string& scope, Diagnostics& diags) {
  for (const auto& [old_name, new_name] : renames) {
    if (used.count(old_name) == 0) {
      diags.warning("unused-rename", {"--name", "", 0, 0, -1},
                    "--name " + old_name + "=" + new_name + ": no workload of " + scope + " is named " + old_name);
    }
  }
}

}  // namespace specconv::app
