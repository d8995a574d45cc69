// Placement constraint expressions -> node affinity requirements.
#include "mapping/placement.h"

#include <gtest/gtest.h>

namespace specconv::mapping {
namespace {

TEST(PlacementTest, InstanceTypeEquality) {
  const auto p = parse_member_of("attribute:ecs.instance-type == t2.small");
  ASSERT_TRUE(p.error.empty()) << p.error;
  ASSERT_EQ(p.requirements.size(), 1u);
  EXPECT_EQ(p.requirements[0], (NodeRequirement{"node.kubernetes.io/instance-type", false, {"t2.small"}}));
}

TEST(PlacementTest, ListsAndConjunctions) {
  const auto p = parse_member_of("attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and attribute:ecs.cpu-architecture != x86_64");
  ASSERT_TRUE(p.error.empty()) << p.error;
  ASSERT_EQ(p.requirements.size(), 2u);
  EXPECT_EQ(p.requirements[0], (NodeRequirement{"topology.kubernetes.io/zone", false, {"us-east-1a", "us-east-1b"}}));
  EXPECT_EQ(p.requirements[1], (NodeRequirement{"kubernetes.io/arch", true, {"amd64"}}));
}

TEST(PlacementTest, CustomAttributeKeepsItsName) {
  const auto p = parse_member_of("attribute:stack == linkerd-viz");
  ASSERT_TRUE(p.error.empty());
  EXPECT_EQ(p.requirements[0].key, "stack");
}

TEST(PlacementTest, UntranslatableExpressionsSayWhy) {
  EXPECT_FALSE(parse_member_of("attribute:ecs.instance-type =~ t2.*").error.empty());
  EXPECT_FALSE(parse_member_of("attribute:a == b or attribute:c == d").error.empty());
  EXPECT_FALSE(parse_member_of("task:group == service:web").error.empty());
  EXPECT_FALSE(parse_member_of("attribute:ecs.instance-type in [t2.*]").error.empty());
}

}  // namespace
}  // namespace specconv::mapping
