// Tests for mapping/rollout: the bounds formulas, hand-checked conversions, and exhaustive
// grids showing that exact conversions preserve the bounds and inexact ones are explained.
#include "mapping/rollout.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace specconv::mapping {
namespace {

constexpr IntOrPercent pct(int64_t value) { return {value, true}; }
constexpr IntOrPercent num(int64_t value) { return {value, false}; }

K8sRollout rolling(IntOrPercent surge, IntOrPercent unavailable) {
  K8sRollout rollout;
  rollout.max_surge = surge;
  rollout.max_unavailable = unavailable;
  return rollout;
}

K8sRollout recreate() {
  K8sRollout rollout;
  rollout.recreate = true;
  return rollout;
}

std::string show(const IntOrPercent& limit) {
  return std::to_string(limit.value) + (limit.percent ? "%" : "");
}

std::string show(const K8sRollout& rollout) {
  if (rollout.recreate) return "Recreate";
  return show(rollout.max_surge) + "/" + show(rollout.max_unavailable);
}

// Kubernetes rejects a RollingUpdate whose maxSurge and maxUnavailable are both literally 0.
bool both_zero(const K8sRollout& rollout) {
  return !rollout.recreate && rollout.max_surge.value == 0 && rollout.max_unavailable.value == 0;
}

TEST(RolloutBoundsTest, EcsRoundsMaximumDownAndMinimumUp) {
  EXPECT_EQ(ecs_bounds({200, 100}, 3), (Bounds{6, 3}));
  EXPECT_EQ(ecs_bounds({150, 50}, 3), (Bounds{4, 2}));
  EXPECT_EQ(ecs_bounds({125, 75}, 4), (Bounds{5, 3}));
  EXPECT_EQ(ecs_bounds({199, 1}, 1), (Bounds{1, 1}));
  EXPECT_EQ(ecs_bounds({100, 0}, 7), (Bounds{7, 0}));
  EXPECT_EQ(ecs_bounds({200, 100}, 0), (Bounds{0, 0}));
  EXPECT_EQ(ecs_bounds({200, 100}, -3), (Bounds{0, 0}));
  EXPECT_EQ(ecs_bounds({EcsRollout{}}, 10), (Bounds{20, 10}));
}

TEST(RolloutBoundsTest, KubernetesRoundsSurgeUpAndUnavailableDown) {
  EXPECT_EQ(k8s_bounds(rolling(pct(25), pct(25)), 4), (Bounds{5, 3}));
  EXPECT_EQ(k8s_bounds(K8sRollout{}, 4), (Bounds{5, 3}));  // defaults 25%/25%
  EXPECT_EQ(k8s_bounds(rolling(pct(25), pct(25)), 1), (Bounds{2, 1}));
  EXPECT_EQ(k8s_bounds(rolling(pct(25), pct(25)), 10), (Bounds{13, 8}));
  EXPECT_EQ(k8s_bounds(rolling(pct(50), pct(50)), 3), (Bounds{5, 2}));
  EXPECT_EQ(k8s_bounds(rolling(num(1), num(0)), 3), (Bounds{4, 3}));
  EXPECT_EQ(k8s_bounds(rolling(num(0), num(5)), 3), (Bounds{3, 0}));
  EXPECT_EQ(k8s_bounds(rolling(pct(0), pct(100)), 3), (Bounds{3, 0}));
  // Both resolve to 0: the controller lets one pod go.
  EXPECT_EQ(k8s_bounds(rolling(num(0), num(0)), 5), (Bounds{5, 4}));
  EXPECT_EQ(k8s_bounds(rolling(pct(0), pct(10)), 5), (Bounds{5, 4}));
  EXPECT_EQ(k8s_bounds(rolling(num(0), num(0)), 0), (Bounds{0, 0}));
  EXPECT_EQ(k8s_bounds(recreate(), 6), (Bounds{6, 0}));
}

TEST(RolloutToK8sTest, HandCheckedCases) {
  ToK8s r = rollout_to_k8s({200, 100}, 3);
  EXPECT_EQ(r.rollout, rolling(pct(100), pct(0)));
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.note, "");

  // ECS floor(3 * 1.5) = 4 tasks -> surge 1 (50% would resolve to ceil(1.5) = 2);
  // ECS ceil(1.5) = 2 healthy -> unavailable 1 == floor(50% of 3).
  r = rollout_to_k8s({150, 50}, 3);
  EXPECT_EQ(r.rollout, rolling(num(1), pct(50)));
  EXPECT_TRUE(r.exact);

  r = rollout_to_k8s({125, 75}, 4);
  EXPECT_EQ(r.rollout, rolling(pct(25), pct(25)));
  EXPECT_TRUE(r.exact);

  r = rollout_to_k8s({100, 0}, 5);
  EXPECT_TRUE(r.rollout.recreate);
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(k8s_bounds(r.rollout, 5), ecs_bounds({100, 0}, 5));

  r = rollout_to_k8s({300, 0}, 2);
  EXPECT_EQ(r.rollout, rolling(pct(200), pct(100)));
  EXPECT_TRUE(r.exact);
}

TEST(RolloutToK8sTest, ReplacingNothingBecomesOneUnavailable) {
  ToK8s r = rollout_to_k8s({100, 100}, 3);
  EXPECT_EQ(r.rollout, rolling(pct(0), num(1)));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maximumPercent 100 with minimumHealthyPercent 100 allows no task to be replaced at "
            "3 replicas; using maxUnavailable 1");

  // 150% of 1 rounds down to 1 task: also nothing can be replaced.
  r = rollout_to_k8s({150, 100}, 1);
  EXPECT_EQ(r.rollout, rolling(num(0), num(1)));
  EXPECT_FALSE(r.exact);
  EXPECT_NE(r.note, "");
}

TEST(RolloutToK8sTest, OutOfRangePercentagesAreExplained) {
  ToK8s r = rollout_to_k8s({50, 0}, 4);  // at most 2 of 4 tasks
  EXPECT_EQ(r.rollout, rolling(num(0), pct(100)));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maximumPercent 50 allows only 2 of 4 tasks during a deployment, which Kubernetes "
            "cannot express; using maxSurge 0 and maxUnavailable 100%");

  r = rollout_to_k8s({50, 25}, 4);  // 1 healthy, at most 2 running -> 3 unavailable
  EXPECT_EQ(r.rollout, rolling(num(0), pct(75)));
  EXPECT_FALSE(r.exact);

  r = rollout_to_k8s({200, 150}, 4);
  EXPECT_EQ(r.rollout, rolling(pct(100), num(0)));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "minimumHealthyPercent 150 requires 6 healthy tasks, more than the 4 desired; using "
            "maxUnavailable 0");
}

TEST(RolloutToK8sTest, ZeroReplicasUsesPercentForms) {
  ToK8s r = rollout_to_k8s({150, 50}, 0);
  EXPECT_EQ(r.rollout, rolling(pct(50), pct(50)));
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.note, "");

  r = rollout_to_k8s({200, 100}, 0);
  EXPECT_EQ(r.rollout, rolling(pct(100), pct(0)));
  EXPECT_TRUE(r.exact);

  r = rollout_to_k8s({100, 0}, 0);
  EXPECT_TRUE(r.rollout.recreate);

  r = rollout_to_k8s({100, 100}, 0);
  EXPECT_EQ(r.rollout, rolling(pct(0), num(1)));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maximumPercent 100 with minimumHealthyPercent 100 allows no task to be replaced; "
            "using maxUnavailable 1");

  r = rollout_to_k8s({50, 0}, 0);
  EXPECT_EQ(r.rollout, rolling(pct(0), pct(100)));
  EXPECT_FALSE(r.exact);
  EXPECT_NE(r.note, "");
}

TEST(RolloutToK8sTest, GridKeepsBoundsAndOnlyFailsWhenNothingCanBeReplaced) {
  const int64_t maximums[] = {100, 101, 110, 125, 150, 200, 250, 300, 400};
  const int64_t minimums[] = {0, 1, 33, 50, 66, 75, 99, 100};
  int total = 0;
  int inexact = 0;
  for (int64_t d = 1; d <= 100; ++d) {
    for (int64_t max : maximums) {
      for (int64_t min : minimums) {
        const EcsRollout ecs{max, min};
        const ToK8s r = rollout_to_k8s(ecs, d);
        const Bounds want = ecs_bounds(ecs, d);
        const std::string where = std::to_string(max) + "/" + std::to_string(min) +
                                  " D=" + std::to_string(d) + " -> " + show(r.rollout);
        ++total;
        EXPECT_FALSE(both_zero(r.rollout)) << where;
        EXPECT_EQ(r.exact, r.note.empty()) << where;
        // The only ECS pairs Kubernetes cannot express here are those that replace nothing.
        const bool replaces_nothing = want.most_pods == d && want.fewest_available == d;
        EXPECT_EQ(r.exact, !replaces_nothing) << where;
        if (r.exact) {
          EXPECT_EQ(k8s_bounds(r.rollout, d), want) << where;
        } else {
          ++inexact;
          EXPECT_EQ(k8s_bounds(r.rollout, d), (Bounds{d, d - 1})) << where;
        }
      }
    }
  }
  EXPECT_EQ(total, 7200);
  // 460 of 7200, all ECS pairs that let no task be replaced at that replica count.
  EXPECT_LT(inexact * 100, total * 7) << inexact << " inexact of " << total;
}

TEST(RolloutToEcsTest, HandCheckedCases) {
  ToEcs r = rollout_to_ecs(rolling(pct(25), pct(25)), 4);
  EXPECT_EQ(r.rollout, (EcsRollout{125, 75}));
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.note, "");

  r = rollout_to_ecs(recreate(), 4);
  EXPECT_EQ(r.rollout, (EcsRollout{100, 0}));
  EXPECT_TRUE(r.exact);
  r = rollout_to_ecs(recreate(), 0);
  EXPECT_EQ(r.rollout, (EcsRollout{100, 0}));

  // 25% of 3 surges ceil(0.75) = 1 pod: 125% would give floor(3.75) = 3 tasks, 150% gives 4.
  // 25% unavailable is floor(0.75) = 0 pods, and 75% healthy is ceil(2.25) = 3 tasks.
  r = rollout_to_ecs(rolling(pct(25), pct(25)), 3);
  EXPECT_EQ(r.rollout, (EcsRollout{150, 75}));
  EXPECT_TRUE(r.exact);

  r = rollout_to_ecs(rolling(num(1), num(1)), 3);  // 4 pods, 2 available
  EXPECT_EQ(r.rollout, (EcsRollout{150, 50}));
  EXPECT_TRUE(r.exact);

  r = rollout_to_ecs(rolling(num(1), num(0)), 10);
  EXPECT_EQ(r.rollout, (EcsRollout{110, 100}));
  EXPECT_TRUE(r.exact);

  r = rollout_to_ecs(rolling(pct(100), pct(0)), 3);
  EXPECT_EQ(r.rollout, (EcsRollout{200, 100}));

  // 0/0 is resolved the controller's way (one unavailable) before mapping.
  r = rollout_to_ecs(rolling(num(0), num(0)), 4);
  EXPECT_EQ(r.rollout, (EcsRollout{100, 75}));
  EXPECT_TRUE(r.exact);

  // No cap at 200.
  r = rollout_to_ecs(rolling(pct(300), pct(0)), 2);
  EXPECT_EQ(r.rollout, (EcsRollout{400, 100}));
  EXPECT_TRUE(r.exact);
}

TEST(RolloutToEcsTest, ZeroReplicasMapsPercentagesDirectly) {
  ToEcs r = rollout_to_ecs(rolling(pct(25), pct(25)), 0);
  EXPECT_EQ(r.rollout, (EcsRollout{125, 75}));
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.note, "");

  r = rollout_to_ecs(rolling(num(0), pct(10)), 0);  // an absolute 0 is 0%
  EXPECT_EQ(r.rollout, (EcsRollout{100, 90}));
  EXPECT_TRUE(r.exact);

  r = rollout_to_ecs(rolling(num(2), num(1)), 0);
  EXPECT_EQ(r.rollout, (EcsRollout{200, 100}));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maxSurge 2 is a pod count and replicas is 0; using the ECS default maximumPercent "
            "200; maxUnavailable 1 is a pod count and replicas is 0; using the ECS default "
            "minimumHealthyPercent 100");

  r = rollout_to_ecs(rolling(pct(50), num(1)), 0);
  EXPECT_EQ(r.rollout, (EcsRollout{150, 100}));
  EXPECT_FALSE(r.exact);

  // Would be 100/100, which replaces nothing.
  r = rollout_to_ecs(rolling(pct(0), num(1)), 0);
  EXPECT_EQ(r.rollout, (EcsRollout{200, 100}));
  EXPECT_FALSE(r.exact);
  EXPECT_NE(r.note, "");
}

TEST(RolloutToEcsTest, AboveOneHundredReplicasStaysSafeOrExplains) {
  // 249 of 250 available: 99% gives 248, 100% gives 250 and, with 100% maximum, would stall.
  ToEcs r = rollout_to_ecs(rolling(num(0), num(1)), 250);
  EXPECT_EQ(r.rollout, (EcsRollout{100, 99}));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maxUnavailable 1 keeps 249 pods available at 250 replicas, which no integer "
            "minimumHealthyPercent gives; using 99 (at least 248 healthy)");

  // 301 pods at 300 replicas: 100% gives 300 tasks, which would stall with 100% healthy.
  r = rollout_to_ecs(rolling(num(1), num(0)), 300);
  EXPECT_EQ(r.rollout, (EcsRollout{101, 100}));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.note,
            "maxSurge 1 allows 301 pods at 300 replicas, which no integer maximumPercent gives; "
            "using 101 (at most 303 tasks)");

  // Safe on both sides when that does not stall: fewer tasks in flight, more kept healthy.
  r = rollout_to_ecs(rolling(num(1), num(3)), 300);  // 301 pods, 297 available
  EXPECT_EQ(r.rollout, (EcsRollout{100, 99}));
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(ecs_bounds(r.rollout, 300), (Bounds{300, 297}));
}

std::vector<IntOrPercent> k8s_limits() {
  std::vector<IntOrPercent> limits;
  for (int64_t p : {0, 1, 10, 25, 33, 50, 100}) limits.push_back(pct(p));
  for (int64_t n : {0, 1, 2, 3, 5, 10}) limits.push_back(num(n));
  return limits;
}

TEST(RolloutToEcsTest, GridIsExactUpToOneHundredReplicas) {
  const std::vector<IntOrPercent> limits = k8s_limits();
  int total = 0;
  for (int64_t d = 1; d <= 100; ++d) {
    std::vector<K8sRollout> forms = {recreate()};
    for (const IntOrPercent& surge : limits) {
      for (const IntOrPercent& unavailable : limits) forms.push_back(rolling(surge, unavailable));
    }
    for (const K8sRollout& k8s : forms) {
      const ToEcs r = rollout_to_ecs(k8s, d);
      const std::string where = show(k8s) + " D=" + std::to_string(d);
      ++total;
      // For D <= 100 an exact integer percentage always exists: each window of D*M / 100
      // (or D*m / 100) values is 100 wide and so holds a multiple of D.
      EXPECT_TRUE(r.exact) << where << ": " << r.note;
      EXPECT_EQ(r.note, "") << where;
      EXPECT_EQ(ecs_bounds(r.rollout, d), k8s_bounds(k8s, d)) << where;
      EXPECT_GE(r.rollout.minimum_healthy_percent, 0) << where;
      EXPECT_LE(r.rollout.minimum_healthy_percent, 100) << where;
    }
  }
  EXPECT_EQ(total, 100 * (1 + 13 * 13));
}

TEST(RolloutToEcsTest, LargeReplicaCountsAreSafeOrExplained) {
  const std::vector<IntOrPercent> limits = k8s_limits();
  int total = 0;
  int inexact = 0;
  for (int64_t d = 101; d <= 1000; d += 7) {
    for (const IntOrPercent& surge : limits) {
      for (const IntOrPercent& unavailable : limits) {
        const K8sRollout k8s = rolling(surge, unavailable);
        const ToEcs r = rollout_to_ecs(k8s, d);
        const Bounds want = k8s_bounds(k8s, d);
        const Bounds got = ecs_bounds(r.rollout, d);
        const std::string where = show(k8s) + " D=" + std::to_string(d);
        ++total;
        EXPECT_EQ(r.exact, r.note.empty()) << where;
        EXPECT_EQ(r.exact, got == want) << where;
        EXPECT_TRUE(got.most_pods > d || got.fewest_available < d) << where << " stalls";
        if (r.exact) continue;
        ++inexact;
        // Safe on at least one side: only the side relaxed to keep the rollout moving is not.
        const bool fewer_or_same_pods = got.most_pods <= want.most_pods;
        const bool as_many_available = got.fewest_available >= want.fewest_available;
        EXPECT_TRUE(fewer_or_same_pods || as_many_available) << where;
      }
    }
  }
  // Above 100 replicas one percent is more than one task, so most absolute counts miss.
  EXPECT_GT(inexact, 0);
}

TEST(RolloutRoundTripTest, EcsToK8sToEcsKeepsBounds) {
  for (int64_t d = 1; d <= 100; ++d) {
    for (int64_t max = 100; max <= 300; max += 5) {
      for (int64_t min = 0; min <= 100; min += 5) {
        const EcsRollout ecs{max, min};
        const ToK8s there = rollout_to_k8s(ecs, d);
        if (!there.exact) continue;
        const ToEcs back = rollout_to_ecs(there.rollout, d);
        ASSERT_TRUE(back.exact) << max << "/" << min << " D=" << d;
        EXPECT_EQ(ecs_bounds(back.rollout, d), ecs_bounds(ecs, d))
            << max << "/" << min << " D=" << d;
      }
    }
  }
}

}  // namespace
}  // namespace specconv::mapping
