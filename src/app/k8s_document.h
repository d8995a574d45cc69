// The document behind a specconv::K8sObject (an io::Node tree, opaque in the public API), how an
// emitted k8s::Object becomes a typed K8sObject, and how objects are rendered: a YAML stream or
// a JSON List, whole or a workload at a time. The one place a K8sObject is turned into text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/tree.h"
#include "k8s/emit.h"
#include "specconv/convert.h"

namespace specconv {

struct K8sDocument {
  io::Node node;
};

namespace app {

/// The object with its identity read from its document (apiVersion, metadata.namespace).
[[nodiscard]] K8sObject make_k8s_object(k8s::Object&& emitted);

/// Pointers to `objects`, in order (what render_objects takes).
[[nodiscard]] std::vector<const K8sObject*> object_refs(const std::vector<K8sObject>& objects);

/// `objects` as one YAML stream (`---` between documents) or one JSON List.
[[nodiscard]] std::string render_objects(const std::vector<const K8sObject*>& objects, OutputFormat format);

/// `objects` (one workload's) as a piece of a stream: YAML documents with `---` between them, or
/// JSON List items indented as items; empty when there are none. join_stream makes of pieces
/// exactly what render_objects makes of all their objects, so a stream can be rendered a workload
/// at a time and each workload's trees dropped.
[[nodiscard]] std::string stream_piece(const std::vector<const K8sObject*>& objects, OutputFormat format);

/// Pieces (stream_piece) as one YAML stream or one JSON List; empty pieces add nothing.
[[nodiscard]] std::string join_stream(const std::vector<std::string_view>& pieces, OutputFormat format);

}  // namespace app
}  // namespace specconv
