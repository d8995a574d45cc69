// CloudFormation corpus test: every template of the shared corpus (../shared/corpus/ecs/cloudformation/,
// real `cdk synth` snapshots and hand-written templates) converts with exit 0 and YAML on stdout,
// or is rejected with exit 1 and an error located in the template (file:line:col). Skipped, visibly,
// when the shared corpus is not there.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

const fs::path kTemplates = fs::path(SPECCONV_SOURCE_DIR) / ".." / "shared" / "corpus" / "ecs" / "cloudformation";

std::vector<std::string> templates() {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(kTemplates, ec)) return {"(absent)"};
  for (const auto& e : fs::directory_iterator(kTemplates)) {
    if (e.is_regular_file()) files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CloudFormationCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(CloudFormationCorpus, ConvertsOrIsRejectedWithALocatedError) {
  if (GetParam() == "(absent)") GTEST_SKIP() << "no shared corpus at " << kTemplates;
  const testutil::RunResult r = testutil::run_specconv({"to-k8s", GetParam()}, kTemplates);
  ASSERT_FALSE(r.signaled) << r.err;
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.err;
  if (r.exit_code == 0) {
    EXPECT_FALSE(r.out.empty()) << r.err;
    EXPECT_EQ(r.err.find("error:"), std::string::npos) << r.err;
    EXPECT_NO_THROW((void)YAML::LoadAll(r.out));
  } else {
    EXPECT_TRUE(r.out.empty());
    const std::regex located("(^|\\n)[^\\n]+:[0-9]+:[0-9]+: [^\\n]*error:");
    EXPECT_TRUE(std::regex_search(r.err, located)) << "an error without file:line:col\n" << r.err;
  }
}

std::string cfn_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CloudFormationCorpus, ::testing::ValuesIn(templates()), cfn_test_name);

}  // namespace
}  // namespace specconv
