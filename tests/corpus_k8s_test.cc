// Corpus test, Kubernetes -> ECS: every real-world manifest under tests/corpus/k8s/ (copies of the
// shared corpus, provenance in tests/corpus/SOURCES.md) runs through `specconv to-ecs` in every
// format (json, cfn, api, terraform; Fargate and EC2): exit 0, or exit 1 with an `error:` line. Never another
// exit code, never a crash; stdout parses (JSON, or YAML for cfn) whenever it is non-empty, and
// is non-empty on exit 0 unless the file holds no workload, ConfigMap or Secret. Schema
// validation of the outputs (validate-ecs, validate-cfn) is done by .ci/run.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

const fs::path kK8sCorpus = fs::path(SPECCONV_TEST_DATA) / "corpus";

std::vector<std::string> k8s_files() {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(kK8sCorpus / "k8s", ec)) return files;
  for (const auto& e : fs::recursive_directory_iterator(kK8sCorpus / "k8s")) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
      files.push_back(fs::relative(e.path(), kK8sCorpus).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string k8s_test_name(const std::string& file) {
  std::string s = file;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

void check_run(const std::string& what, const testutil::RunResult& r, const std::string& format) {
  ASSERT_FALSE(r.signaled) << what << ": crashed (signal " << (r.exit_code - 128) << ")\n" << r.err;
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << what << ": exit code " << r.exit_code << "\n" << r.err;
  if (r.exit_code == 1) {
    EXPECT_NE(r.err.find("error:"), std::string::npos) << what << ": exit 1 without an error: line\n" << r.err;
  } else {
    EXPECT_EQ(r.err.find("error:"), std::string::npos) << what << ": exit 0 with an error: line\n" << r.err;
  }
  if (r.out.empty()) return;
  if (format == "cfn") {
    EXPECT_NO_THROW((void)YAML::LoadAll(r.out)) << what << ": stdout is not YAML";
  } else if (format == "terraform") {
    // HCL: checked by terraform itself in terraform_validate_test.cc.
    EXPECT_EQ(r.out.rfind("# ", 0), 0u) << what << ": stdout is not a specconv Terraform configuration";
  } else {
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << what << ": stdout is not JSON";
  }
}

class CorpusK8sTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusK8sTest, ConvertsOrIsRejectedWithADiagnostic) {
  const std::string& file = GetParam();
  for (const char* format : {"json", "cfn", "api", "terraform"}) {
    for (const char* launch : {"FARGATE", "EC2"}) {
      const std::string what = file + " (--format " + format + " --launch-type " + launch + ")";
      check_run(what, testutil::run_specconv({"to-ecs", "--format", format, "--launch-type", launch, file}, kK8sCorpus), format);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(CorpusK8s, CorpusK8sTest, ::testing::ValuesIn(k8s_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return k8s_test_name(info.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CorpusK8sTest);

TEST(CorpusK8sFiles, AreFound) { EXPECT_GE(k8s_files().size(), 40u) << "expected the Kubernetes corpus under " << kK8sCorpus; }

// All at once, as one cluster: still 0 or 1, no crash, in every format.
TEST(CorpusK8sFiles, ConvertTogether) {
  for (const char* format : {"json", "cfn", "api", "terraform"}) {
    check_run(std::string("whole corpus, ") + format, testutil::run_specconv({"to-ecs", "--format", format, "k8s"}, kK8sCorpus),
              format);
  }
}

}  // namespace
}  // namespace specconv
