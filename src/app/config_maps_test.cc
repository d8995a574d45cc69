// Kubernetes -> ECS: ConfigMap keys run as written. In the json format their values are plain
// environment entries (nothing there would create SSM parameters); an SSM reference that nothing
// creates is reported, never left dangling silently.
#include <gtest/gtest.h>

#include <string>

#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

const std::string kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {LOG_LEVEL: info}
---
)";

const std::string kPod = R"(apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: nginx
    env:
    - name: LOG_LEVEL
      valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}
)";

ConvertResult convert(const std::string& yaml, EcsFormat format, ToEcsOptions::ConfigMaps mode) {
  ToEcsOptions o;
  o.format = format;
  o.config_maps = mode;
  return convert_to_ecs({{"app.yaml", yaml}}, o);
}

int count(const ConvertResult& r, const std::string& code) {
  int n = 0;
  for (const auto& d : r.diagnostics.all()) n += d.code == code ? 1 : 0;
  return n;
}

using Mode = ToEcsOptions::ConfigMaps;

TEST(ConfigMaps, JsonFormatWritesTheValuesAsEnvironmentEntries) {
  const ConvertResult r = convert(kConfigMap + kPod, EcsFormat::kJson, Mode::kDefault);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_NE(r.documents[0].text.find(R"("name": "LOG_LEVEL",)" "\n" R"(          "value": "info")"), std::string::npos)
      << r.documents[0].text;
  EXPECT_EQ(r.documents[0].text.find("\"secrets\""), std::string::npos);
  EXPECT_EQ(count(r, "ssm-parameter-needed"), 0);
}

TEST(ConfigMaps, SsmReferencesNothingCreatesAreReported) {
  const ConvertResult r = convert(kConfigMap + kPod, EcsFormat::kJson, Mode::kSsmParameters);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_NE(r.documents[0].text.find(R"("valueFrom": "/default/app-config/LOG_LEVEL")"), std::string::npos);
  EXPECT_EQ(count(r, "ssm-parameter-needed"), 1);
}

TEST(ConfigMaps, AConfigMapMissingFromTheInputStaysAReferenceAndIsReported) {
  const ConvertResult r = convert(kPod, EcsFormat::kJson, Mode::kDefault);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_NE(r.documents[0].text.find(R"("valueFrom": "/default/app-config/LOG_LEVEL")"), std::string::npos);
  EXPECT_EQ(count(r, "ssm-parameter-needed"), 1);
  EXPECT_EQ(count(r, "missing-reference"), 1);
}

TEST(ConfigMaps, TemplatesCreateTheParametersByDefaultOrTakeTheValues) {
  const ConvertResult ssm = convert(kConfigMap + kPod, EcsFormat::kCfn, Mode::kDefault);
  ASSERT_EQ(ssm.documents.size(), 1u);
  EXPECT_NE(ssm.documents[0].text.find("AWS::SSM::Parameter"), std::string::npos);
  EXPECT_EQ(count(ssm, "ssm-parameter-needed"), 0);
  const ConvertResult env = convert(kConfigMap + kPod, EcsFormat::kCfn, Mode::kEnvironment);
  ASSERT_EQ(env.documents.size(), 1u);
  EXPECT_EQ(env.documents[0].text.find("AWS::SSM::Parameter"), std::string::npos) << "no parameter nothing reads";
}

}  // namespace
}  // namespace specconv
