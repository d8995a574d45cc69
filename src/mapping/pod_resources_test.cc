// Tests for mapping/pod_resources: the pod-level size from the task size, valid by Kubernetes'
// rules (aggregate container requests and every container limit within it), and the bound of
// the per-container split.
#include "mapping/pod_resources.h"

#include <gtest/gtest.h>

namespace specconv::mapping {
namespace {

using Kind = PodContainerSize::Kind;
constexpr int64_t kMiB = 1024 * 1024;

TEST(PodLevelSizeTest, TaskSizeIsThePodSizeWhenTheContainersFit) {
  const std::vector<PodContainerSize> containers = {
      {Kind::kApp, std::nullopt, std::nullopt, std::nullopt},       // sized by the task alone
      {Kind::kSidecar, 125, 64 * kMiB, 128 * kMiB},
  };
  const PodLevelSize s = pod_level_size(250, 512 * kMiB, containers);
  EXPECT_EQ(s.cpu_millis, 250);
  EXPECT_EQ(s.memory_bytes, 512 * kMiB);
  EXPECT_FALSE(s.cpu_raised);
  EXPECT_FALSE(s.memory_raised);
}

TEST(PodLevelSizeTest, OnlyThePartsTheTaskHas) {
  const PodLevelSize s = pod_level_size(std::nullopt, 1024 * kMiB, {});
  EXPECT_FALSE(s.cpu_millis.has_value());
  EXPECT_EQ(s.memory_bytes, 1024 * kMiB);
}

TEST(PodLevelSizeTest, RaisedOnlyWhereTheContainersNeedMore) {
  // cpu 100 + 156 units = 98m + 153m after rounding each up: 1m more than the task's 250m.
  const std::vector<PodContainerSize> rounded = {{Kind::kApp, 98, {}, {}}, {Kind::kApp, 153, {}, {}}};
  const PodLevelSize cpu = pod_level_size(250, std::nullopt, rounded);
  EXPECT_EQ(cpu.cpu_millis, 251);
  EXPECT_TRUE(cpu.cpu_raised);
  // A container limit above the task memory (ECS refuses such a task): the pod limit covers it.
  const PodLevelSize mem = pod_level_size(std::nullopt, 512 * kMiB, {{Kind::kApp, {}, {}, 768 * kMiB}});
  EXPECT_EQ(mem.memory_bytes, 768 * kMiB);
  EXPECT_TRUE(mem.memory_raised);
}

TEST(PodLevelSizeTest, AggregateFollowsTheSidecarRule) {
  // A container without a request counts its limit; init containers count their largest one,
  // plus the sidecars; app containers and sidecars add up.
  const std::vector<PodContainerSize> containers = {
      {Kind::kInit, {}, {}, 400 * kMiB},
      {Kind::kSidecar, {}, 50 * kMiB, {}},
      {Kind::kApp, {}, 100 * kMiB, 300 * kMiB},
  };
  EXPECT_EQ(aggregate_memory_requests(containers), 450 * kMiB);  // max(50 + 100, 400 + 50)
  EXPECT_FALSE(pod_level_size({}, 512 * kMiB, containers).memory_raised);
  EXPECT_TRUE(pod_level_size({}, 400 * kMiB, containers).memory_raised);
}

TEST(SplitMemoryCeilingTest, SumOfLimitsOrUnbounded) {
  // Today's split of a 512 MiB task with a sidecar: each container limited to 512 MiB.
  const std::vector<PodContainerSize> split = {{Kind::kApp, {}, 448 * kMiB, 512 * kMiB},
                                                {Kind::kApp, {}, 64 * kMiB, 512 * kMiB}};
  EXPECT_EQ(split_memory_ceiling(split), 1024 * kMiB);
  const std::vector<PodContainerSize> open = {{Kind::kApp, {}, 448 * kMiB, 512 * kMiB}, {Kind::kApp, {}, 64 * kMiB, {}}};
  EXPECT_FALSE(split_memory_ceiling(open).has_value());
  EXPECT_EQ(split_memory_ceiling({{Kind::kApp, {}, {}, 256 * kMiB}}), 256 * kMiB);
}

}  // namespace
}  // namespace specconv::mapping
