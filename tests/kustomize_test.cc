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

/// kubectl, or "" (and a reason to skip) when it is not installed.
std::string kubectl_path() {
  const auto which = run_process("/bin/sh", {"-c", "command -v kubectl"});
  return which.exit_code == 0 ? which.out.substr(0, which.out.find('\n')) : "";
}

constexpr const char* kNoKubectl =
    "kubectl not found: `kubectl kustomize` of each overlay is not checked here (the in-process check of the same "
    "property still runs in every --kustomize run)";

/// `kubectl kustomize` of overlays/<env> gives the same objects as `direct` (to-k8s arguments, run in `cwd`).
void expect_overlay_is_direct_conversion(const std::string& kubectl, const fs::path& layout, const std::string& env,
                                         const std::vector<std::string>& direct_args, const fs::path& cwd) {
  const auto built = run_process(kubectl, {"kustomize", (layout / "overlays" / env).string()});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const auto direct = run_specconv(direct_args, cwd);
  ASSERT_EQ(direct.exit_code, 0) << direct.err;
  const auto a = objects(built.out);
  const auto b = objects(direct.out);
  ASSERT_EQ(a.size(), b.size()) << env;
  for (const auto& [id, doc] : b) {
    ASSERT_TRUE(a.count(id)) << env << ": kubectl kustomize lacks " << id;
    EXPECT_TRUE(app::same_tree(a.at(id), doc)) << env << ": " << id << " differs from the direct conversion";
  }
}

/// Every overlay of the shop-envs layout made with the extra flags `routing` gives that
/// environment's direct conversion with the same flags.
void expect_overlays_equal_direct_conversions(const std::vector<std::string>& routing) {
  const std::string kubectl = kubectl_path();
  if (kubectl.empty()) GTEST_SKIP() << kNoKubectl;
  TempDir tmp;
  const fs::path out = tmp.path() / "layout";
  std::vector<std::string> args = kustomize_args(out.string());
  args.insert(args.end(), routing.begin(), routing.end());
  const auto r = run_specconv(args, kSource);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : kEnvs) {
    std::vector<std::string> direct_args = {"to-k8s", "examples/ecs/shop-envs/" + e};
    direct_args.insert(direct_args.end(), routing.begin(), routing.end());
    expect_overlay_is_direct_conversion(kubectl, out, e, direct_args, kSource);
  }
}

TEST(Kustomize, EachOverlayGivesItsEnvironmentsConversionWithRealKubectl) { expect_overlays_equal_direct_conversions({}); }

TEST(Kustomize, EachOverlayGivesItsEnvironmentsConversionWithRealKubectlInGatewayRouting) {
  expect_overlays_equal_direct_conversions({"--routing", "gateway-api", "--create-gateway-class"});
}

/// shop-envs copied into `dir`, its service and family named shop-web-<env> in each environment.
void write_suffixed_environments(const fs::path& dir) {
  for (const auto& e : kEnvs) {
    const fs::path from = kSource / "examples" / "ecs" / "shop-envs" / e;
    fs::create_directories(dir / e);
    for (const auto& f : fs::directory_iterator(from)) {
      std::string text = read_file(f.path());
      for (const std::string key : {"\"serviceName\": ", "\"taskDefinition\": ", "\"family\": "}) {
        const std::string was = key + "\"shop-web\"";
        if (auto at = text.find(was); at != std::string::npos) text.replace(at, was.size(), key + "\"shop-web-" + e + "\"");
      }
      testutil::write_file(dir / e / f.path().filename(), text);
    }
  }
}

TEST(Kustomize, EnvironmentSpecificNamesShareOneBaseThroughName) {
  TempDir tmp;
  write_suffixed_environments(tmp.path());
  std::vector<std::string> args = {"to-k8s", "--kustomize", "out"};
  for (const auto& e : kEnvs) args.insert(args.end(), {"--env", e + "=" + e, "--name", "shop-web-" + e + "=shop-web"});
  const auto r = run_specconv(args, tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("unused-rename"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(tmp.path() / "out" / "base" / "deployment-shop-web.yaml"));
  // The Deployment is in the base: the overlays patch it (its original name among the differences).
  const std::string prod = read_file(tmp.path() / "out" / "overlays" / "prod" / "patch-deployment-shop-web.yaml");
  EXPECT_NE(prod.find("specconv.io/original-name: shop-web-prod"), std::string::npos) << prod;
  EXPECT_FALSE(fs::exists(tmp.path() / "out" / "overlays" / "prod" / "deployment-shop-web.yaml"));
  const std::string kubectl = kubectl_path();
  if (kubectl.empty()) GTEST_SKIP() << kNoKubectl;
  for (const auto& e : kEnvs) {
    expect_overlay_is_direct_conversion(kubectl, tmp.path() / "out", e,
                                        {"to-k8s", e, "--name", "shop-web-" + e + "=shop-web"}, tmp.path());
  }
}

TEST(Kustomize, ANameThatMergesTwoWorkloadsIsALocatedErrorAndWritesNothing) {
  const fs::path two = kSource / "tests" / "golden" / "ecs-to-k8s" / "shared-alb-two-services";
  TempDir tmp;
  const auto r = run_specconv(
      {"to-k8s", "--env", "dev=" + two.string(), "--kustomize", "out", "--name", "shop-admin=shop-web"}, tmp.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("web-service.json:3:3: /serviceName: error: --name shop-admin=shop-web merges two workloads"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(Kustomize, ANameNoEnvironmentHasIsReportedOnce) {
  TempDir tmp;
  std::vector<std::string> args = kustomize_args((tmp.path() / "out").string());
  args.insert(args.end(), {"--name", "shop-wbe=web"});
  const auto r = run_specconv(args, kSource);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string warning = "--name shop-wbe=web: no workload of any environment is named shop-wbe [unused-rename]";
  const auto at = r.err.find(warning);
  EXPECT_NE(at, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(warning, at + 1), std::string::npos) << "one warning, not one per environment:\n" << r.err;
}

TEST(Kustomize, EachEnvironmentInItsOwnNamespaceThroughTheOverlaysNamespace) {
  for (const std::vector<std::string>& routing : {std::vector<std::string>{}, std::vector<std::string>{"--routing", "gateway-api"}}) {
    TempDir tmp;
    std::vector<std::string> args = kustomize_args((tmp.path() / "out").string());
    args.insert(args.end(), {"--env-namespace", "dev=shop-dev", "--env-namespace", "prod=shop-prod", "-n", "shop"});
    args.insert(args.end(), routing.begin(), routing.end());
    const auto r = run_specconv(args, kSource);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The base is namespace-free; each overlay names its namespace (stage: the -n one).
    EXPECT_EQ(read_file(tmp.path() / "out" / "base" / "deployment-shop-web.yaml").find("namespace:"), std::string::npos);
    const std::map<std::string, std::string> ns = {{"dev", "shop-dev"}, {"stage", "shop"}, {"prod", "shop-prod"}};
    for (const auto& [env, name] : ns) {
      EXPECT_NE(read_file(tmp.path() / "out" / "overlays" / env / "kustomization.yaml").find("namespace: " + name + "\n"),
                std::string::npos)
          << env;
    }
    const std::string kubectl = kubectl_path();
    if (kubectl.empty()) GTEST_SKIP() << kNoKubectl;
    for (const auto& [env, name] : ns) {
      std::vector<std::string> direct = {"to-k8s", "examples/ecs/shop-envs/" + env, "-n", name};
      direct.insert(direct.end(), routing.begin(), routing.end());
      expect_overlay_is_direct_conversion(kubectl, tmp.path() / "out", env, direct, kSource);
    }
  }
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

TEST(Kustomize, TrustPoliciesAreWrittenBesideEachOverlay) {
  TempDir tmp;
  std::vector<std::string> args = kustomize_args((tmp.path() / "out").string());
  const std::string provider = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  args.insert(args.end(), {"--oidc-provider", provider});
  const auto r = run_specconv(args, kSource);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : kEnvs) {
    const fs::path policy = tmp.path() / "out" / "overlays" / e / "shop-web.trust-policy.json";
    ASSERT_TRUE(fs::exists(policy)) << e;
    EXPECT_NE(read_file(policy).find("\"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub\": \"system:serviceaccount:default:shop-web\""),
              std::string::npos);
    // Not a resource of the overlay: kustomize builds the overlay without it.
    EXPECT_EQ(read_file(tmp.path() / "out" / "overlays" / e / "kustomization.yaml").find("trust-policy"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(tmp.path() / "out" / "base" / "shop-web.trust-policy.json"));
}

TEST(Kustomize, ConvertOfAFolderOfEnvironmentsWritesTheSameLayout) {
  TempDir tmp;
  const auto direct = run_specconv(kustomize_args((tmp.path() / "to-k8s").string()), kSource);
  ASSERT_EQ(direct.exit_code, 0) << direct.err;
  // Subfolders in name order: dev, prod, stage. The first is the base; the objects are the same.
  const auto batch =
      run_specconv({"convert", "--kustomize", "examples/ecs/shop-envs", "-o", (tmp.path() / "convert").string()}, kSource);
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  for (const auto& e : kEnvs) ASSERT_TRUE(fs::exists(tmp.path() / "convert" / "overlays" / e / "kustomization.yaml")) << e;
  EXPECT_EQ(tree_text(tmp.path() / "to-k8s" / "base"), tree_text(tmp.path() / "convert" / "base"));
  EXPECT_EQ(tree_text(tmp.path() / "to-k8s" / "overlays" / "stage"), tree_text(tmp.path() / "convert" / "overlays" / "stage"));
  // A JSON file beside the environment folders belongs to none: a usage error, nothing written.
  fs::create_directories(tmp.path() / "envs" / "dev");
  testutil::write_file(tmp.path() / "envs" / "dev" / "td.json", read_file(kSource / "examples/ecs/shop-envs/dev/task-definition.json"));
  testutil::write_file(tmp.path() / "envs" / "stray.json", "{}");
  const auto stray = run_specconv({"convert", "--kustomize", "envs", "-o", "out"}, tmp.path());
  EXPECT_EQ(stray.exit_code, 2) << stray.err;
  EXPECT_NE(stray.err.find("stray.json is beside the environment folders"), std::string::npos) << stray.err;
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
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--name", "web-dev=Web"},  // NEW is no DNS label
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--oidc-provider", "arn:aws:iam::1:role/x"},
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--env-namespace", "qa=team-qa"},  // no such environment
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--env-namespace", "dev=Team_Dev"},
           {"to-k8s", "--env", "dev=x", "--kustomize", "out", "--env-namespace", "dev=a", "--routing", "gateway-api",
            "--create-gateway-class"},
           {"to-k8s"}}) {
    const auto r = run_specconv(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << "\n" << r.err;
    EXPECT_NE(r.err.find("specconv to-k8s: "), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace specconv
