// The intrinsic functions one by one, the settings, links between resources, and the errors:
// unknown functions, cycles, and results over the limits.
#include "iac/evaluator.h"

#include <gtest/gtest.h>

#include "io/json_load.h"

namespace specconv::iac {
namespace {

struct Evaluated {
  io::Node root;
  Diagnostics diags;
  std::optional<io::Node> value;
  bool failed = false;
};

/// Evaluates Outputs/X/Value of `json` (a template).
Evaluated eval(const std::string& json, TemplateInputs in = {}, io::Limits limits = {}) {
  Evaluated r;
  r.root = *io::load_json(json, "t.template.json", limits, r.diags);
  Evaluator ev(r.root, "t.template.json", settings_for(in, "dir/t.template.json"), limits, r.diags);
  r.value = ev.evaluate(*r.root.find("Outputs")->find("X")->find("Value"), "/Outputs/X/Value");
  r.failed = ev.failed();
  return r;
}

std::string value_of(const std::string& sections, const std::string& value, TemplateInputs in = {}) {
  Evaluated r = eval("{" + sections + (sections.empty() ? "" : ",") + R"("Resources": {}, "Outputs": {"X": {"Value": )" + value + "}}}",
               std::move(in));
  EXPECT_FALSE(r.failed) << (r.diags.all().empty() ? "" : r.diags.all().front().message);
  if (!r.value) return "<novalue>";
  if (r.value->is_int()) return "int:" + std::to_string(r.value->as_int());
  if (r.value->is_bool()) return r.value->as_bool() ? "true" : "false";
  if (r.value->is_array()) {
    std::string out = "[";
    for (const io::Node& i : r.value->items()) out += i.text() + ";";
    return out + "]";
  }
  return r.value->text();
}

Diagnostic error_of(const std::string& sections, const std::string& value, io::Limits limits = {}) {
  Evaluated r = eval("{" + sections + (sections.empty() ? "" : ",") + R"("Resources": {}, "Outputs": {"X": {"Value": )" + value + "}}}",
               {}, limits);
  EXPECT_TRUE(r.failed);
  for (const Diagnostic& d : r.diags.all()) {
    if (d.severity == Severity::kError) return d;
  }
  return {};
}

TEST(Intrinsics, RefOfParametersAndPseudoParameters) {
  const std::string params = R"("Parameters": {"Port": {"Type": "Number", "Default": "8080"}, "Subnets": {"Type": "CommaDelimitedList", "Default": "a,b"}, "Env": {"Type": "String", "Default": "dev"}})";
  EXPECT_EQ(value_of(params, R"({"Ref": "Port"})"), "int:8080");
  EXPECT_EQ(value_of(params, R"({"Ref": "Subnets"})"), "[a;b;]");
  EXPECT_EQ(value_of(params, R"({"Ref": "Env"})", {{{"Env", "prod"}}, "", "", ""}), "prod");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::Region"})"), "us-east-1");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::Region"})", {{}, "eu-west-1", "", ""}), "eu-west-1");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::AccountId"})"), "123456789012");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::StackName"})"), "t");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::Partition"})", {{}, "cn-north-1", "", ""}), "aws-cn");
  EXPECT_EQ(value_of("", R"({"Ref": "AWS::URLSuffix"})"), "amazonaws.com");
}

TEST(Intrinsics, ParameterWithoutDefaultIsAPlaceholderWithAWarning) {
  Evaluated r = eval(R"({"Parameters": {"Image": {"Type": "String"}}, "Resources": {}, "Outputs": {"X": {"Value": {"Ref": "Image"}}}})");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->text(), "REPLACE_ME_Image");
  ASSERT_EQ(r.diags.all().size(), 1u);
  EXPECT_EQ(r.diags.all()[0].code, "template-placeholder");
  EXPECT_NE(r.diags.all()[0].message.find("--parameter Image=VALUE"), std::string::npos);
}

TEST(Intrinsics, SubBothForms) {
  const std::string params = R"("Parameters": {"Name": {"Type": "String", "Default": "web"}})";
  EXPECT_EQ(value_of(params, R"({"Fn::Sub": "${Name}-${AWS::Region} ${!Literal}"})"), "web-us-east-1 ${Literal}");
  EXPECT_EQ(value_of(params, R"({"Fn::Sub": ["${A}/${Name}", {"A": {"Fn::Join": ["", ["x", "y"]]}}]})"), "xy/web");
}

TEST(Intrinsics, JoinSelectSplitBase64GetAZsCidrLength) {
  EXPECT_EQ(value_of("", R"({"Fn::Join": ["-", ["a", 1, true]]})"), "a-1-true");
  EXPECT_EQ(value_of("", R"({"Fn::Select": ["1", ["a", "b"]]})"), "b");
  EXPECT_EQ(value_of("", R"({"Fn::Select": [0, {"Fn::Split": [",", "x,y"]}]})"), "x");
  EXPECT_EQ(value_of("", R"({"Fn::Split": ["::", "a::b::"]})"), "[a;b;;]");
  EXPECT_EQ(value_of("", R"({"Fn::Base64": "hello"})"), "aGVsbG8=");
  EXPECT_EQ(value_of("", R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})"), "us-east-1b");
  EXPECT_EQ(value_of("", R"({"Fn::Cidr": ["10.0.0.0/16", 2, 8]})"), "[10.0.0.0/24;10.0.1.0/24;]");
  EXPECT_EQ(value_of("", R"({"Fn::Length": ["a", "b"]})"), "int:2");
}

TEST(Intrinsics, FindInMap) {
  const std::string maps = R"("Mappings": {"Sizes": {"small": {"Cpu": "256"}}})";
  EXPECT_EQ(value_of(maps, R"({"Fn::FindInMap": ["Sizes", "small", "Cpu"]})"), "256");
  EXPECT_EQ(error_of(maps, R"({"Fn::FindInMap": ["Sizes", "large", "Cpu"]})").code, "template-intrinsic");
}

TEST(Intrinsics, ConditionsIfAndNoValue) {
  const std::string conds =
      R"("Parameters": {"Env": {"Type": "String", "Default": "prod"}},
         "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, "Dev": {"Fn::Not": [{"Condition": "Prod"}]},
                        "Either": {"Fn::Or": [{"Condition": "Prod"}, {"Condition": "Dev"}]},
                        "Both": {"Fn::And": [{"Condition": "Prod"}, {"Condition": "Dev"}]}})";
  EXPECT_EQ(value_of(conds, R"({"Fn::If": ["Prod", "big", "small"]})"), "big");
  EXPECT_EQ(value_of(conds, R"({"Fn::If": ["Dev", "big", "small"]})"), "small");
  EXPECT_EQ(value_of(conds, R"({"Fn::If": ["Either", "y", "n"]})"), "y");
  EXPECT_EQ(value_of(conds, R"({"Fn::If": ["Both", "y", "n"]})"), "n");
  EXPECT_EQ(value_of(conds, R"({"Fn::If": ["Dev", "x", {"Ref": "AWS::NoValue"}]})"), "<novalue>");
  EXPECT_EQ(value_of(conds, R"(["a", {"Fn::If": ["Dev", "x", {"Ref": "AWS::NoValue"}]}, "b"])"), "[a;b;]");
  EXPECT_EQ(value_of("", R"({"Fn::Contains": [["a", "b"], "b"]})"), "true");
}

TEST(Intrinsics, ImportValueIsAPlaceholderUnlessGiven) {
  Evaluated r = eval(R"({"Resources": {}, "Outputs": {"X": {"Value": {"Fn::ImportValue": {"Fn::Sub": "${AWS::Region}-Vpc"}}}}})");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->text(), "REPLACE_ME_us-east-1-Vpc");
  ASSERT_FALSE(r.diags.all().empty());
  EXPECT_EQ(r.diags.all()[0].code, "template-placeholder");
  EXPECT_EQ(r.diags.all()[0].location.pointer, "/Outputs/X/Value/Fn::ImportValue");
  EXPECT_EQ(value_of("", R"({"Fn::ImportValue": "Shared"})", {{{"Shared", "vpc-1"}}, "", "", ""}), "vpc-1");
}

TEST(Intrinsics, RefAndGetAttOfResourcesLink) {
  const std::string json = R"({"Resources": {
      "Tg1A2B3C4D": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {"Port": 80}},
      "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "app-role"}},
      "TaskDef": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "web"}},
      "Svc": {"Type": "AWS::ECS::Service", "Properties": {"ServiceName": "web-svc"}}},
    "Outputs": {"X": {"Value": [{"Ref": "Tg1A2B3C4D"}, {"Fn::GetAtt": ["Role", "Arn"]}, {"Fn::GetAtt": "Svc.Name"},
                                 {"Ref": "TaskDef"}, {"Fn::Sub": "${Role.Arn}"}]}}})";
  Evaluated r = eval(json);
  ASSERT_TRUE(r.value && r.value->is_array());
  EXPECT_EQ(r.value->items()[0].text(), "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/Tg/Tg1A2B3C4D");
  EXPECT_EQ(r.value->items()[1].text(), "arn:aws:iam::123456789012:role/app-role");
  EXPECT_EQ(r.value->items()[2].text(), "web-svc");
  EXPECT_EQ(r.value->items()[3].text(), "arn:aws:ecs:us-east-1:123456789012:task-definition/web");
  EXPECT_EQ(r.value->items()[4].text(), r.value->items()[1].text());
}

TEST(Intrinsics, UnknownFunctionsAndNamesAreLocatedErrors) {
  const Diagnostic d = error_of("", R"({"Fn::Bogus": "x"})");
  EXPECT_EQ(d.code, "template-intrinsic");
  EXPECT_EQ(d.location.pointer, "/Outputs/X/Value/Fn::Bogus");
  EXPECT_GT(d.location.line, 0);
  EXPECT_NE(error_of("", R"({"Ref": "Nothing"})").message.find("\"Nothing\""), std::string::npos);
  EXPECT_NE(error_of("", R"({"Fn::Select": [5, ["a"]]})").message.find("index 5"), std::string::npos);
  EXPECT_NE(error_of("", R"({"Fn::Join": ["-", [["nested"]]]})").message.find("Fn::Join"), std::string::npos);
  EXPECT_NE(error_of("", R"({"Fn::Sub": "${Unclosed"})").message.find("closing"), std::string::npos);
  EXPECT_NE(error_of("", R"({"Fn::If": ["Missing", 1, 2]})").message.find("not in the Conditions"), std::string::npos);
}

TEST(Intrinsics, CyclesAreErrors) {
  EXPECT_NE(error_of(R"("Conditions": {"A": {"Fn::Not": [{"Condition": "B"}]}, "B": {"Fn::Not": [{"Condition": "A"}]}})",
                     R"({"Fn::If": ["A", 1, 2]})")
                .message.find("depends on itself"),
            std::string::npos);
  Evaluated r = eval(R"({"Resources": {
      "TaskDef": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": {"Fn::GetAtt": ["Svc", "Name"]}}},
      "Svc": {"Type": "AWS::ECS::Service", "Properties": {"ServiceName": {"Fn::Select": [0, [{"Ref": "TaskDef"}]]}}}},
    "Outputs": {"X": {"Value": {"Ref": "TaskDef"}}}})");
  EXPECT_TRUE(r.failed);
  ASSERT_FALSE(r.diags.all().empty());
  EXPECT_NE(r.diags.all().back().message.find("reference cycle: TaskDef -> Svc -> TaskDef"), std::string::npos)
      << r.diags.all().back().message;
}

TEST(Intrinsics, SubAndJoinBombsAndHugeSplitsStopAtTheLimits) {
  std::string bomb = R"("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")";
  for (int i = 0; i < 40; ++i) bomb = R"({"Fn::Sub": ["${a}${a}", {"a": )" + bomb + "}]}";
  EXPECT_EQ(error_of("", bomb).code, "template-intrinsic");
  std::string refs;
  for (int i = 0; i < 100; ++i) refs += std::string(i > 0 ? "," : "") + R"({"Ref": "P"})";
  io::Limits small;
  EXPECT_EQ(error_of(R"("Parameters": {"P": {"Type": "String", "Default": ")" + std::string(50000, 'x') + R"("}})",
                     R"({"Fn::Join": ["", [)" + refs + "]]}")
                .code,
            "template-intrinsic");
  small.max_nodes = 1000;
  EXPECT_NE(error_of("", R"({"Fn::Split": [",", ")" + std::string(5000, ',') + R"("]})", small).message.find("--max-values"),
            std::string::npos);
}

}  // namespace
}  // namespace specconv::iac
