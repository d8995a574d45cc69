// The run-wide steps of ECS -> Kubernetes, run workload by workload as the emitter finishes each:
// carry restore, one name per workload, the output check, a failure shared by all of a workload's
// files, de-duplication of objects several workloads carry, and apply order. Each step needs only
// what earlier workloads decided (names taken, shared objects kept, files failed), so a workload
// is done as soon as it is emitted and goes to a K8sSink at once: a stream or folder writer
// renders it and drops its trees, a whole-run layout keeps it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "carry/ecs_carry.h"
#include "io/tree.h"
#include "k8s/emit.h"
#include "specconv/convert.h"
#include "specconv/model/workload.h"

namespace specconv::app {

/// One workload as the emitter made it, before the run-wide steps.
struct EmittedWorkload {
  const model::Workload* workload = nullptr;
  const carry::EcsCarry* kept = nullptr;      // its ECS carry (the Kubernetes carry rides in its dockerLabels)
  std::vector<std::string> files;           // every input file that contributed
  const io::Node* task_definition = nullptr;  // the JSON it was read from, for the carry (may be null)
  k8s::Emitted emitted;
  Diagnostics diagnostics;  // the emitter's; the run-wide steps add theirs
};

/// The run-wide steps of one run. Workloads are given in input order; each one's diagnostics are
/// appended to `diagnostics`, the files of a failed one to `failed`, and a survivor goes to `sink`
/// before `add` returns. The three must outlive the collector.
class K8sCollector {
 public:
  /// `carry` false (--carry none): no specconv.io/ annotations in what is written.
  K8sCollector(Diagnostics& diagnostics, std::set<std::string>& failed, K8sSink& sink, bool carry = true)
      : diagnostics_(diagnostics), failed_(failed), sink_(sink), carry_(carry) {}

  void add(EmittedWorkload&& workload);

 private:
  Diagnostics& diagnostics_;
  std::set<std::string>& failed_;
  K8sSink& sink_;
  bool carry_;
  std::map<std::string, std::string> taken_;  // workload names written, with the --name key that gave each
  std::set<std::string> seen_;   // shareable objects already kept
  std::map<std::string, std::string> routing_;  // Gateway API objects kept: kind/namespace/name -> content
};

}  // namespace specconv::app
