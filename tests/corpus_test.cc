// Corpus test: every real-world ECS file under tests/corpus/ecs/ (copies of the shared corpus,
// provenance in tests/corpus/SOURCES.md) converts with exit 0, or is rejected with exit 1 and an
// `error:` line. Never another exit code, never a crash; stdout is non-empty exactly when the
// exit code is 0. Validation of the output against the Kubernetes schemas is done by .ci/run.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

const fs::path kEcsCorpus = fs::path(SPECCONV_TEST_DATA) / "corpus";

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(kEcsCorpus / "ecs", ec)) return files;
  for (const auto& e : fs::recursive_directory_iterator(kEcsCorpus / "ecs")) {
    if (e.is_regular_file() && e.path().extension() == ".json") {
      files.push_back(fs::relative(e.path(), kEcsCorpus).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ecs_test_name(const std::string& file) {
  std::string s = file;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

void check_run(const std::string& what, const testutil::RunResult& r, bool single_file) {
  ASSERT_FALSE(r.signaled) << what << ": crashed (signal " << (r.exit_code - 128) << ")\n" << r.err;
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << what << ": exit code " << r.exit_code << "\n" << r.err;
  if (r.exit_code == 1) {
    EXPECT_NE(r.err.find("error:"), std::string::npos) << what << ": exit 1 without an error: line\n" << r.err;
  } else {
    EXPECT_EQ(r.err.find("error:"), std::string::npos) << what << ": exit 0 with an error: line\n" << r.err;
  }
  if (single_file) {
    EXPECT_EQ(r.out.empty(), r.exit_code != 0) << what << ": stdout must be non-empty exactly when exit is 0\n"
                                               << r.err;
  }
  if (!r.out.empty()) {
    EXPECT_NO_THROW((void)YAML::LoadAll(r.out)) << what << ": stdout is not YAML";
  }
}

class CorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusTest, ConvertsOrIsRejectedWithADiagnostic) {
  const std::string& file = GetParam();
  check_run(file, testutil::run_specconv({"to-k8s", file}, kEcsCorpus), true);
  check_run(file + " (external-secrets)", testutil::run_specconv({"to-k8s", "--secrets", "external-secrets", file}, kEcsCorpus),
            true);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(corpus_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return ecs_test_name(info.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CorpusTest);

TEST(CorpusFiles, AreFound) {
  EXPECT_GE(corpus_files().size(), 60u) << "expected the ECS corpus under " << kEcsCorpus;
}

// All at once (services may pair with task definitions of other files): still 0 or 1, no crash.
TEST(CorpusFiles, ConvertTogether) {
  std::vector<std::string> args = {"to-k8s", "ecs"};
  check_run("whole corpus", testutil::run_specconv(args, kEcsCorpus), false);
}

}  // namespace
}  // namespace specconv
