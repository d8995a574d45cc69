// A Terraform state and the API JSON of the resources it holds give the same Kubernetes objects:
// the Terraform reader adds nothing and loses nothing the API path has.
#include <gtest/gtest.h>

#include <filesystem>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

TEST(TerraformEquivalence, AStateGivesTheObjectsOfItsApiJson) {
  const fs::path tests = SPECCONV_TEST_DATA;
  const fs::path state = tests / "golden" / "ecs-to-k8s" / "terraform-state-fargate-efs" / "state.json";
  const fs::path api = tests / "terraform" / "tenantcloud-api";
  const testutil::RunResult from_state = testutil::run_specconv({"to-k8s", "-q", state.string()});
  const testutil::RunResult from_api = testutil::run_specconv({"to-k8s", "-q", api.string()});
  ASSERT_EQ(from_state.exit_code, 0) << from_state.err;
  ASSERT_EQ(from_api.exit_code, 0) << from_api.err;
  EXPECT_NE(from_state.out.find("kind: Ingress"), std::string::npos);  // the wiring was linked
  EXPECT_NE(from_state.out.find("kind: PersistentVolume"), std::string::npos);
  EXPECT_EQ(from_state.out, from_api.out);
}

}  // namespace
}  // namespace specconv
