// See k8s_writer.h.
#include "app/k8s_writer.h"

#include <algorithm>
#include <string_view>

#include "app/batch.h"
#include "app/k8s_document.h"

namespace specconv::app {
namespace {

/// Everything as one document on standard output, rendered a workload at a time: what a
/// workload adds to the stream is kept as text, and joined at the end without the failed ones.
class StreamWriter final : public K8sWriter {
 public:
  explicit StreamWriter(OutputFormat format) : format_(format) {}

  void add(K8sWorkload&& workload) override {
    pieces_.push_back({std::move(workload.sources), stream_piece(object_refs(workload.objects), format_)});
  }

  std::vector<OutputFile> finish(const std::set<std::string>& failed_inputs) override {
    OutputFile f;
    std::vector<std::string_view> written;
    written.reserve(pieces_.size());
    for (const Piece& p : pieces_) {
      if (any_failed(p.sources, failed_inputs)) continue;
      written.emplace_back(p.text);
      f.sources.insert(f.sources.end(), p.sources.begin(), p.sources.end());
    }
    f.text = join_stream(written, format_);
    pieces_.clear();
    return {std::move(f)};
  }

 private:
  struct Piece {
    std::vector<std::string> sources;
    std::string text;
  };
  OutputFormat format_;
  std::vector<Piece> pieces_;
};

/// A file a workload, named after it, rendered as the workload comes.
class FolderWriter final : public K8sWriter {
 public:
  explicit FolderWriter(OutputFormat format) : format_(format) {}

  void add(K8sWorkload&& workload) override {
    const std::string ext = format_ == OutputFormat::kJson ? ".json" : ".yaml";
    files_.push_back({safe_file_name(workload.name) + ext, render_objects(object_refs(workload.objects), format_),
                      std::move(workload.name), std::move(workload.sources)});
  }

  std::vector<OutputFile> finish(const std::set<std::string>& failed_inputs) override {
    std::vector<OutputFile> files;
    files.reserve(files_.size());
    for (OutputFile& f : files_) {
      if (!any_failed(f.sources, failed_inputs)) files.push_back(std::move(f));
    }
    files_.clear();
    return files;
  }

 private:
  OutputFormat format_;
  std::vector<OutputFile> files_;
};

}  // namespace

bool any_failed(const std::vector<std::string>& sources, const std::set<std::string>& failed_inputs) {
  return std::any_of(sources.begin(), sources.end(), [&](const std::string& s) { return failed_inputs.count(s) != 0; });
}

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
