// Terraform corpus test: the state and the saved plan of every configuration of the shared corpus
// (../shared/corpus/ecs/terraform/, real configurations applied on moto) convert with exit 0, and
// what they write passes `specconv validate` and, where the shared validators are installed,
// validate-k8s. Skipped, visibly, when the shared corpus is not there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

const fs::path kTerraformShared = fs::path(SPECCONV_SOURCE_DIR) / ".." / "shared";
const fs::path kTerraformCases = kTerraformShared / "corpus" / "ecs" / "terraform";

std::vector<std::string> terraform_files() {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(kTerraformCases, ec)) return {"(absent)"};
  for (const auto& e : fs::directory_iterator(kTerraformCases)) {
    if (!e.is_directory() || e.path().filename().string().front() == '_') continue;
    for (const char* name : {"state.json", "plan.json"}) {
      if (fs::exists(e.path() / name)) files.push_back(e.path().filename().string() + "/" + name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class TerraformCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(TerraformCorpus, ConvertsToObjectsThatValidate) {
  if (GetParam() == "(absent)") GTEST_SKIP() << "no shared corpus at " << kTerraformCases;
  testutil::TempDir dir;
  const fs::path out = dir.path() / "out";
  const testutil::RunResult r = testutil::run_specconv({"to-k8s", "-q", GetParam(), "-o", out.string()}, kTerraformCases);
  ASSERT_FALSE(r.signaled) << r.err;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("error:"), std::string::npos) << r.err;
  std::vector<std::string> written;
  for (const auto& e : fs::directory_iterator(out)) written.push_back(e.path().string());
  ASSERT_FALSE(written.empty());
  std::vector<std::string> validate = {"validate"};
  validate.insert(validate.end(), written.begin(), written.end());
  const testutil::RunResult v = testutil::run_specconv(validate);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  const fs::path validate_k8s = kTerraformShared / "tools" / "validate-k8s";
  if (!fs::exists(validate_k8s)) return;  // the shared validators are optional here
  const testutil::RunResult k = testutil::run_process(validate_k8s.string(), {out.string()});
  EXPECT_TRUE(k.exit_code == 0 || k.exit_code == 2) << k.out << k.err;  // 2: validators not installed
}

std::string terraform_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Corpus, TerraformCorpus, ::testing::ValuesIn(terraform_files()), terraform_test_name);

}  // namespace
}  // namespace specconv
