// The output layouts of the Kubernetes side: one interface, K8sWriter, that gets every object of
// a run at once (grouped by workload, each with its namespace) and returns the files to write as
// text. The YAML stream and the JSON List (standard output) and the `-o DIR` folder (a file per
// workload) implement it; a new layout (kustomize base and overlays, a Helm chart) is one more
// implementation and one more K8sLayout, with no change to the conversion. Writers never touch
// the file system: the command line writes what they return.
#pragma once

#include <memory>
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

class K8sWriter {
 public:
  virtual ~K8sWriter() = default;
  [[nodiscard]] virtual std::vector<OutputFile> write(const std::vector<K8sWorkload>& workloads) const = 0;
};

/// kStream: every object to standard output, as one YAML stream or one JSON List.
/// kFolder: `<workload><ext>` a workload, each a YAML stream or a JSON List of its objects.
enum class K8sLayout { kStream, kFolder };

[[nodiscard]] std::unique_ptr<K8sWriter> make_k8s_writer(K8sLayout layout, OutputFormat format);

/// The objects of `workloads`, in order (what a stream holds).
[[nodiscard]] std::vector<const K8sObject*> all_objects(const std::vector<K8sWorkload>& workloads);

}  // namespace specconv::app
