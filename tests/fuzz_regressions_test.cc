// Every input a fuzz target ever failed on (tests/fuzz-regressions/<target>/) is replayed here
// with the same checks as the target, so a fixed crash stays fixed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ecs/bundle.h"
#include "iac/template.h"
#include "io/file.h"
#include "io/json_load.h"
#include "io/yaml_load.h"
#include "io/yaml_write.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cases(const std::string& target) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(SPECCONV_TEST_DATA) / "fuzz-regressions" / target;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(FuzzRegressions, YamlReadWriteReadIsStable) {
  for (const auto& p : cases("fuzz_k8s_yaml")) {
    const std::string text = slurp(p);
    Diagnostics d;
    if (!io::check_text(text, "in", d)) continue;
    const auto loaded = io::load_yaml(text, "in", io::Limits{}, d);
    for (const auto& doc : loaded.documents) {
      Diagnostics d2;
      const auto again = io::load_yaml(io::to_yaml(doc.root), "again", io::Limits{}, d2);
      ASSERT_EQ(again.documents.size(), 1u) << p;
      EXPECT_TRUE(again.documents[0].root == doc.root) << p;
    }
  }
}

TEST(FuzzRegressions, ToK8sOutputReadsBack) {
  for (const auto& p : cases("fuzz_to_k8s")) {
    const std::string text = slurp(p);
    for (bool external : {false, true}) {
      ToK8sOptions o;
      o.external_secrets = external;
      const auto r = convert_to_k8s({{"in.json", text}}, o);
      for (const auto& doc : r.documents) {
        Diagnostics d;
        EXPECT_TRUE(io::load_yaml(doc.text, "out", io::Limits{}, d).ok) << p;
      }
    }
  }
}

TEST(FuzzRegressions, ToEcsOutputReadsBack) {
  for (const auto& p : cases("fuzz_to_ecs")) {
    const auto r = convert_to_ecs({{"in.yaml", slurp(p)}}, ToEcsOptions{});
    for (const auto& doc : r.documents) {
      Diagnostics d;
      EXPECT_TRUE(io::load_json(doc.text, "out", io::Limits{}, d).has_value()) << p;
    }
  }
}

TEST(FuzzRegressions, TemplateReaderReportsAndOutputReadsBack) {
  const auto found = cases("fuzz_template");
  ASSERT_FALSE(found.empty()) << "tests/fuzz-regressions/fuzz_template/ holds the target's findings";
  for (const auto& p : found) {
    const std::string text = slurp(p);
    Diagnostics d;
    const auto loaded = io::load_yaml(text, "in.yaml", io::Limits{}, d, io::YamlTags::kCloudFormation);
    ASSERT_TRUE(loaded.ok) << p;
    ecs::Bundle bundle;
    iac::read_template(loaded.documents.at(0).root, "in.yaml", TemplateInputs{}, io::Limits{}, bundle, d);
    EXPECT_TRUE(d.has_errors()) << p << ": these inputs are not templates";
    const auto r = convert_to_k8s({{"in.yaml", text}}, ToK8sOptions{});
    EXPECT_FALSE(r.failed_inputs.empty()) << p;
    EXPECT_TRUE(r.documents.empty()) << p;
  }
}

TEST(FuzzRegressions, LongLinesWithInnerSpacesAreNotNesting) {
  const std::string line = "command: \"" + std::string(3000, 'x') + std::string(" ") + std::string(3000, 'y') + " z\"\n";
  Diagnostics d;
  EXPECT_TRUE(io::load_yaml("a: 1\n" + line, "in", io::Limits{}, d).ok);
  EXPECT_TRUE(d.empty());
}

}  // namespace
}  // namespace specconv
