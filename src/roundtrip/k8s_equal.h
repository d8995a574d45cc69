// Semantic equality of Kubernetes objects, for the Kubernetes -> ECS -> Kubernetes round trip.
// Two sets of objects (matched by kind + namespace + name) are compared at the io::Node level
// after normalisation: defaults made explicit, quantities by value, maps unordered, lists ordered
// only where Kubernetes gives the order a meaning, server-populated fields and specconv's own
// annotations dropped. The precise definition is in docs/round-trip.md. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "io/tree.h"
#include "specconv/diagnostics.h"

namespace specconv::roundtrip {

/// One Kubernetes object with where it was read from (to match diagnostics of the first
/// conversion against it).
struct K8sObject {
  io::Node doc;
  std::string file;
  int64_t document = -1;   // YAML document index; JSON: array item index, else 0
  std::string pointer;     // JSON pointer of the object inside its document ("" = the root)
};

struct K8sDifference {
  std::string kind;
  std::string namespace_name;
  std::string name;
  std::string path;      // JSON pointer inside the object ("" = the whole object)
  std::string original;  // compact JSON of the original value, "<absent>" when absent
  std::string round_tripped;
  std::string accepted_by;  // the lossy code that accepts it ("" = not accepted)
  [[nodiscard]] std::string describe() const;
};

/// The kinds the round trip covers (others, e.g. ConfigMap, Secret, Namespace, are not output
/// by to-k8s and are not compared).
[[nodiscard]] bool compared_kind(const std::string& kind);

/// Every Kubernetes object of a YAML stream or JSON text (List items flattened), with positions.
[[nodiscard]] std::vector<K8sObject> load_k8s_objects(const std::string& text, const std::string& file);

/// The normalised form compared by compare_k8s (exposed for tests and for `describe`).
[[nodiscard]] io::Node normalize_k8s(const io::Node& object);

/// Differences between `original` and `round_tripped` (compared kinds only).
[[nodiscard]] std::vector<K8sDifference> compare_k8s(const std::vector<K8sObject>& original,
                                                     const std::vector<K8sObject>& round_tripped);

/// (Named apart from the ECS side's LossyCode: one name with two layouts breaks the program.)
struct K8sLossyCode {
  const char* code;
  const char* reason;
  /// True when the code is about a whole object (reported at its root): then it accepts every
  /// difference of that object. Other codes reported at an object's root accept nothing, so a
  /// diagnostic located only at the workload cannot hide field differences.
  bool whole_object = false;
};

/// Diagnostic codes whose report by the first conversion (K8s -> ECS) makes a difference at or
/// below the reported path acceptable. Documented in docs/round-trip.md.
[[nodiscard]] const std::vector<K8sLossyCode>& k8s_lossy_codes();

/// Marks each difference accepted (accepted_by) when a diagnostic of a lossy code was reported
/// on the same object (same file and document) at the difference's path or above it; returns the
/// differences that are NOT accepted.
[[nodiscard]] std::vector<K8sDifference> unaccepted(std::vector<K8sDifference>& differences,
                                                    const std::vector<K8sObject>& original,
                                                    const Diagnostics& first_conversion,
                                                    const std::vector<K8sLossyCode>& table = k8s_lossy_codes());

}  // namespace specconv::roundtrip
