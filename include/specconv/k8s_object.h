// The Kubernetes side of a conversion as typed objects: what `convert_to_k8s_objects` returns
// and what every output layout (YAML stream, JSON List, `-o DIR` files, later kustomize) is
// written from. No text here: rendering happens at the edge (src/app/k8s_writer.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "specconv/diagnostics.h"

namespace specconv {

/// An object's document. Opaque in the public API (its tree type belongs to the io layer, which
/// this header may not include); the library's writers render it (src/app/k8s_document.h).
struct K8sDocument;

/// One Kubernetes object: its identity and its document.
struct K8sObject {
  std::string api_version;
  std::string kind;
  std::string namespace_name;  // metadata.namespace; empty when none is set
  std::string name;            // metadata.name
  std::shared_ptr<const K8sDocument> document;
};

/// One converted workload and every object that belongs to it, in apply order. An object shared
/// by several workloads (a Service or Ingress the carry restores to each) belongs to the first.
struct K8sWorkload {
  std::string name;                  // DNS name of the workload (output file names)
  std::string namespace_name;        // that of its controller object (Deployment, DaemonSet, ...)
  std::vector<std::string> sources;  // input files it came from
  std::vector<K8sObject> objects;
};

/// Receives the workloads of a run one by one, in input order, each as soon as it is finished
/// (`convert_to_k8s_objects` with a sink): it may render the workload and drop its objects, or
/// keep it until the run is over.
class K8sSink {
 public:
  virtual ~K8sSink() = default;
  virtual void add(K8sWorkload&& workload) = 0;
};

/// Every object of a run, workload by workload in input order.
struct K8sObjects {
  std::vector<K8sWorkload> workloads;
  Diagnostics diagnostics;
  std::vector<std::string> failed_inputs;  // inputs with errors: nothing of theirs is here
  std::vector<std::string> renames_used;   // the ToK8sOptions::renames keys that named a workload
};

}  // namespace specconv
