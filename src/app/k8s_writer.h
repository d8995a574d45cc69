// The output layouts of the Kubernetes side: one interface, K8sWriter, a K8sSink that is given
// each workload of a run (with its objects and namespace) as soon as the conversion has finished
// it, and at the end returns the files to write as text. The YAML stream and the JSON List
// (standard output) and the `-o DIR` folder (a file per workload) render each workload as it
// comes and drop its objects; a layout that needs the whole run (kustomize base and overlays, a
// Helm chart) keeps the workloads and does its work in `finish`: one more implementation and one
// more K8sLayout, with no change to the conversion. Writers never touch the file system: the
// command line writes what they return.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "specconv/convert.h"

namespace specconv::app {

/// One file of output. `path` is relative to the output folder; empty for standard output.
struct OutputFile {
  std::string path;
  std::string text;
  std::string workload;              // the workload it holds, for diagnostics; empty when several
  std::vector<std::string> sources;  // the input files it was made from
};

/// `add` (K8sSink) is called for each workload of the run, in input order; then `finish` once.
class K8sWriter : public K8sSink {
 public:
  /// The files to write. A workload any of whose sources is in `failed_inputs` (known only when
  /// the run is over, after --strict) has nothing of it written.
  [[nodiscard]] virtual std::vector<OutputFile> finish(const std::set<std::string>& failed_inputs) = 0;
};

/// kStream: every object to standard output, as one YAML stream or one JSON List.
/// kFolder: `<workload><ext>` a workload, each a YAML stream or a JSON List of its objects.
enum class K8sLayout { kStream, kFolder };

[[nodiscard]] std::unique_ptr<K8sWriter> make_k8s_writer(K8sLayout layout, OutputFormat format);

/// Whether any of `sources` failed (what comes from them is not written).
[[nodiscard]] bool any_failed(const std::vector<std::string>& sources, const std::set<std::string>& failed_inputs);

/// The objects of `workloads`, in order (what a stream holds).
[[nodiscard]] std::vector<const K8sObject*> all_objects(const std::vector<K8sWorkload>& workloads);

}  // namespace specconv::app
