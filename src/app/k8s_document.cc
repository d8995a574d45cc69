// See k8s_document.h.
#include "app/k8s_document.h"

#include <memory>

#include "io/json_write.h"
#include "io/yaml_write.h"

namespace specconv {
namespace app {
namespace {

// The JSON List around the items (as io::to_json writes a List object with an "items" array).
constexpr int kJsonIndent = 2;
constexpr int kJsonItemLevel = 2;  // the List, its "items", an item
constexpr std::string_view kListHead = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": ";
constexpr std::string_view kFirstItem = "[\n    ";
constexpr std::string_view kListTail = "\n  ]\n}\n";
constexpr std::string_view kEmptyItems = "[]\n}\n";

/// Between two documents of a YAML stream, or two items of a JSON List.
std::string_view separator(OutputFormat format) { return format == OutputFormat::kJson ? ",\n    " : "---\n"; }

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
  std::string piece = stream_piece(objects, format);
  if (format != OutputFormat::kJson) return piece;  // a YAML stream of one piece is the piece
  return join_stream({piece}, format);
}

std::string stream_piece(const std::vector<const K8sObject*>& objects, OutputFormat format) {
  std::string out;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (i > 0) out += separator(format);
    const io::Node& doc = objects[i]->document->node;
    out += format == OutputFormat::kJson ? io::to_json(doc, kJsonIndent, kJsonItemLevel) : io::to_yaml(doc);
  }
  return out;
}

std::string join_stream(const std::vector<std::string_view>& pieces, OutputFormat format) {
  std::size_t size = kListHead.size() + kListTail.size();
  for (std::string_view piece : pieces) size += piece.size() + separator(format).size();
  std::string out;
  out.reserve(size);
  if (format == OutputFormat::kJson) out += kListHead;
  bool first = true;
  for (std::string_view piece : pieces) {
    if (piece.empty()) continue;
    out += first ? (format == OutputFormat::kJson ? kFirstItem : std::string_view()) : separator(format);
    out += piece;
    first = false;
  }
  if (format == OutputFormat::kJson) out += first ? kEmptyItems : kListTail;
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
