// The Terraform output checked by Terraform itself: every to-ecs golden input
// (tests/golden/k8s-to-ecs/<case>/, with its flags, the format made terraform), every
// Kubernetes example (examples/k8s/<name>/), and the Kubernetes corpus (tests/corpus/k8s/) as
// one cluster and file by file on Fargate and on EC2 (what of it converts) is converted with `--format terraform -o DIR`, and
// each namespace's module must pass `terraform validate` with the real AWS provider (from the
// local mirror /opt/tf-plugins, no download) and `terraform fmt -check`. Skipped, saying why,
// where `terraform` is not on PATH or the mirror is absent. One root module calls every module
// written (placeholders for the variables without a default): one `terraform init` and one
// `terraform validate` check them all, which keeps the test within seconds.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/hcl_write.h"
#include "testutil/golden_case.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::run_process;

const fs::path kMirror = "/opt/tf-plugins";

std::string on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / program;
    std::error_code ec;
    if (end > start && fs::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  return "";
}

/// A case: its folder (the working directory), its inputs and the flags it converts with.
struct TfCase {
  std::string name;
  fs::path dir;
  std::vector<std::string> inputs;
  std::vector<std::string> flags;
  bool writes = true;  // a module must be written when the conversion succeeds
};

std::vector<std::string> terraform_flags(std::vector<std::string> flags) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (flags[i] == "--format") {
      ++i;  // its value
      continue;
    }
    out.push_back(flags[i]);
  }
  out.insert(out.begin(), {"--format", "terraform"});
  return out;
}

/// The golden to-ecs inputs and the Kubernetes examples; cases that differ only in --format once.
std::vector<TfCase> tf_cases() {
  std::vector<TfCase> all;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, const fs::path& dir) {
    const std::vector<std::string> flags = terraform_flags(testutil::read_case_args(dir));
    std::string key;
    for (const auto& f : testutil::case_input_files(dir)) key += testutil::read_file(dir / f) + "\n\x1f";
    for (const auto& f : flags) key += f + "\x1f";
    if (seen.insert(key).second) all.push_back({name, dir, testutil::case_input_files(dir), flags});
  };
  for (const char* root : {SPECCONV_TEST_DATA "/golden/k8s-to-ecs", SPECCONV_SOURCE_DIR "/examples/k8s"}) {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory()) dirs.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) add(d.filename().string(), d);
  }
  // The Kubernetes corpus as one cluster, then each file alone on Fargate and on EC2: what of it
  // converts (a file without a workload writes no module).
  const fs::path corpus = SPECCONV_TEST_DATA "/corpus";
  all.push_back({"corpus", corpus, {"k8s"}, {"--format", "terraform"}, false});
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus / "k8s")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
      files.push_back(fs::relative(e.path(), corpus).string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    for (const char* launch : {"FARGATE", "EC2"}) {
      all.push_back({io::hcl_identifier(file) + "_" + launch, corpus, {file}, {"--format", "terraform", "--launch-type", launch}, false});
    }
  }
  return all;
}

class Terraform {
 public:
  explicit Terraform(std::string binary, const fs::path& root) : binary_(std::move(binary)) {
    testutil::write_file(root / "cli.tfrc", "provider_installation {\n  filesystem_mirror {\n    path    = \"" + kMirror.string() +
                                               "\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n}\n");
    env_ = {"TF_CLI_CONFIG_FILE=" + (root / "cli.tfrc").string(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1"};
  }
  [[nodiscard]] testutil::RunResult run(const std::vector<std::string>& args, const fs::path& cwd) const {
    return run_process(binary_, args, cwd, "", env_);
  }
  /// `terraform init` (provider from the mirror, local modules) then `terraform validate`.
  [[nodiscard]] testutil::RunResult init_and_validate(const fs::path& dir) const {
    const auto init = run({"init", "-backend=false", "-input=false", "-no-color"}, dir);
    if (init.exit_code != 0) return init;
    return run({"validate", "-no-color"}, dir);
  }

 private:
  std::string binary_;
  std::vector<std::string> env_;
};

const char* kRequiredProviders =
    "terraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }\n  }\n}\n";

/// Every DIR/<namespace>/ holding a main.tf below `out`.
std::vector<fs::path> modules(const fs::path& out) {
  std::vector<fs::path> dirs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(out, ec)) {
    if (fs::exists(e.path() / "main.tf")) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

/// A module call of the module in `dir`, with a placeholder for each variable without a default
/// (read from the `variable` blocks specconv writes: `type`, then `default` when there is one).
std::string module_call(const std::string& name, const fs::path& dir) {
  std::string call = "module " + io::hcl_quote(name) + " {\n  source = " + io::hcl_quote(dir.string()) + "\n";
  std::istringstream in(testutil::read_file(dir / "main.tf"));
  std::string line, variable, type;
  bool has_default = false;
  while (std::getline(in, line)) {
    if (line.rfind("variable \"", 0) == 0) {
      variable = line.substr(10, line.find('"', 10) - 10);
      has_default = false;
    } else if (!variable.empty() && line.rfind("  type ", 0) == 0) {
      type = line.substr(line.find('=') + 2);
    } else if (!variable.empty() && line.rfind("  default ", 0) == 0) {
      has_default = true;
    } else if (!variable.empty() && line == "}") {
      if (!has_default) call += "  " + variable + " = " + (type == "string" ? "\"placeholder\"" : "[\"placeholder\"]") + "\n";
      variable.clear();
    }
  }
  return call + "}\n";
}

TEST(TerraformValidate, EveryToEcsGoldenInputAndExample) {
  ::unsetenv("TF_PLUGIN_CACHE_DIR");
  ::unsetenv("TF_DATA_DIR");
  const std::string binary = on_path("terraform");
  if (binary.empty()) GTEST_SKIP() << "terraform is not on PATH: the Terraform output is not validated";
  if (!fs::is_directory(kMirror)) GTEST_SKIP() << kMirror << " (the local AWS provider mirror) is absent: not validated";
  const auto started = std::chrono::steady_clock::now();
  testutil::TempDir tmp;
  const Terraform tf(binary, tmp.path());

  // The check can fail: an unknown argument in a called module is rejected by the provider's schema.
  const fs::path broken = tmp.path() / "broken";
  fs::create_directories(broken / "module");
  testutil::write_file(broken / "module" / "main.tf", "resource \"aws_lb_target_group\" \"x\" {\n  prot = \"HTTP\"\n}\n");
  testutil::write_file(broken / "main.tf", std::string(kRequiredProviders) + "\n" + module_call("broken", broken / "module"));
  const auto refused = tf.init_and_validate(broken);
  EXPECT_NE((refused.out + refused.err).find("Unsupported argument"), std::string::npos)
      << "terraform validate accepts an unknown argument in a module\n" << refused.out << refused.err;

  // Every module specconv writes, called from one root module: one init and one validate check
  // them all (validate checks every module of the configuration against the provider's schema).
  const fs::path root = tmp.path() / "root";
  std::string calls = kRequiredProviders;
  int written = 0;
  for (const TfCase& c : tf_cases()) {
    const fs::path out = root / "out" / c.name;
    std::vector<std::string> args = {"to-ecs"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    args.insert(args.end(), {"-q", "-o", out.string()});
    args.insert(args.end(), c.inputs.begin(), c.inputs.end());
    const auto conv = testutil::run_specconv(args, c.dir);
    ASSERT_FALSE(conv.signaled) << c.name << ": specconv crashed\n" << conv.err;
    const std::vector<fs::path> dirs = modules(out);
    if (conv.exit_code == 0 && c.writes) EXPECT_FALSE(dirs.empty()) << c.name << ": no module written\n" << conv.err;
    for (const fs::path& dir : dirs) {
      calls += "\n" + module_call(io::hcl_identifier(c.name + "_" + dir.filename().string()), dir);
      ++written;
    }
  }
  testutil::write_file(root / "main.tf", calls);
  const auto r = tf.init_and_validate(root);
  EXPECT_EQ(r.exit_code, 0) << "terraform validate\n" << r.out << r.err;
  EXPECT_EQ(r.out.find("Warning"), std::string::npos) << "terraform validate warns\n" << r.out;
  EXPECT_EQ(r.err.find("Warning"), std::string::npos) << "terraform validate warns\n" << r.err;
  const auto fmt = tf.run({"fmt", "-check", "-recursive", "-diff", "-no-color", (root / "out").string()}, tmp.path());
  EXPECT_EQ(fmt.exit_code, 0) << "terraform fmt -check: these files are not formatted as terraform fmt would\n" << fmt.out << fmt.err;
  EXPECT_GE(written, 80) << "fewer modules than the golden inputs, examples and corpus make";
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ terraform] " << written << " modules validated, fmt-clean, in " << seconds << " s\n";
}

}  // namespace
}  // namespace specconv
