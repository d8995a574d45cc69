// Tests for mapping/k8s_version: the --kubernetes-version forms and the pod-level resources cut-off.
#include "mapping/k8s_version.h"

#include <gtest/gtest.h>

namespace specconv::mapping {
namespace {

TEST(KubernetesVersionTest, AcceptsMajorMinorWithVPrefixAndPatch) {
  EXPECT_EQ(parse_kubernetes_version("1.33"), (KubernetesVersion{1, 33}));
  EXPECT_EQ(parse_kubernetes_version("v1.35"), (KubernetesVersion{1, 35}));
  EXPECT_EQ(parse_kubernetes_version("V1.34"), (KubernetesVersion{1, 34}));
  EXPECT_EQ(parse_kubernetes_version("v1.34.2"), (KubernetesVersion{1, 34}));
  EXPECT_EQ(parse_kubernetes_version("1.0"), (KubernetesVersion{1, 0}));
}

TEST(KubernetesVersionTest, RefusesWhatIsNoKubernetesVersion) {
  for (const char* bad : {"", "1", "1.", "v", "vv1.34", "2.1", "0.34", "1.x", "1.34.", "1.34.x", "1.034", "01.34",
                          " 1.34", "1.34 ", "1.100", "1.34-rc1", "latest"}) {
    EXPECT_FALSE(parse_kubernetes_version(bad).has_value()) << bad;
  }
}

TEST(KubernetesVersionTest, PodLevelResourcesFrom134) {
  EXPECT_FALSE(has_pod_level_resources({1, 32}));  // alpha, off by default
  EXPECT_FALSE(has_pod_level_resources({1, 33}));
  EXPECT_TRUE(has_pod_level_resources({1, 34}));   // beta, on by default
  EXPECT_TRUE(has_pod_level_resources(KubernetesVersion{}));
  EXPECT_EQ(to_string(KubernetesVersion{}), "1.36");
}

}  // namespace
}  // namespace specconv::mapping
