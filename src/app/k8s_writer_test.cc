// The output layouts: the writers (stream, folder, and a whole-run layout made in the test) get
// the workloads of a run as they are finished, write what the text API writes, render and drop
// each workload as it comes (stream and folder), and leave out what comes from failed inputs.
#include "app/k8s_writer.h"

#include <gtest/gtest.h>

#include "app/k8s_test_inputs.h"
#include "specconv/convert.h"

namespace specconv::app {
namespace {

/// The same inputs through the text API and through a writer.
struct BothWays {
  ConvertResult text;
  std::vector<OutputFile> files;
};

BothWays both_ways(K8sLayout layout, OutputFormat format, const std::set<std::string>& failed = {}) {
  ToK8sOptions o;
  o.format = format;
  const std::unique_ptr<K8sWriter> writer = make_k8s_writer(layout, format);
  const K8sObjects run = convert_to_k8s_objects(two_workloads(), o, *writer);
  EXPECT_TRUE(run.workloads.empty());  // all went to the writer
  return {convert_to_k8s(two_workloads(), o), writer->finish(failed)};
}

TEST(K8sWriterTest, StreamWritesWhatJoinDocumentsJoins) {
  for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
    const BothWays b = both_ways(K8sLayout::kStream, format);
    ASSERT_EQ(b.files.size(), 1u);
    EXPECT_EQ(b.files[0].path, "");
    EXPECT_EQ(b.files[0].text, join_documents(b.text.documents, format));
    EXPECT_EQ(b.files[0].sources, (std::vector<std::string>{"api.json", "api-svc.json", "worker.json"}));
  }
}

TEST(K8sWriterTest, FolderWritesOneFileAWorkloadAsTheTextApiRendersIt) {
  for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
    const BothWays b = both_ways(K8sLayout::kFolder, format);
    ASSERT_EQ(b.files.size(), b.text.documents.size());
    const std::string ext = format == OutputFormat::kJson ? ".json" : ".yaml";
    for (std::size_t i = 0; i < b.files.size(); ++i) {
      EXPECT_EQ(b.files[i].path, b.text.documents[i].name + ext);
      EXPECT_EQ(b.files[i].text, b.text.documents[i].text);
      EXPECT_EQ(b.files[i].sources, b.text.documents[i].sources);
    }
  }
}

TEST(K8sWriterTest, NothingOfAFailedInputIsWritten) {
  for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
    const BothWays stream = both_ways(K8sLayout::kStream, format, {"api-svc.json"});
    ASSERT_EQ(stream.files.size(), 1u);
    EXPECT_EQ(stream.files[0].text, join_documents({stream.text.documents[1]}, format));
    EXPECT_EQ(stream.files[0].sources, (std::vector<std::string>{"worker.json"}));
    const BothWays folder = both_ways(K8sLayout::kFolder, format, {"worker.json"});
    ASSERT_EQ(folder.files.size(), 1u);
    EXPECT_EQ(folder.files[0].workload, "api");
  }
}

TEST(K8sWriterTest, StreamAndFolderKeepNoObjectOfAWorkloadTheyWereGiven) {
  for (K8sLayout layout : {K8sLayout::kStream, K8sLayout::kFolder}) {
    K8sObjects run = convert_to_k8s_objects(two_workloads(), ToK8sOptions{});
    ASSERT_FALSE(run.workloads.empty());
    const std::weak_ptr<const K8sDocument> document = run.workloads[0].objects.at(0).document;
    const std::unique_ptr<K8sWriter> writer = make_k8s_writer(layout, OutputFormat::kYaml);
    writer->add(std::move(run.workloads[0]));
    run.workloads.clear();
    EXPECT_TRUE(document.expired());
    EXPECT_FALSE(writer->finish({}).at(0).text.empty());
  }
}

TEST(K8sWriterTest, EmptyRunStillWritesAnEmptyJsonList) {
  const auto files = make_k8s_writer(K8sLayout::kStream, OutputFormat::kJson)->finish({});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(files[0].text.find("\"items\": []"), std::string::npos);
  EXPECT_EQ(make_k8s_writer(K8sLayout::kStream, OutputFormat::kYaml)->finish({})[0].text, "");
}

/// A layout made outside the library's writers that needs the whole run: a folder a namespace,
/// a file a workload (as a kustomize base would be laid out). It keeps every workload it is given
/// and sees them all at once, grouped, in `finish`.
class NamespaceFolders final : public K8sWriter {
 public:
  void add(K8sWorkload&& workload) override { run_.push_back(std::move(workload)); }

  std::vector<OutputFile> finish(const std::set<std::string>& failed_inputs) override {
    std::size_t objects = 0;
    for (const K8sWorkload& w : run_) objects += w.objects.size();
    EXPECT_EQ(all_objects(run_).size(), objects);
    std::vector<OutputFile> files;
    for (const K8sWorkload& w : run_) {
      if (any_failed(w.sources, failed_inputs)) continue;
      files.push_back({w.namespace_name + "/" + w.name + ".yaml", render_k8s(w.objects, OutputFormat::kYaml), w.name, w.sources});
    }
    return files;
  }

 private:
  std::vector<K8sWorkload> run_;
};

TEST(K8sWriterTest, AWholeRunLayoutGetsEveryObjectGroupedByNamespaceAndWorkload) {
  ToK8sOptions o;
  o.namespace_name = "shop";
  NamespaceFolders writer;
  const K8sObjects run = convert_to_k8s_objects(two_workloads(), o, writer);
  ASSERT_FALSE(run.diagnostics.has_errors());
  const auto files = writer.finish({});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "shop/api.yaml");
  EXPECT_EQ(files[1].path, "shop/worker.yaml");
  EXPECT_EQ(writer.finish({"api.json"}).size(), 1u);
}

}  // namespace
}  // namespace specconv::app
