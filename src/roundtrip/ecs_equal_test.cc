// The ECS round-trip comparison itself: it finds differences, treats defaults as equal, and only
// a lossy diagnostic of the first conversion at or above a difference excuses it.
#include "roundtrip/ecs_equal.h"

#include <gtest/gtest.h>

#include "diag/codes.h"
#include "io/json_load.h"
#include "testutil/json.h"

namespace specconv::roundtrip {
namespace {


const Origin kOrigin{"td.json", ""};

Comparison compare_td(const std::string& a, const std::string& b, const Diagnostics& first = {}) {
  return compare_task_definitions(testutil::parse_json(a), testutil::parse_json(b), first, kOrigin);
}

TEST(EcsEqual, IdenticalDocumentsAreEqual) {
  const std::string td = R"({"family":"web","containerDefinitions":[{"name":"app","image":"nginx","memory":512}]})";
  EXPECT_TRUE(compare_td(td, td).equal());
}

TEST(EcsEqual, ChangedImageIsADifferenceWithPointerAndBothValues) {
  const auto c = compare_td(R"({"family":"web","containerDefinitions":[{"name":"app","image":"nginx:1"}]})",
                            R"({"family":"web","containerDefinitions":[{"name":"app","image":"nginx:2"}]})");
  ASSERT_EQ(c.differences.size(), 1u) << describe(c.differences);
  EXPECT_EQ(c.differences[0].pointer, "/containerDefinitions/0/image");
  EXPECT_EQ(c.differences[0].original, "\"nginx:1\"");
  EXPECT_EQ(c.differences[0].round_tripped, "\"nginx:2\"");
}

TEST(EcsEqual, MissingAndExtraFieldsAreDifferences) {
  const auto c = compare_td(R"({"family":"web","taskRoleArn":"arn:r","containerDefinitions":[{"name":"a","image":"i"}]})",
                            R"({"family":"web","executionRoleArn":"arn:x","containerDefinitions":[{"name":"a","image":"i"}]})");
  ASSERT_EQ(c.differences.size(), 2u) << describe(c.differences);
  EXPECT_EQ(c.differences[0].pointer, "/executionRoleArn");
  EXPECT_EQ(c.differences[0].original, "");
  EXPECT_EQ(c.differences[1].pointer, "/taskRoleArn");
  EXPECT_EQ(c.differences[1].round_tripped, "");
}

TEST(EcsEqual, DefaultsMadeExplicitEqualOmittedOnes) {
  const auto c = compare_td(
      R"({"family":"web","cpu":"1 vCPU","memory":"2 GB","containerDefinitions":[{"name":"a","image":"i",
          "portMappings":[{"containerPort":80}],"mountPoints":[{"sourceVolume":"v","containerPath":"/d"}],
          "healthCheck":{"command":["CMD","true"]},"environment":[],"cpu":0}],
          "volumes":[{"name":"v"}],"taskDefinitionArn":"arn:aws:ecs:r:1:task-definition/web:3","revision":3,
          "status":"ACTIVE","registeredAt":"2024-01-01","compatibilities":["EC2"],"requiresAttributes":[{"name":"x"}]})",
      R"({"family":"web","networkMode":"bridge","requiresCompatibilities":[],"cpu":"1024","memory":2048,
          "containerDefinitions":[{"name":"a","image":"i","essential":true,
          "portMappings":[{"containerPort":80,"protocol":"tcp","hostPort":0}],
          "mountPoints":[{"sourceVolume":"v","containerPath":"/d","readOnly":false}],
          "healthCheck":{"command":["CMD","true"],"interval":30,"timeout":5,"retries":3,"startPeriod":0}}],
          "volumes":[{"name":"v","host":{}}]})");
  EXPECT_TRUE(c.equal()) << describe(c.differences);
}

TEST(EcsEqual, AwsvpcHostPortDefaultsToTheContainerPortButNotInBridgeMode) {
  const std::string a = R"({"family":"f","networkMode":"%","containerDefinitions":[{"name":"a","image":"i",
      "portMappings":[{"containerPort":8080}]}]})";
  const std::string b = R"({"family":"f","networkMode":"%","containerDefinitions":[{"name":"a","image":"i",
      "portMappings":[{"containerPort":8080,"hostPort":8080}]}]})";
  auto mode = [](std::string s, const std::string& m) { return s.replace(s.find('%'), 1, m); };
  EXPECT_TRUE(compare_td(mode(a, "awsvpc"), mode(b, "awsvpc")).equal());
  EXPECT_FALSE(compare_td(mode(a, "bridge"), mode(b, "bridge")).equal());
}

TEST(EcsEqual, EnvironmentOrderIsIrrelevantContainerOrderIsNot) {
  const auto env = compare_td(
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","environment":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]})",
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","environment":[{"name":"Y","value":"2"},{"name":"X","value":"1"}]}]})");
  EXPECT_TRUE(env.equal()) << describe(env.differences);
  const auto containers = compare_td(
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i"},{"name":"b","image":"j"}]})",
      R"({"family":"f","containerDefinitions":[{"name":"b","image":"j"},{"name":"a","image":"i"}]})");
  EXPECT_FALSE(containers.equal());
}

TEST(EcsEqual, ChangedEnvironmentValueIsReportedAtTheOriginalIndex) {
  const auto c = compare_td(
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","environment":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]})",
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","environment":[{"name":"Y","value":"3"},{"name":"X","value":"1"},{"name":"Z","value":"0"}]}]})");
  ASSERT_EQ(c.differences.size(), 2u) << describe(c.differences);
  EXPECT_EQ(c.differences[0].pointer, "/containerDefinitions/0/environment/1/value");
  EXPECT_EQ(c.differences[1].pointer, "/containerDefinitions/0/environment/-");
}

TEST(EcsEqual, ObjectKeyOrderIsIrrelevantButValuesAreNot) {
  const auto same = compare_td(
      R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","dockerLabels":{"x":"1","y":"2"}}]})",
      R"({"containerDefinitions":[{"dockerLabels":{"y":"2","x":"1"},"image":"i","name":"a"}],"family":"f"})");
  EXPECT_TRUE(same.equal()) << describe(same.differences);
  const auto c = compare_td(R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","dockerLabels":{"a/b":"1"}}]})",
                            R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","dockerLabels":{"a/b":"2"}}]})");
  ASSERT_EQ(c.differences.size(), 1u);
  EXPECT_EQ(c.differences[0].pointer, "/containerDefinitions/0/dockerLabels/a~1b");
}

TEST(EcsEqual, NumbersGivenAsStringsEqualNumbers) {
  EXPECT_TRUE(compare_td(R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","memory":"512"}]})",
                         R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","memory":512}]})")
                  .equal());
}

const std::string kCpu100 = R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","cpu":100}]})";
const std::string kCpu104 = R"({"family":"f","containerDefinitions":[{"name":"a","image":"i","cpu":104}]})";

TEST(EcsEqual, ALossyDiagnosticAtOrAboveTheDifferenceExcusesIt) {
  ASSERT_TRUE(is_lossy_code("lossy-cpu-rounding"));
  for (const std::string& pointer : {"/containerDefinitions/0/cpu", "/containerDefinitions/0", ""}) {
    Diagnostics first;
    first.warning("lossy-cpu-rounding", {"td.json", pointer}, "rounded");
    const auto c = compare_td(kCpu100, kCpu104, first);
    EXPECT_TRUE(c.equal()) << pointer;
    ASSERT_EQ(c.accepted.size(), 1u) << pointer;
    EXPECT_EQ(c.accepted[0].accepted_by, "lossy-cpu-rounding");
  }
}

TEST(EcsEqual, UnrelatedDiagnosticsDoNotExcuseADifference) {
  Diagnostics first;
  first.warning("host-port", {"td.json", "/containerDefinitions/0/cpu"}, "not a lossy code");         // code not in the table
  first.warning("lossy-cpu-rounding", {"td.json", "/containerDefinitions/1/cpu"}, "another container");  // beside it
  first.warning("lossy-cpu-rounding", {"td.json", "/containerDefinitions/0/cpuX"}, "not a segment prefix");
  first.warning("lossy-cpu-rounding", {"td.json", "/containerDefinitions/0/cpu/x"}, "below it");
  first.warning("lossy-cpu-rounding", {"other.json", "/containerDefinitions/0/cpu"}, "another file");
  const auto c = compare_td(kCpu100, kCpu104, first);
  EXPECT_FALSE(c.equal());
  EXPECT_TRUE(c.accepted.empty());
}

TEST(EcsEqual, DiagnosticsOfAnotherDocumentInTheSameFileDoNotExcuse) {
  Diagnostics first;
  first.warning("lossy-cpu-rounding", {"td.json", "/1/containerDefinitions/0/cpu"}, "second document");
  EXPECT_FALSE(compare_task_definitions(testutil::parse_json(kCpu100), testutil::parse_json(kCpu104), first, {"td.json", "/0"}).equal());
  Diagnostics own;
  own.warning("lossy-cpu-rounding", {"td.json", "/0/containerDefinitions/0/cpu"}, "this document");
  EXPECT_TRUE(compare_task_definitions(testutil::parse_json(kCpu100), testutil::parse_json(kCpu104), own, {"td.json", "/0"}).equal());
}

TEST(EcsEqual, ServicesCompareWithTheirDefaults) {
  const io::Node a = testutil::parse_json(R"({"serviceName":"web","taskDefinition":"arn:aws:ecs:r:1:task-definition/web:7","desiredCount":2,
      "networkConfiguration":{"awsvpcConfiguration":{"subnets":["s1","s2"]}}})");
  const io::Node b = testutil::parse_json(R"({"serviceName":"web","taskDefinition":"web","desiredCount":2,"launchType":"EC2",
      "schedulingStrategy":"REPLICA","deploymentConfiguration":{"maximumPercent":200,"minimumHealthyPercent":100},
      "networkConfiguration":{"awsvpcConfiguration":{"subnets":["s2","s1"],"assignPublicIp":"DISABLED"}}})");
  const auto c = compare_services(a, b, {}, kOrigin);
  EXPECT_TRUE(c.equal()) << describe(c.differences);
  const io::Node d = testutil::parse_json(R"({"serviceName":"web","taskDefinition":"web","desiredCount":3})");
  const auto diff = compare_services(a, d, {}, kOrigin);
  ASSERT_FALSE(diff.equal());
  EXPECT_EQ(diff.differences[0].pointer, "/desiredCount");
}

TEST(EcsEqual, DescribeOutputIsUnwrapped) {
  const auto docs = ecs_documents(testutil::parse_json(R"({"taskDefinition":{"family":"f","containerDefinitions":[]},
      "tags":[{"key":"team","value":"a"}]})"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].pointer, "/taskDefinition");
  ASSERT_NE(docs[0].node.find("tags"), nullptr);
  const auto services = ecs_documents(testutil::parse_json(R"({"services":[{"serviceName":"a"},{"serviceName":"b"}],"failures":[]})"));
  ASSERT_EQ(services.size(), 2u);
  EXPECT_EQ(services[1].kind, DocumentKind::kService);
  EXPECT_EQ(services[1].pointer, "/services/1");
}

TEST(EcsEqual, EveryLossyCodeIsARegisteredDiagnosticCode) {
  for (const auto& c : lossy_codes()) {
    EXPECT_NE(diag::find_code(c.code), nullptr) << c.code;
    EXPECT_FALSE(c.reason.empty()) << c.code;
  }
}

}  // namespace
}  // namespace specconv::roundtrip
