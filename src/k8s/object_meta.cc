// See object_meta.h.
#include "k8s/object_meta.h"

namespace specconv::k8s {

using io::Node;
using io::str;

Node metadata(const std::string& name, const EmitOptions& opt, bool namespaced) {
  Node m = Node::object();
  m.set("name", str(name));
  if (namespaced && !opt.namespace_name.empty()) m.set("namespace", str(opt.namespace_name));
  return m;
}

Node object(const char* api_version, const char* kind, Node meta) {
  Node o = Node::object();
  o.set("apiVersion", str(api_version));
  o.set("kind", str(kind));
  o.set("metadata", std::move(meta));
  return o;
}

Node selector_labels(const std::string& name) {
  Node l = Node::object();
  l.set(kNameLabel, str(name));
  return l;
}

Node labelled_metadata(const std::string& workload, const std::string& object_name, const EmitOptions& opt,
                       bool namespaced) {
  Node meta = metadata(object_name, opt, namespaced);
  meta.set("labels", selector_labels(workload));
  return meta;
}

}  // namespace specconv::k8s
