// The output layouts: the writers (stream, folder, and a layout made in the test) get every
// object of a run, grouped by namespace and workload, and write what the text API writes.
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

BothWays both_ways(K8sLayout layout, OutputFormat format) {
  ToK8sOptions o;
  o.format = format;
  return {convert_to_k8s(two_workloads(), o), make_k8s_writer(layout, format)->write(convert_to_k8s_objects(two_workloads(), o).workloads)};
}

TEST(K8sWriterTest, StreamWritesWhatJoinDocumentsJoins) {
  for (OutputFormat format : {OutputFormat::kYaml, OutputFormat::kJson}) {
    const BothWays b = both_ways(K8sLayout::kStream, format);
    ASSERT_EQ(b.files.size(), 1u);
    EXPECT_EQ(b.files[0].path, "");
    EXPECT_EQ(b.files[0].text, join_documents(b.text.documents, format));
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

TEST(K8sWriterTest, EmptyRunStillWritesAnEmptyJsonList) {
  const auto files = make_k8s_writer(K8sLayout::kStream, OutputFormat::kJson)->write({});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(files[0].text.find("\"items\": []"), std::string::npos);
  EXPECT_EQ(make_k8s_writer(K8sLayout::kStream, OutputFormat::kYaml)->write({})[0].text, "");
}

/// A layout made outside the library's writers: a folder a namespace, a file a workload (as a
/// kustomize base would be laid out). It sees every object at once, grouped.
class NamespaceFolders final : public K8sWriter {
 public:
  std::vector<OutputFile> write(const std::vector<K8sWorkload>& workloads) const override {
    std::vector<OutputFile> files;
    for (const K8sWorkload& w : workloads) {
      files.push_back({w.namespace_name + "/" + w.name + ".yaml", render_k8s(w.objects, OutputFormat::kYaml), w.name, w.sources});
    }
    return files;
  }
};

TEST(K8sWriterTest, ANewLayoutGetsEveryObjectGroupedByNamespaceAndWorkload) {
  ToK8sOptions o;
  o.namespace_name = "shop";
  const K8sObjects run = convert_to_k8s_objects(two_workloads(), o);
  std::size_t objects = 0;
  for (const K8sWorkload& w : run.workloads) objects += w.objects.size();
  EXPECT_EQ(all_objects(run.workloads).size(), objects);
  const auto files = NamespaceFolders().write(run.workloads);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "shop/api.yaml");
  EXPECT_EQ(files[1].path, "shop/worker.yaml");
}

}  // namespace
}  // namespace specconv::app
