// A Terraform state and the API JSON of the resources it holds give the same Kubernetes objects:
// the Terraform reader adds nothing and loses nothing the API path has.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

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

/// The YAML documents of a to-k8s output, sorted (the state lists resources by address, the
/// template by logical ID: the same objects may come in another order).
std::vector<std::string> sorted_documents(const std::string& yaml) {
  std::vector<std::string> docs;
  std::size_t start = 0;
  while (start < yaml.size()) {
    const std::size_t sep = yaml.find("\n---\n", start);
    docs.push_back(yaml.substr(start, sep == std::string::npos ? std::string::npos : sep + 1 - start));
    if (sep == std::string::npos) break;
    start = sep + 5;
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

TEST(TerraformEquivalence, ScheduledTasksGiveTheCronJobsOfTheEquivalentTemplate) {
  const fs::path tests = SPECCONV_TEST_DATA;
  const fs::path state = tests / "golden" / "ecs-to-k8s" / "terraform-state-scheduled-task" / "state.json";
  const fs::path plan = tests / "golden" / "ecs-to-k8s" / "terraform-plan-scheduled-task" / "plan.json";
  const fs::path cfn = tests / "terraform" / "scheduled-task-cfn" / "template.yaml";
  const testutil::RunResult from_state = testutil::run_specconv({"to-k8s", "-q", state.string()});
  const testutil::RunResult from_cfn = testutil::run_specconv({"to-k8s", "-q", cfn.string()});
  ASSERT_EQ(from_state.exit_code, 0) << from_state.err;
  ASSERT_EQ(from_cfn.exit_code, 0) << from_cfn.err;
  const std::vector<std::string> objects = sorted_documents(from_state.out);
  ASSERT_EQ(objects.size(), 2u) << from_state.out;
  for (const std::string& o : objects) EXPECT_EQ(o.rfind("apiVersion: batch/v1\nkind: CronJob\n", 0), 0u) << o;
  EXPECT_EQ(objects, sorted_documents(from_cfn.out));
  // The plan of the same configuration gives them too: its unknown task definition ARNs are
  // linked to the task definitions by the configuration's references.
  const testutil::RunResult from_plan = testutil::run_specconv({"to-k8s", "-q", plan.string()});
  ASSERT_EQ(from_plan.exit_code, 0) << from_plan.err;
  EXPECT_EQ(sorted_documents(from_plan.out), objects);
}

}  // namespace
}  // namespace specconv
