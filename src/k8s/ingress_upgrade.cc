// The Ingress v1beta1 -> v1 upgrade on io::Node trees (see ingress_upgrade.h).
#include "k8s/ingress_upgrade.h"

#include <utility>
#include <vector>

namespace specconv::k8s {

using io::Node;

namespace {

/// The member `key` of `n` when `n` is an object and that member is one too; else nullptr.
Node* object_member(Node& n, std::string_view key) {
  Node* m = n.is_object() ? n.find(key) : nullptr;
  return m != nullptr && m->is_object() ? m : nullptr;
}

}  // namespace

void upgrade_ingress_backend(Node& backend) {
  const Node* name = backend.find("serviceName");
  if (name == nullptr) return;
  Node service = Node::object();
  service.set("name", *name);
  Node port = Node::object();
  if (const Node* p = backend.find("servicePort")) port.set(p->is_string() ? "name" : "number", *p);
  service.set("port", std::move(port));
  Node v1 = Node::object();
  v1.set("service", std::move(service));
  backend = std::move(v1);
}

void upgrade_ingress_spec(Node& spec) {
  if (!spec.is_object()) return;
  if (Node* b = object_member(spec, "backend")) {
    Node moved = std::move(*b);
    upgrade_ingress_backend(moved);
    std::erase_if(spec.members(), [](const Node::Member& m) { return m.first == "backend"; });
    spec.set("defaultBackend", std::move(moved));
  }
  Node* rules = spec.find("rules");
  if (rules == nullptr || !rules->is_array()) return;
  for (Node& rule : rules->items()) {
    Node* http = object_member(rule, "http");
    Node* paths = http != nullptr ? http->find("paths") : nullptr;
    if (paths == nullptr || !paths->is_array()) continue;
    for (Node& path : paths->items()) {
      if (!path.is_object()) continue;
      if (path.find("pathType") == nullptr) path.set("pathType", Node::string("ImplementationSpecific"));
      if (Node* b = object_member(path, "backend")) upgrade_ingress_backend(*b);
    }
  }
}

}  // namespace specconv::k8s
