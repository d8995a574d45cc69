// The run-wide steps of ECS -> Kubernetes, after every workload is emitted: carry restore,
// one name per workload, the output check, a failure shared by all of a workload's files,
// de-duplication of objects several workloads carry, and apply order. They run over the whole
// collection, in one pass after the emitter's loop (each workload's trees are worked on while in
// cache), so the result holds every object of the run at once.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "io/tree.h"
#include "k8s/emit.h"
#include "specconv/convert.h"
#include "specconv/model/workload.h"

namespace specconv::app {

/// One workload as the emitter made it, before the run-wide steps.
struct EmittedWorkload {
  const model::Workload* workload = nullptr;
  std::vector<std::string> files;           // every input file that contributed
  const io::Node* task_definition = nullptr;  // the JSON it was read from, for the carry (may be null)
  k8s::Emitted emitted;
  Diagnostics diagnostics;  // the emitter's; the run-wide steps add theirs
};

/// Runs the steps over `workloads` (in input order) and appends the survivors to `out.workloads`,
/// every workload's diagnostics to `out.diagnostics` (in input order), and the files of failed
/// workloads to `failed`.
void collect_k8s_objects(std::vector<EmittedWorkload> workloads, K8sObjects& out, std::set<std::string>& failed);

}  // namespace specconv::app
