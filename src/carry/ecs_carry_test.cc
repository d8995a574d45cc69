// Tests for the ECS carry: its annotation form, and that the ECS reader fills it and the ECS
// writer restores from it (the model itself holds none of it).
#include "carry/ecs_carry.h"

#include <gtest/gtest.h>

#include <string>

#include "ecs/bundle.h"
#include "ecs/reader.h"
#include "ecs/writer.h"
#include "testutil/json.h"

namespace specconv::carry {
namespace {

using io::Node;

TEST(EcsCarry, AnnotationTextIsCompactAndInNameOrderWhateverTheReadOrder) {
  const Fields f = from_object(testutil::parse_json(R"({"ulimits": [{"name": "nofile"}], "links": ["db"], "dockerLabels": {"a": "b"}})"));
  EXPECT_EQ(encode(to_object(f)), R"({"dockerLabels":{"a":"b"},"links":["db"],"ulimits":[{"name":"nofile"}]})");
}

TEST(EcsCarry, DecodeGivesTheObjectBackAndRejectsAnythingElse) {
  std::string error;
  const auto n = decode(R"({"pidMode":"task","maximumPercent":150})", error);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(from_object(*n).at("maximumPercent"), Node::integer(150));
  EXPECT_FALSE(decode("[1, 2]", error).has_value());
  EXPECT_EQ(error, "not a JSON object");
  EXPECT_FALSE(decode("{not json", error).has_value());
  EXPECT_EQ(error, "not JSON");
}

TEST(EcsCarry, MergeMissingKeepsWhatIsThere) {
  Fields into = from_object(testutil::parse_json(R"({"cluster": "prod"})"));
  merge_missing(from_object(testutil::parse_json(R"({"cluster": "other", "launchType": "EC2"})")), into);
  EXPECT_EQ(into.at("cluster"), Node::string("prod"));
  EXPECT_EQ(into.at("launchType"), Node::string("EC2"));
}

TEST(EcsCarry, ContainerWithoutFieldsIsEmpty) {
  EcsCarry kept;
  EXPECT_TRUE(kept.empty());
  EXPECT_TRUE(kept.container("web").empty());
  EXPECT_EQ(find(kept.task, "volumes"), nullptr);
}

// The reader keeps ECS-only values in API camelCase whatever the input's spelling (here
// CloudFormation's PascalCase), per container by name, beside the model.
TEST(EcsCarry, ReaderKeepsEcsOnlyValuesInApiSpelling) {
  const Node td = testutil::parse_json(R"({"Family": "web", "RequiresCompatibilities": ["EC2"], "PidMode": "task",
    "ContainerDefinitions": [{"Name": "app", "Image": "nginx", "Memory": 256,
      "Ulimits": [{"Name": "nofile", "SoftLimit": 1024, "HardLimit": 2048}],
      "LogConfiguration": {"LogDriver": "awslogs", "Options": {"awslogs-group": "/ecs/web"}}}]})");
  ecs::Bundle bundle;
  Diagnostics d;
  ecs::read_ecs(td, "td.json", bundle, d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(bundle.task_definitions.size(), 1u);
  const EcsCarry& kept = bundle.task_definitions[0].carry;
  EXPECT_EQ(kept.task.at("pidMode"), Node::string("task"));
  EXPECT_EQ(encode(kept.container("app").at("ulimits")), R"([{"name":"nofile","softLimit":1024,"hardLimit":2048}])");
  // Option names are values, not keys of the API: kept as written.
  EXPECT_EQ(encode(kept.container("app").at("logConfiguration")), R"({"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web"}})");
}

// The writer restores what the carry holds into the task definition, in API order.
TEST(EcsCarry, WriterRestoresKeptContainerValues) {
  model::Workload w;
  w.name = "web";
  model::Container c;
  c.name = "app";
  c.image = "nginx";
  w.containers.push_back(c);
  EcsCarry kept;
  kept.containers["app"] = from_object(testutil::parse_json(R"({"ulimits": [{"name": "nofile", "softLimit": 1, "hardLimit": 2}]})"));
  ecs::WriteOptions o;
  Diagnostics d;
  const Node td = ecs::task_definition_input(w, kept, {"in.yaml", "", 0, 0, -1}, o, d);
  const Node& def = td.find("containerDefinitions")->items()[0];
  ASSERT_NE(def.find("ulimits"), nullptr);
  EXPECT_EQ(encode(*def.find("ulimits")), R"([{"name":"nofile","softLimit":1,"hardLimit":2}])");
  EXPECT_EQ(ecs::task_definition_input(w, EcsCarry{}, {"in.yaml", "", 0, 0, -1}, o, d).find("containerDefinitions")->items()[0].find("ulimits"),
            nullptr);
}

}  // namespace
}  // namespace specconv::carry
