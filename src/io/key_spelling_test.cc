// Tests for key spellings: folding, re-spelling, and a Cursor reading a PascalCase or snake_case
// document with camelCase names while reporting keys as written.
#include "io/key_spelling.h"

#include <gtest/gtest.h>

#include "io/cursor.h"
#include "io/json_write.h"
#include "testutil/json.h"

namespace specconv::io {
namespace {

Node parse(const std::string& text) { return testutil::parse_json(text); }

TEST(KeySpelling, FoldsTheThreeSpellingsToOneKey) {
  EXPECT_EQ(fold_key("ContainerDefinitions"), "containerdefinitions");
  EXPECT_EQ(fold_key("container_definitions"), "containerdefinitions");
  EXPECT_TRUE(same_key("containerDefinitions", "ContainerDefinitions"));
  EXPECT_TRUE(same_key("networkMode", "network_mode"));
  EXPECT_TRUE(same_key("fileSystemId", "FilesystemId"));  // CloudFormation's irregular spelling
  EXPECT_FALSE(same_key("memory", "memoryReservation"));
  EXPECT_FALSE(same_key("cpu", "cpus"));
}

TEST(KeySpelling, TellsTheStyleOfAKey) {
  EXPECT_EQ(style_of("containerDefinitions"), KeyStyle::kCamel);
  EXPECT_EQ(style_of("ContainerDefinitions"), KeyStyle::kPascal);
  EXPECT_EQ(style_of("container_definitions"), KeyStyle::kSnake);
}

TEST(KeySpelling, RespellsToCamelCaseButKeepsUserMapKeys) {
  const Node pascal = parse(
      R"({"EFSVolumeConfiguration":{"FilesystemId":"fs-1","AuthorizationConfig":{"IAM":"ENABLED"}},)"
      R"("DockerLabels":{"Team":"a"},"HealthCheck":{"Command":["CMD"]}})");
  EXPECT_EQ(to_json(to_camel_keys(Node::object(), KeyStyle::kPascal), -1), "{}");
  EXPECT_EQ(to_json(to_camel_keys(pascal.members()[1].second, KeyStyle::kPascal, "dockerLabels"), -1), R"({"Team":"a"})");
  EXPECT_EQ(to_json(to_camel_keys(pascal, KeyStyle::kPascal), -1),
            R"({"efsVolumeConfiguration":{"fileSystemId":"fs-1","authorizationConfig":{"iam":"ENABLED"}},)"
            R"("dockerLabels":{"Team":"a"},"healthCheck":{"command":["CMD"]}})");
  const Node snake = parse(R"({"network_mode":"awsvpc","runtime_platform":{"cpu_architecture":"ARM64"}})");
  EXPECT_EQ(to_json(to_camel_keys(snake, KeyStyle::kSnake), -1),
            R"({"networkMode":"awsvpc","runtimePlatform":{"cpuArchitecture":"ARM64"}})");
}

TEST(KeySpelling, CloudFormationSpellingRoundTrips) {
  const Node api = parse(
      R"({"family":"web","volumes":[{"name":"d","efsVolumeConfiguration":{"fileSystemId":"fs-1",)"
      R"("authorizationConfig":{"iam":"ENABLED"}}}],"proxyConfiguration":{"properties":[{"name":"a","value":"b"}]},)"
      R"("containerDefinitions":[{"dockerLabels":{"team":"a"}}]})");
  const Node cfn = to_pascal_keys(api);
  EXPECT_EQ(to_json(cfn, -1),
            R"({"Family":"web","Volumes":[{"Name":"d","EFSVolumeConfiguration":{"FilesystemId":"fs-1",)"
            R"("AuthorizationConfig":{"IAM":"ENABLED"}}}],"ProxyConfiguration":{"ProxyConfigurationProperties":[{"Name":"a","Value":"b"}]},)"
            R"("ContainerDefinitions":[{"DockerLabels":{"team":"a"}}]})");
  EXPECT_EQ(to_json(to_camel_keys(cfn, KeyStyle::kPascal), -1), to_json(api, -1));
}

TEST(KeySpelling, RespellsAPointerAsTheDocumentWritesIt) {
  const Node doc = parse(R"({"ContainerDefinitions":[{"Name":"a","PortMappings":[{"ContainerPort":80}]}]})");
  EXPECT_EQ(respell_pointer(doc, "/containerDefinitions/0/portMappings/0/containerPort"),
            "/ContainerDefinitions/0/PortMappings/0/ContainerPort");
  EXPECT_EQ(respell_pointer(doc, "/containerDefinitions/0/missing/x"), "/ContainerDefinitions/0/missing/x");
  EXPECT_EQ(respell_pointer(doc, ""), "");
  const Node camel = parse(R"({"a/b":{"c":1}})");
  EXPECT_EQ(respell_pointer(camel, "/a~1b/c"), "/a~1b/c");  // escaping kept
}

TEST(KeySpellingCursor, FindsCamelCaseNamesInAPascalCaseDocumentAndReportsKeysAsWritten) {
  const Node doc = parse("{\n  \"Family\": \"web\",\n  \"NetworkMode\": [5],\n  \"Cpuu\": \"256\"\n}");
  Diagnostics diags;
  ReadContext ctx{"t.json", -1, &diags, false, KeyStyle::kPascal};
  Cursor c(doc, ctx, "");
  EXPECT_EQ(c.string("family").value_or(""), "web");
  EXPECT_FALSE(c.string("networkMode").has_value());  // a list: a type error at the key as written
  c.finish({"family", "networkMode", "cpu"});
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].code, "type-mismatch");
  EXPECT_EQ(diags.all()[0].location.pointer, "/NetworkMode");
  EXPECT_EQ(diags.all()[0].location.line, 3);
  EXPECT_EQ(diags.all()[1].code, "unknown-key");
  EXPECT_EQ(diags.all()[1].location.pointer, "/Cpuu");
}

TEST(KeySpellingCursor, ACamelCaseDocumentMatchesExactlyAsBefore) {
  const Node doc = parse(R"({"Family": "web"})");
  Diagnostics diags;
  ReadContext ctx{"t.json", -1, &diags, false, KeyStyle::kCamel};
  Cursor c(doc, ctx, "");
  EXPECT_FALSE(c.string("family").has_value());
  c.finish({"family"});
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, "unknown-key");
  EXPECT_NE(diags.all()[0].message.find("did you mean \"family\""), std::string::npos);
}

TEST(KeySpellingCursor, SnakeCaseKeysAreFoundAndMarkedRead) {
  const Node doc = parse(R"({"execution_role_arn": "arn:aws:iam::1:role/x", "network_mode": "awsvpc"})");
  Diagnostics diags;
  ReadContext ctx{"t.json", -1, &diags, false, KeyStyle::kSnake};
  Cursor c(doc, ctx, "");
  EXPECT_EQ(c.string("executionRoleArn").value_or(""), "arn:aws:iam::1:role/x");
  c.ignore("networkMode");
  EXPECT_EQ(c.child_pointer("networkMode"), "/network_mode");
  c.finish({"executionRoleArn", "networkMode"});
  EXPECT_TRUE(diags.all().empty());
}

}  // namespace
}  // namespace specconv::io
