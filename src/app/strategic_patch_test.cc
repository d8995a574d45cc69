// Strategic merge patches: a diff applied gives the target back, holds only what differs, and
// orders keyed lists as kustomize does.
#include "app/strategic_patch.h"

#include <gtest/gtest.h>

#include <string>

#include "testutil/json.h"
#include "io/json_write.h"

namespace specconv::app {
namespace {

using io::Node;

std::string compact(const Node& n) { return io::to_json(n, -1); }

TEST(StrategicPatch, EqualObjectsGiveAnEmptyPatch) {
  const Node a = testutil::parse_json(R"({"spec": {"replicas": 2, "x": [1, 2]}})");
  const auto p = strategic_diff(a, testutil::parse_json(R"({"spec": {"x": [1, 2], "replicas": 2}})"));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->size(), 0u);
}

TEST(StrategicPatch, MapsHoldOnlyWhatDiffersAndNullDeletes) {
  const Node base = testutil::parse_json(R"({"metadata": {"name": "w", "labels": {"a": "1", "b": "2"}}, "spec": {"replicas": 1}})");
  const Node target = testutil::parse_json(R"({"metadata": {"name": "w", "labels": {"a": "1", "c": "3"}}, "spec": {"replicas": 3}})");
  const auto p = strategic_diff(base, target);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"metadata":{"labels":{"c":"3","b":null}},"spec":{"replicas":3}})");
  EXPECT_TRUE(same_tree(strategic_apply(base, *p), target));
}

TEST(StrategicPatch, OtherListsAreReplacedWhole) {
  const Node base = testutil::parse_json(R"({"args": ["a", "b"]})");
  const auto p = strategic_diff(base, testutil::parse_json(R"({"args": ["b"]})"));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"args":["b"]})");
}

TEST(StrategicPatch, KeyedListItemsCarryTheirKeyAndTheirChangesOnly) {
  const Node base = testutil::parse_json(R"({"containers": [{"name": "web", "image": "a:1", "env": [{"name": "X", "value": "1"}]},
                                            {"name": "side", "image": "s:1"}]})");
  const Node target = testutil::parse_json(R"({"containers": [{"name": "web", "image": "a:2", "env": [{"name": "X", "value": "1"}]},
                                              {"name": "side", "image": "s:1"}]})");
  const auto p = strategic_diff(base, target);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"containers":[{"name":"web","image":"a:2"}]})");
  EXPECT_TRUE(same_tree(strategic_apply(base, *p), target));
}

TEST(StrategicPatch, RemovedItemsAreDeleteDirectives) {
  const Node base = testutil::parse_json(R"({"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}]})");
  const Node target = testutil::parse_json(R"({"env": [{"name": "A", "value": "1"}]})");
  const auto p = strategic_diff(base, target);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"env":[{"name":"B","$patch":"delete"}]})");
  EXPECT_TRUE(same_tree(strategic_apply(base, *p), target));
}

// kustomize puts the patch's items first, then the base items it does not name: a change in the
// middle of a list names the items before it (key only) so the order stays as written.
TEST(StrategicPatch, KeyedListsKeepTheTargetOrderUnderKustomizeMerging) {
  const Node base = testutil::parse_json(R"({"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}, {"name": "C", "value": "3"}]})");
  const Node target = testutil::parse_json(R"({"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "20"}, {"name": "C", "value": "3"}]})");
  const auto p = strategic_diff(base, target);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"env":[{"name":"A"},{"name":"B","value":"20"}]})");
  EXPECT_EQ(compact(strategic_apply(base, *p)), compact(target));
}

TEST(StrategicPatch, ApplyOrdersAsKustomize) {
  // The same case `kubectl kustomize` was run on: D and B patched, E new, A deleted, C untouched.
  const Node base = testutil::parse_json(R"({"env": [{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}]})");
  const Node patch = testutil::parse_json(R"({"env": [{"name": "D", "value": "40"}, {"name": "B", "value": "20"}, {"name": "E"},
                                      {"name": "A", "$patch": "delete"}]})");
  EXPECT_EQ(compact(strategic_apply(base, patch)),
            R"({"env":[{"name":"D","value":"40"},{"name":"B","value":"20"},{"name":"E"},{"name":"C"}]})");
}

TEST(StrategicPatch, ReorderedItemsAreAllNamed) {
  const Node base = testutil::parse_json(R"({"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]})");
  const Node target = testutil::parse_json(R"({"containers": [{"name": "b", "image": "y"}, {"name": "a", "image": "x"}]})");
  const auto p = strategic_diff(base, target);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(compact(*p), R"({"containers":[{"name":"b"},{"name":"a"}]})");
  EXPECT_EQ(compact(strategic_apply(base, *p)), compact(target));
}

TEST(StrategicPatch, ServicePortsMergeByPortContainerPortsByContainerPort) {
  EXPECT_EQ(merge_key("ports", testutil::parse_json(R"([{"port": 80, "targetPort": 8080}])")), "port");
  EXPECT_EQ(merge_key("ports", testutil::parse_json(R"([{"containerPort": 8080}])")), "containerPort");
  EXPECT_EQ(merge_key("args", testutil::parse_json(R"(["a"])")), "");
}

TEST(StrategicPatch, NoExactPatchForDuplicateKeysOrNullValues) {
  EXPECT_FALSE(strategic_diff(testutil::parse_json(R"({"env": [{"name": "A"}]})"), testutil::parse_json(R"({"env": [{"name": "A"}, {"name": "A"}]})")).has_value());
  EXPECT_FALSE(strategic_diff(testutil::parse_json(R"({"a": 1})"), testutil::parse_json(R"({"a": 1, "b": {"c": null}})")).has_value());
}

}  // namespace
}  // namespace specconv::app
