// A template read into the bundle the API JSON path makes: the task definition under its
// family, the service linked to it and to its target group, the wiring of the load balancer,
// and diagnostics that point into the template as written.
#include "iac/template.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "io/json_load.h"
#include "io/yaml_load.h"

namespace specconv::iac {
namespace {

const char* kTemplate = R"({
  "Resources": {
    "WebTaskDef1A2B3C4D": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
      "Family": "stackWebTaskDef5E6F7A8B", "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc",
      "TaskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
      "ContainerDefinitions": [{"Name": "web", "Image": "nginx", "PortMappings": [{"ContainerPort": 80}]}]}},
    "TaskRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}},
    "WebServiceABCDEF12": {"Type": "AWS::ECS::Service", "Properties": {
      "TaskDefinition": {"Ref": "WebTaskDef1A2B3C4D"}, "DesiredCount": 2,
      "LoadBalancers": [{"ContainerName": "web", "ContainerPort": 80, "TargetGroupArn": {"Ref": "Tg"}}]}},
    "Tg": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
      "Port": 80, "Protocol": "HTTP", "TargetType": "ip", "HealthCheckPath": "/health", "VpcId": "vpc-1"}},
    "Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Scheme": "internal"}},
    "Https": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {
      "LoadBalancerArn": {"Ref": "Lb"}, "Port": 443, "Protocol": "HTTPS",
      "Certificates": [{"CertificateArn": "arn:aws:acm:us-east-1:1:certificate/x"}],
      "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "Tg"}}]}},
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Fn::NotEvaluated": 1}}}
  }
})";

TEST(TemplateReader, ResourcesBecomeTheBundleTheApiPathMakes) {
  Diagnostics d;
  const io::Node root = *io::load_json(kTemplate, "stack.template.json", {}, d);
  ecs::Bundle b;
  read_template(root, "stack.template.json", {}, {}, b, d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.task_definitions.size(), 1u);
  EXPECT_EQ(b.task_definitions[0].family, "WebTaskDef");  // CDK's stack prefix and hash dropped
  // The role has no RoleName: CloudFormation generates its name, so the ARN is a visible
  // placeholder with a warning that says what to pass.
  EXPECT_EQ(b.task_definitions[0].workload.task_role, "arn:aws:iam::123456789012:role/REPLACE_ME_TaskRole");
  EXPECT_TRUE(std::any_of(d.all().begin(), d.all().end(), [](const Diagnostic& x) {
    return x.code == "template-placeholder" && x.message.find("--parameter TaskRole.Arn=") != std::string::npos;
  }));
  EXPECT_EQ(b.task_definitions[0].workload.source_pointer, "/Resources/WebTaskDef1A2B3C4D/Properties");
  ASSERT_EQ(b.services.size(), 1u);
  EXPECT_EQ(b.services[0].service.service_name, "WebService");
  EXPECT_EQ(b.services[0].task_definition, "arn:aws:ecs:us-east-1:123456789012:task-definition/WebTaskDef");
  ASSERT_EQ(b.target_groups.size(), 1u);
  EXPECT_EQ(b.services[0].service.load_balancers.at(0).target_group_arn, b.target_groups[0].arn);
  EXPECT_EQ(b.target_groups[0].health_check_path, "/health");
  ASSERT_EQ(b.target_groups[0].load_balancer_arns.size(), 1u);
  ASSERT_EQ(b.load_balancers.size(), 1u);
  EXPECT_EQ(b.target_groups[0].load_balancer_arns[0], b.load_balancers[0].arn);
  EXPECT_EQ(b.load_balancers[0].scheme, "internal");
  ASSERT_EQ(b.listeners.size(), 1u);
  EXPECT_EQ(b.listeners[0].listener.certificate_arns.size(), 1u);
  EXPECT_EQ(b.listeners[0].load_balancer_arn, b.load_balancers[0].arn);
  bool vpc_reported = false, vpc_id_reported = false;
  for (const Diagnostic& x : d.all()) {
    vpc_reported = vpc_reported || (x.code == "template-skipped" && x.message.find("AWS::EC2::VPC") != std::string::npos);
    vpc_id_reported = vpc_id_reported || x.location.pointer == "/Resources/Tg/Properties/VpcId";
  }
  EXPECT_TRUE(vpc_reported);
  EXPECT_TRUE(vpc_id_reported);
}

TEST(TemplateReader, DiagnosticsPointIntoTheTemplateAsWritten) {
  const std::string yaml =
      "Resources:\n"
      "  Web:\n"
      "    Type: AWS::ECS::TaskDefinition\n"
      "    Properties:\n"
      "      Family: !Sub '${AWS::StackName}-web'\n"
      "      ContainerDefinitions:\n"
      "        - Name: web\n"
      "          Image: nginx\n"
      "          Bogus: 1\n";
  Diagnostics d;
  io::YamlLoad y = io::load_yaml(yaml, "t.yaml", {}, d, io::YamlTags::kCloudFormation);
  ecs::Bundle b;
  read_template(y.documents.at(0).root, "t.yaml", {}, {}, b, d);
  ASSERT_EQ(b.task_definitions.size(), 1u);
  EXPECT_EQ(b.task_definitions[0].family, "t-web");
  const Diagnostic* unknown = nullptr;
  for (const Diagnostic& x : d.all()) {
    if (x.code == "unknown-key") unknown = &x;
  }
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->location.pointer, "/Resources/Web/Properties/ContainerDefinitions/0/Bogus");
  EXPECT_EQ(unknown->location.line, 9);
}

TEST(TemplateReader, ATaskRoleGivenByNameIsReadAsItsArn) {
  const char* json = R"({"Resources": {
    "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "app"}},
    "Web": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "web", "TaskRoleArn": {"Ref": "Role"},
            "ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Memory": 64}]}}}})";
  Diagnostics d;
  const io::Node root = *io::load_json(json, "t.json", {}, d);
  ecs::Bundle b;
  read_template(root, "t.json", {}, {}, b, d);
  ASSERT_EQ(b.task_definitions.size(), 1u);
  EXPECT_EQ(b.task_definitions[0].workload.task_role, "arn:aws:iam::123456789012:role/app");
  bool coerced = false;
  for (const Diagnostic& x : d.all()) {
    coerced = coerced || (x.code == "type-coerced" && x.location.pointer == "/Resources/Web/Properties/TaskRoleArn");
  }
  EXPECT_TRUE(coerced);
}

TEST(TemplateReader, AnExternalDeploymentTakesItsTaskDefinitionFromItsTaskSet) {
  const char* json = R"({"Resources": {
    "Web": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "web",
            "ContainerDefinitions": [{"Name": "web", "Image": "nginx", "Memory": 64}]}},
    "Svc": {"Type": "AWS::ECS::Service", "Properties": {"DeploymentController": {"Type": "EXTERNAL"}}},
    "Set": {"Type": "AWS::ECS::TaskSet", "Properties": {"Service": {"Ref": "Svc"}, "TaskDefinition": {"Ref": "Web"}}}}})";
  Diagnostics d;
  const io::Node root = *io::load_json(json, "t.json", {}, d);
  ecs::Bundle b;
  read_template(root, "t.json", {}, {}, b, d);
  ASSERT_EQ(b.services.size(), 1u);
  EXPECT_EQ(b.services[0].task_definition, "arn:aws:ecs:us-east-1:123456789012:task-definition/web");
}

TEST(TemplateReader, HostileTemplatesAreLocatedErrors) {
  for (const char* bad : {
           R"({"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": {"Fn::Sbu": "x"}}}}})",
           R"({"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": {"Ref": "T"}}}}})",
           R"({"Resources": {"T": "junk"}})",
           R"({"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition"}}, "Junk": 1})",
           R"({"Resources": {"S": {"Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": {}}}})",
       }) {
    Diagnostics d;
    const io::Node root = *io::load_json(bad, "bad.json", {}, d);
    ecs::Bundle b;
    read_template(root, "bad.json", {}, {}, b, d);
    ASSERT_TRUE(d.has_errors()) << bad;
    for (const Diagnostic& x : d.all()) {
      if (x.severity == Severity::kError) EXPECT_GT(x.location.line, 0) << bad << ": " << x.message;
    }
  }
}

}  // namespace
}  // namespace specconv::iac
