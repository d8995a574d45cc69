// A workload built from several input files (a service in one, its task definition in another)
// fails as a whole. Every file that fails with it must say why, or a batch report would list a
// file as failed with no diagnostic of its own.
#pragma once

#include <string>
#include <vector>

#include "specconv/diagnostics.h"

namespace specconv::app {

/// For each of `files` with no error of its own in `diags`, adds a `workload-failed` error
/// located at that file which names the first error of the workload and where it was reported.
/// Does nothing when `diags` has no error.
void share_failure(const std::vector<std::string>& files, Diagnostics& diags);

}  // namespace specconv::app
