// Golden tests: every folder under tests/golden/<category>/<case>/ is one test, found at run time.
//
// A case folder holds the inputs (every file except the reserved names below), and:
//   args                      optional; one command-line flag per line ("--namespace shop", "--strict")
//   expected.yaml | .json     expected standard output (.json with "--format json" and for k8s-to-ecs;
//   | .tf                     .tf with "--format terraform": the Terraform configuration)
//   expected.diagnostics.txt  expected standard error, exactly (empty file: no diagnostics)
//   expected.exit             expected exit code (0 or 1); default 0, or 1 under errors/
// The binary runs with the case folder as working directory and the input names relative to it,
// so diagnostics hold relative paths and goldens do not depend on where the repository lives.
//
// Categories: ecs-to-k8s/ (specconv to-k8s), errors/ (specconv to-k8s; exit 1, stdout empty),
// k8s-to-ecs/ (specconv to-ecs), and examples/: one case per folder examples/ecs/<name>/ (the
// inputs stay there; the expected files are in tests/golden/examples/<name>/).
//
// UPDATE_GOLDEN=1 rewrites the expected files from the current binary (refused when CI=true):
//   UPDATE_GOLDEN=1 ctest --test-dir build -R GoldenTest
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testutil/golden_case.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::first_difference;
using testutil::case_input_files;
using testutil::read_case_args;
using testutil::env_is;
using testutil::read_file;
using testutil::run_specconv;
using testutil::write_file;

const fs::path kGoldenRoot = fs::path(SPECCONV_TEST_DATA) / "golden";

struct GoldenCase {
  std::string category;  // ecs-to-k8s, errors
  std::string name;      // folder name
  fs::path dir;          // expected files (and args)
  fs::path input_dir;    // inputs; the working directory of the run
};

// How gtest prints a case in failure messages.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.category << "/" << c.name; }

// Test names: category and case with every non-alphanumeric character replaced by '_'.
std::string test_name(const GoldenCase& c) {
  std::string s = c.category + "__" + c.name;
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

std::string subcommand_for(const std::string& category) {
  if (category == "k8s-to-ecs") return "to-ecs";
  return "to-k8s";
}

std::vector<GoldenCase> find_cases() {
  std::vector<GoldenCase> cases;
  std::error_code ec;
  for (const std::string category : {"ecs-to-k8s", "errors", "k8s-to-ecs"}) {
    const fs::path root = kGoldenRoot / category;
    if (!fs::is_directory(root, ec)) continue;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory()) dirs.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) cases.push_back({category, d.filename().string(), d, d});
  }
  // The bundled examples: inputs in examples/ecs/<name>/, expected files in tests/golden/examples/<name>/.
  const fs::path examples = fs::path(SPECCONV_SOURCE_DIR) / "examples" / "ecs";
  if (fs::is_directory(examples, ec)) {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(examples)) {
      // A folder of environments (one subfolder each, e.g. shop-envs/) is tests/kustomize_test.cc's.
      if (e.is_directory() && !fs::exists(e.path() / "task-definition.json")) continue;
      if (e.is_directory()) dirs.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) {
      const std::string name = d.filename().string();
      cases.push_back({"examples", name, kGoldenRoot / "examples" / name, d});
    }
  }
  return cases;
}

std::string build_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "build";
  return exe.parent_path().parent_path().string();  // <build>/tests/unit_tests
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, Matches) {
  const GoldenCase& c = GetParam();
  const std::vector<std::string> inputs = case_input_files(c.input_dir);
  ASSERT_FALSE(inputs.empty()) << c.input_dir << " holds no input files";
  const std::vector<std::string> flags = read_case_args(c.dir);

  std::vector<std::string> argv = {subcommand_for(c.category)};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  const testutil::RunResult r = run_specconv(argv, c.input_dir);

  const bool format_flag = std::find(flags.begin(), flags.end(), "--format") != flags.end();
  const bool json = c.category == "k8s-to-ecs" ||  // to-ecs writes JSON
                    (std::find(flags.begin(), flags.end(), "json") != flags.end() && format_flag);
  const bool terraform = format_flag && (std::find(flags.begin(), flags.end(), "terraform") != flags.end() ||
                                         std::find(flags.begin(), flags.end(), "tf") != flags.end());
  const fs::path out_file = c.dir / (terraform                                          ? "expected.tf"
                                     : fs::exists(c.dir / "expected.json") || json ? "expected.json"
                                                                                   : "expected.yaml");
  const fs::path diag_file = c.dir / "expected.diagnostics.txt";
  const fs::path exit_file = c.dir / "expected.exit";
  const bool is_error_case = c.category == "errors";

  std::string command = "specconv";
  for (const auto& a : argv) command += " " + a;
  const std::string regenerate = "UPDATE_GOLDEN=1 ctest --test-dir " + build_dir() + " -R '/" + test_name(c) + "$'";

  ASSERT_FALSE(r.signaled) << c.category << "/" << c.name << ": specconv crashed (exit " << r.exit_code << ")\n"
                           << "command (in " << c.dir.string() << "): " << command << "\n"
                           << r.err;
  // Never any absolute path of this checkout in the output.
  EXPECT_EQ(r.out.find(c.input_dir.string()), std::string::npos) << "stdout holds the absolute case path";
  EXPECT_EQ(r.err.find(c.input_dir.string()), std::string::npos) << "stderr holds the absolute case path";
  if (is_error_case) {
    EXPECT_EQ(r.exit_code, 1) << c.name << ": error cases must exit 1\n" << r.err;
    EXPECT_EQ(r.out, "") << c.name << ": error cases must print nothing on stdout";
    EXPECT_NE(r.err.find("error:"), std::string::npos) << c.name << ": no error: line\n" << r.err;
  }

  if (env_is("UPDATE_GOLDEN", "1")) {
    if (env_is("CI", "true")) FAIL() << "UPDATE_GOLDEN=1 is refused when CI=true: goldens are regenerated locally";
    fs::create_directories(c.dir);
    if (!is_error_case) write_file(out_file, r.out);
    write_file(diag_file, r.err);
    write_file(exit_file, std::to_string(r.exit_code) + "\n");
    std::cout << "[ updated  ] " << c.category << "/" << c.name << "\n";
    return;
  }

  auto compare = [&](const fs::path& file, const std::string& actual, const char* what) {
    if (!fs::exists(file)) {
      ADD_FAILURE() << c.category << "/" << c.name << ": missing " << file.filename().string() << "\n"
                    << "create it with: " << regenerate;
      return;
    }
    const std::string expected = read_file(file);
    const auto d = first_difference(expected, actual);
    if (d.line != 0) {
      ADD_FAILURE() << c.category << "/" << c.name << ": " << what << " differs from " << file.filename().string()
                    << " at line " << d.line << "\n"
                    << "  expected: " << d.expected << "\n"
                    << "  actual:   " << d.actual << "\n"
                    << "command (in " << fs::relative(c.input_dir, SPECCONV_SOURCE_DIR).string() << "): " << command << "\n"
                    << "if the new output is right, regenerate with: " << regenerate;
    }
  };
  if (!is_error_case) compare(out_file, r.out, "stdout");
  compare(diag_file, r.err, "stderr (diagnostics)");

  int expected_exit = is_error_case ? 1 : 0;
  if (fs::exists(exit_file)) expected_exit = std::stoi(read_file(exit_file));
  EXPECT_EQ(r.exit_code, expected_exit) << c.category << "/" << c.name << ": exit code\n"
                                        << "command: " << command << "\n"
                                        << r.err << "regenerate with: " << regenerate;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(find_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) { return test_name(info.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

// The suite must not silently shrink to nothing (e.g. when the data folder moved).
TEST(GoldenCases, AreFound) {
  const auto cases = find_cases();
  EXPECT_GE(cases.size(), 20u) << "golden cases under " << kGoldenRoot;
  std::set<std::string> categories;
  for (const auto& c : cases) categories.insert(c.category);
  EXPECT_TRUE(categories.count("ecs-to-k8s") && categories.count("errors"));
}

}  // namespace
}  // namespace specconv
