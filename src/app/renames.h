// --name OLD=NEW, as every command that takes it reports the names it did not use.
#pragma once

#include <map>
#include <set>
#include <string>

#include "specconv/diagnostics.h"

namespace specconv::app {

/// A warning (unused-rename) for each OLD of `renames` not in `used` (a typo, or a name of
/// another run); `scope` says where no workload had it ("this run", "any environment").
void warn_unused_renames(const std::map<std::string, std::string>& renames, const std::set<std::string>& used,
                         const std::string& scope, Diagnostics& diags);

}  // namespace specconv::app
