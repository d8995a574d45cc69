// Tests for the input registry: what a document is, the same from a parsed tree and from text.
#include "input/kind.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "input/kubernetes_kinds.h"
#include "testutil/json.h"

namespace specconv::input {
namespace {

io::Node parse(const std::string& text) { return testutil::parse_json(text); }

struct Case {
  const char* json;
  Shape shape;
  bool companion;
  io::KeyStyle keys = io::KeyStyle::kCamel;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> k = {
      {R"({"family":"web","containerDefinitions":[]})", Shape::kEcsTaskDefinition, false},
      {R"({"family":"web"})", Shape::kEcsTaskDefinition, false},
      {R"({"Family":"web","ContainerDefinitions":[]})", Shape::kEcsTaskDefinition, false, io::KeyStyle::kPascal},
      {R"({"family":"web","container_definitions":"[]"})", Shape::kEcsTaskDefinition, false, io::KeyStyle::kSnake},
      {R"({"taskDefinition":{"family":"web"},"tags":[]})", Shape::kEcsDescribeTaskDefinition, false},
      {R"({"taskDefinition":{"family":"web"},"service":{"serviceName":"web"}})", Shape::kEcsConverted, false},
      {R"({"serviceName":"web","taskDefinition":"web:3"})", Shape::kEcsService, true},
      {R"({"ServiceName":"web","LoadBalancers":[]})", Shape::kEcsService, true, io::KeyStyle::kPascal},
      {R"({"desiredCount":2,"taskDefinition":"web:3"})", Shape::kEcsService, true},
      {R"({"services":[{"serviceName":"web"}],"failures":[]})", Shape::kEcsDescribeServices, true},
      {R"({"TargetGroups":[]})", Shape::kEcsWiring, true},
      {R"({"LoadBalancers":[]})", Shape::kEcsWiring, true},
      {R"({"ScalingPolicies":[]})", Shape::kEcsWiring, true},
      {R"({"api":"ecs:RegisterTaskDefinition","input":{}})", Shape::kEcsApiCall, false},
      {R"j({"Arn":"arn:aws:scheduler:eu-west-1:1:schedule/default/x","Name":"x","ScheduleExpression":"rate(1 hour)",
          "Target":{"Arn":"arn:aws:ecs:eu-west-1:1:cluster/c","EcsParameters":{"TaskDefinitionArn":"web:3"}}})j",
       Shape::kEcsSchedule, true, io::KeyStyle::kPascal},
      {R"j({"Name":"rule","ScheduleExpression":"rate(1 hour)","State":"ENABLED"})j", Shape::kUnknown, false},  // describe-rule: no target
      {R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{}})", Shape::kKubernetesObject, false},
      {R"({"apiVersion":"v1","kind":"Service"})", Shape::kKubernetesObject, true},
      {R"({"apiVersion":"v1","kind":"List","items":[]})", Shape::kKubernetesObject, false},
      {R"([{"family":"a","containerDefinitions":[]},{"serviceName":"a"}])", Shape::kEcsTaskDefinition, false},
      {R"({"AWSTemplateFormatVersion":"2010-09-09","Resources":{"T":{"Type":"AWS::ECS::TaskDefinition"}},"Rules":{}})",
       Shape::kCloudFormationTemplate, false},
      {R"({"name":"not a spec"})", Shape::kUnknown, false},
      {R"({})", Shape::kUnknown, false},
  };
  return k;
}

TEST(InputRegistry, ClassifiesEachInputShape) {
  for (const Case& c : cases()) {
    const Kind k = classify(parse(c.json));
    EXPECT_EQ(k.shape, c.shape) << c.json << ": " << to_string(k.shape);
    EXPECT_EQ(k.companion(), c.companion) << c.json;
    EXPECT_EQ(k.keys, c.keys) << c.json;
  }
}

TEST(InputRegistry, TextScanAgreesWithTheParsedTree) {
  for (const Case& c : cases()) {
    const Kind from_text = sniff(std::string("\n  ") + c.json);
    const Kind from_tree = classify(parse(c.json));
    EXPECT_EQ(from_text.shape, from_tree.shape) << c.json;
    EXPECT_EQ(from_text.companion(), from_tree.companion()) << c.json;
    EXPECT_EQ(from_text.keys, from_tree.keys) << c.json;
    EXPECT_EQ(from_text.k8s_kind, from_tree.k8s_kind) << c.json;
  }
}

TEST(InputRegistry, AContainerDefinitionsKeyMakesATaskDefinitionEvenWithApiVersion) {
  EXPECT_EQ(classify(parse(R"({"apiVersion":"v1","kind":"x","containerDefinitions":[]})")).shape, Shape::kEcsTaskDefinition);
}

TEST(InputRegistry, BrokenJsonIsNotAnEcsCompanion) {
  const Kind k = sniff(R"({"serviceName": "web", "desiredCount": )");
  EXPECT_EQ(k.shape, Shape::kUnknown);
  EXPECT_FALSE(k.companion());
}

TEST(InputRegistry, YamlManifestsAreKubernetesAndCompanionsUnlessAWorkloadIsNamed) {
  const Kind service = sniff("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
  EXPECT_EQ(service.platform(), Platform::kKubernetes);
  EXPECT_TRUE(service.companion());
  const Kind both = sniff("apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: \"Deployment\"\n");
  EXPECT_EQ(both.platform(), Platform::kKubernetes);
  EXPECT_FALSE(both.companion());
  EXPECT_EQ(both.k8s_kind, "Deployment");
  EXPECT_EQ(sniff("just: some yaml\n").platform(), Platform::kUnknown);
  EXPECT_EQ(sniff("   \n").platform(), Platform::kUnknown);
}

TEST(InputRegistry, AYamlCloudFormationTemplateIsNamedAndNotTakenForKubernetes) {
  const Kind k = sniff("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n");
  EXPECT_EQ(k.shape, Shape::kCloudFormationTemplate);
  EXPECT_EQ(k.platform(), Platform::kEcs);
}

TEST(InputRegistry, AJsonArrayOfManifestsIsKubernetes) {
  const Kind k = sniff(R"([{"apiVersion":"v1","kind":"ConfigMap"},{"apiVersion":"apps/v1","kind":"Deployment"}])");
  EXPECT_EQ(k.platform(), Platform::kKubernetes);
  EXPECT_FALSE(k.companion());
}

TEST(KubernetesKinds, WorkloadsAreConvertedAndWiringIsNotAWorkload) {
  for (const char* kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob"}) {
    EXPECT_TRUE(is_workload_kind(kind)) << kind;
    EXPECT_TRUE(is_converted_kind(kind)) << kind;
  }
  for (const char* kind : {"Service", "Ingress", "ConfigMap", "Secret", "HorizontalPodAutoscaler"}) {
    EXPECT_FALSE(is_workload_kind(kind)) << kind;
    EXPECT_TRUE(is_converted_kind(kind)) << kind;
  }
  EXPECT_FALSE(is_converted_kind("Namespace"));
  EXPECT_FALSE(is_converted_kind("deployment"));  // kinds are case-sensitive
  EXPECT_EQ(current_api_version("CronJob"), "batch/v1");
  EXPECT_EQ(current_api_version("Deployment"), "apps/v1");
}

}  // namespace
}  // namespace specconv::input
