// See k8s_writer.h.
#include "app/k8s_writer.h"

#include "app/batch.h"
#include "app/k8s_document.h"

namespace specconv::app {
namespace {

/// Everything as one document on standard output.
class StreamWriter final : public K8sWriter {
 public:
  explicit StreamWriter(OutputFormat format) : format_(format) {}
  std::vector<OutputFile> write(const std::vector<K8sWorkload>& workloads) const override {
    OutputFile f;
    f.text = render_objects(all_objects(workloads), format_);
    for (const K8sWorkload& w : workloads) f.sources.insert(f.sources.end(), w.sources.begin(), w.sources.end());
    return {std::move(f)};
  }

 private:
  OutputFormat format_;
};

/// A file a workload, named after it.
class FolderWriter final : public K8sWriter {
 public:
  explicit FolderWriter(OutputFormat format) : format_(format) {}
  std::vector<OutputFile> write(const std::vector<K8sWorkload>& workloads) const override {
    const std::string ext = format_ == OutputFormat::kJson ? ".json" : ".yaml";
    std::vector<OutputFile> files;
    files.reserve(workloads.size());
    for (const K8sWorkload& w : workloads) {
      files.push_back({safe_file_name(w.name) + ext, render_objects(object_refs(w.objects), format_), w.name, w.sources});
    }
    return files;
  }

 private:
  OutputFormat format_;
};

}  // namespace

std::vector<const K8sObject*> all_objects(const std::vector<K8sWorkload>& workloads) {
  std::vector<const K8sObject*> out;
  for (const K8sWorkload& w : workloads) {
    for (const K8sObject& o : w.objects) out.push_back(&o);
  }
  return out;
}

std::unique_ptr<K8sWriter> make_k8s_writer(K8sLayout layout, OutputFormat format) {
  switch (layout) {
    case K8sLayout::kFolder: return std::make_unique<FolderWriter>(format);
    case K8sLayout::kStream: break;
  }
  return std::make_unique<StreamWriter>(format);
}

}  // namespace specconv::app
