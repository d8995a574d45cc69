// The kustomize layout of several environments: what goes to the base, what each overlay holds.
#include "app/kustomize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace specconv::app {
namespace {

std::string task(const std::string& family, const std::string& image) {
  return R"({"family": ")" + family + R"(", "containerDefinitions": [{"name": "app", "image": ")" + image + R"(", "memory": 128}]})";
}

Environment env(const std::string& name, const std::vector<InputText>& inputs) {
  K8sObjects run = convert_to_k8s_objects(inputs, ToK8sOptions{});
  EXPECT_FALSE(run.diagnostics.has_errors());
  return {name, std::move(run.workloads), {name}};
}

const OutputFile* file(const KustomizeLayout& l, const std::string& path) {
  for (const auto& f : l.files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

TEST(KustomizeLayout, AWorkloadOfSomeEnvironmentsLivesInTheirOverlaysOnly) {
  const KustomizeLayout l = kustomize_layout({env("dev", {{"web.json", task("web", "nginx:1.27")}}),
                                              env("prod", {{"web.json", task("web", "nginx:1.27")},
                                                           {"worker.json", task("worker", "busybox:1.36")}})});
  ASSERT_FALSE(l.diagnostics.has_errors());
  ASSERT_NE(file(l, "base/deployment-web.yaml"), nullptr);
  EXPECT_EQ(file(l, "base/deployment-worker.yaml"), nullptr);
  ASSERT_NE(file(l, "overlays/prod/deployment-worker.yaml"), nullptr);
  EXPECT_NE(file(l, "overlays/prod/kustomization.yaml")->text.find("- deployment-worker.yaml"), std::string::npos);
  EXPECT_EQ(file(l, "overlays/dev/deployment-worker.yaml"), nullptr);
}

TEST(KustomizeLayout, ImageTagsAreAnImagesEntryNotAPatch) {
  const KustomizeLayout l = kustomize_layout({env("dev", {{"web.json", task("web", "registry:5000/shop/web:2.5")}}),
                                              env("prod", {{"web.json", task("web", "registry:5000/shop/web:2.4")}})});
  ASSERT_FALSE(l.diagnostics.has_errors());
  const std::string& k = file(l, "overlays/prod/kustomization.yaml")->text;
  EXPECT_NE(k.find("- name: registry:5000/shop/web\n  newTag: \"2.4\"\n"), std::string::npos) << k;
  EXPECT_EQ(file(l, "overlays/prod/patch-deployment-web.yaml"), nullptr) << "the tag was the only difference";
}

TEST(KustomizeLayout, AnImageTwoWorkloadsShareIsOnlyRetaggedWhenBothChange) {
  // prod moves web to 1.28 but keeps api on 1.27: one images entry would retag both, so the
  // change stays in web's patch.
  const KustomizeLayout l = kustomize_layout(
      {env("dev", {{"web.json", task("web", "nginx:1.27")}, {"api.json", task("api", "nginx:1.27")}}),
       env("prod", {{"web.json", task("web", "nginx:1.28")}, {"api.json", task("api", "nginx:1.27")}})});
  ASSERT_FALSE(l.diagnostics.has_errors());
  EXPECT_EQ(file(l, "overlays/prod/kustomization.yaml")->text.find("images:"), std::string::npos);
  ASSERT_NE(file(l, "overlays/prod/patch-deployment-web.yaml"), nullptr);
  EXPECT_NE(file(l, "overlays/prod/patch-deployment-web.yaml")->text.find("image: nginx:1.28"), std::string::npos);
}

}  // namespace
}  // namespace specconv::app
