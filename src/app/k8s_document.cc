// See k8s_document.h.
#include "app/k8s_document.h"

#include <memory>

#include "io/json_write.h"
#include "io/yaml_write.h"

namespace specconv {
namespace app {
namespace {

std::string text_at(const io::Node& doc, const char* key) {
  const io::Node* n = doc.is_object() ? doc.find(key) : nullptr;
  return n != nullptr && n->is_string() ? n->text() : std::string();
}

}  // namespace

K8sObject make_k8s_object(k8s::Object&& emitted) {
  K8sObject o;
  o.api_version = text_at(emitted.doc, "apiVersion");
  o.kind = std::move(emitted.kind);
  if (const io::Node* md = emitted.doc.is_object() ? emitted.doc.find("metadata") : nullptr) {
    o.namespace_name = text_at(*md, "namespace");
  }
  o.name = std::move(emitted.name);
  o.document = std::make_shared<const K8sDocument>(K8sDocument{std::move(emitted.doc)});
  return o;
}

std::vector<const K8sObject*> object_refs(const std::vector<K8sObject>& objects) {
  std::vector<const K8sObject*> out;
  out.reserve(objects.size());
  for (const K8sObject& o : objects) out.push_back(&o);
  return out;
}

std::string render_objects(const std::vector<const K8sObject*>& objects, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    io::Node list = io::Node::object();
    list.set("apiVersion", io::str("v1"));
    list.set("kind", io::str("List"));
    io::Node items = io::Node::array();
    for (const K8sObject* o : objects) items.push(o->document->node);
    list.set("items", std::move(items));
    return io::to_json(list, 2) + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (i > 0) out += "---\n";
    out += io::to_yaml(objects[i]->document->node);
  }
  return out;
}

}  // namespace app

std::string render_k8s(const std::vector<K8sObject>& objects, OutputFormat format) {
  return app::render_objects(app::object_refs(objects), format);
}

std::string join_documents(const std::vector<OutputDocument>& docs, OutputFormat format) {
  if (format == OutputFormat::kJson) {  // one List of every document's objects
    std::vector<const K8sObject*> all;
    for (const OutputDocument& d : docs) {
      for (const K8sObject& o : d.objects) all.push_back(&o);
    }
    return app::render_objects(all, format);
  }
  std::string out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) out += "---\n";
    out += docs[i].text;
  }
  return out;
}

}  // namespace specconv
