// to-k8s --env ... --kustomize: the layout of examples/ecs/shop-envs (dev, stage, prod) as a
// golden file, the correctness criterion checked with the real `kubectl kustomize` (each overlay
// gives exactly that environment's direct conversion; skipped, visibly, without kubectl), and the
// bad inputs and flag combinations.
//
// UPDATE_GOLDEN=1 rewrites tests/golden/kustomize/shop-envs/expected.txt (refused when CI=true).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/strategic_patch.h"
#include "io/yaml_load.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using testutil::env_is;
using testutil::read_file;
using testutil::run_process;
using testutil::run_specconv;
using testutil::TempDir;

const fs::path kSource = SPECCONV_SOURCE_DIR;
const std::vector<std::string> kEnvs = {"dev", "stage", "prod"};

std::vector<std::string> kustomize_args(const std::string& out) {
  std::vector<std::string> args = {"to-k8s"};
  for (const auto& e : kEnvs) args.insert(args.end(), {"--env", e + "=examples/ecs/shop-envs/" + e});
  args.insert(args.end(), {"--kustomize", out});
  return args;
}

/// Every file under `dir`, sorted, as "==> path <==" and the text.
std::string tree_text(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir));
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const auto& f : files) out += "==> " + f.generic_string() + " <==\n" + read_file(dir / f);
  return out;
}

/// The objects of a YAML stream by kind/namespace/name.
std::map<std::string, io::Node> objects(const std::string& yaml) {
  Diagnostics d;
  std::map<std::string, io::Node> out;
  for (auto& doc : io::load_yaml(yaml, "stream", io::Limits{}, d).documents) {
    if (!doc.root.is_object()) continue;
    const io::Node* md = doc.root.find("metadata");
    const io::Node* ns = md != nullptr ? md->find("namespace") : nullptr;
    out[doc.root.find("kind")->text() + "/" + (ns != nullptr ? ns->text() : "") + "/" + md->find("name")->text()] = doc.root;
  }
  EXPECT_FALSE(d.has_errors());
  return out;
}

/// The layout of examples/ecs/shop-envs with `extra` flags equals tests/golden/kustomize/<golden>
/// (and dev's overlay is `dev_overlay` when given: dev is the base, so it adds nothing).
void expect_layout_matches_golden(const std::vector<std::string>& extra, const std::string& golden_name,
                                  const char* dev_overlay) {
  TempDir tmp;
  const fs::path out = tmp.path() / "layout";
  std::vector<std::string> args = kustomize_args(out.string());
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_specconv(args, kSource);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "") << "--kustomize writes files, not stdout";
  const std::string actual = tree_text(out);
  const fs::path golden = kSource / "tests" / "golden" / "kustomize" / golden_name;
  if (env_is("UPDATE_GOLDEN", "1")) {
    ASSERT_FALSE(env_is("CI", "true")) << "UPDATE_GOLDEN=1 is refused when CI=true";
    fs::create_directories(golden.parent_path());
    testutil::write_file(golden, actual);
    return;
  }
  EXPECT_EQ(actual, read_file(golden)) << "regenerate with: UPDATE_GOLDEN=1 ctest -R Kustomize.ShopEnvironmentsLayout";
  if (dev_overlay != nullptr) EXPECT_EQ(read_file(out / "overlays" / "dev" / "kustomization.yaml"), dev_overlay);
}

TEST(Kustomize, ShopEnvironmentsLayoutMatchesGolden) {
  expect_layout_matches_golden({}, "shop-envs/expected.txt",
                               "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\n");
}

// Each environment's ALB has its own name, so its Gateway, LoadBalancerConfiguration and
// redirect route live in its overlay, and the HTTPRoute's parentRefs and hostnames are patched.
TEST(Kustomize, ShopEnvironmentsLayoutInGatewayRoutingMatchesGolden) {
  expect_layout_matches_golden({"--routing", "gateway-api"}, "shop-envs-gateway-api/expected.txt", nullptr);
}

/// `kubectl kustomize overlays/<env>` gives the objects of `to-k8s <env's inputs>`, field for
/// field, with the same extra flags (`routing`).
void expect_overlays_equal_direct_conversions(const std::vector<std::string>& routing) {
  const auto which = run_process("/bin/sh", {"-c", "command -v kubectl"});
  if (which.exit_code != 0) {
    GTEST_SKIP() << "kubectl not found: `kubectl kustomize` of each overlay is not checked here (the in-process "
                    "check of the same property still runs in every --kustomize run)";
  }
  TempDir tmp;
  const fs::path out = tmp.path() / "layout";
  std::vector<std::string> args = kustomize_args(out.string());
  args.insert(args.end(), routing.begin(), routing.end());
  const auto r = run_specconv(args, kSource);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : kEnvs) {
    const std::string kubectl = which.out.substr(0, which.out.find('\n'));
    const auto built = run_process(kubectl, {"kustomize", (out / "overlays" / e).string()});
    ASSERT_EQ(built.exit_code, 0) << built.err;
    std::vector<std::string> direct_args = {"to-k8s", "examples/ecs/shop-envs/" + e};
    direct_args.insert(direct_args.end(), routing.begin(), routing.end());
    const auto direct = run_specconv(direct_args, kSource);
    ASSERT_EQ(direct.exit_code, 0) << direct.err;
    const auto a = objects(built.out);
    const auto b = objects(direct.out);
    ASSERT_EQ(a.size(), b.size()) << e;
    for (const auto& [id, doc] : b) {
      ASSERT_TRUE(a.count(id)) << e << ": kubectl kustomize lacks " << id;
      EXPECT_TRUE(app::same_tree(a.at(id), doc)) << e << ": " << id << " differs from the direct conversion";
    }
  }
}

TEST(Kustomize, EachOverlayGivesItsEnvironmentsConversionWithRealKubectl) { expect_overlays_equal_direct_conversions({}); }

TEST(Kustomize, EachOverlayGivesItsEnvironmentsConversionWithRealKubectlInGatewayRouting) {
  expect_overlays_equal_direct_conversions({"--routing", "gateway-api", "--create-gateway-class"});
}

TEST(Kustomize, OneNameTwoControllerKindsIsALocatedErrorAndWritesNothing) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "dev");
  fs::create_directories(tmp.path() / "prod");
  const std::string td = R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 128}]})";
  testutil::write_file(tmp.path() / "dev" / "td.json", td);
  testutil::write_file(tmp.path() / "dev" / "svc.json", R"({"serviceName": "web", "taskDefinition": "web"})");
  testutil::write_file(tmp.path() / "prod" / "td.json", td);
  testutil::write_file(tmp.path() / "prod" / "svc.json",
                       R"({"serviceName": "web", "taskDefinition": "web", "schedulingStrategy": "DAEMON"})");
  const auto r = run_specconv({"to-k8s", "--env", "dev=dev", "--env", "prod=prod", "--kustomize", "out"}, tmp.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("prod/"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[environment-conflict]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(Kustomize, AnEnvironmentWithoutInputsWritesNothing) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "empty");
  const auto r = run_specconv({"to-k8s", "--env", "dev=" + (kSource / "examples/ecs/shop-envs/dev").string(), "--env",
                               "prod=empty", "--kustomize", "out"},
                              tmp.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(Kustomize, FlagCombinationsThatCannotWorkAreUsageErrors) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"to-k8s", "--env", "dev=x"},                                  // no --kustomize
           {"to-k8s", "--kustomize", "out"},                              // no --env
           {"to-k8s", "--env", "dev", "--kustomize", "out"},              // no PATH
           {"to-k8s", "--env", "Dev/1=x", "--kustomize", "out"},          // not a folder name
           {"to-k8s", "x.json", "--env", "dev=x", "--kustomize", "out"},  // both kinds of inputs
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--format", "json"},
           {"to-k8s"}}) {
    const auto r = run_specconv(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << "\n" << r.err;
    EXPECT_NE(r.err.find("specconv to-k8s: "), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace specconv
