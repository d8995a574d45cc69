// Tests for the HCL writer: string escapes (templates included), identifiers, snake_case,
// nesting and the `terraform fmt` layout (indents, `=` alignment of one-line runs).
#include "io/hcl_write.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/json_load.h"

namespace specconv::io {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

/// f(input) == expected for every pair.
void expect_maps(std::string (*f)(std::string_view), const Pairs& pairs) {
  for (const auto& [input, expected] : pairs) EXPECT_EQ(f(input), expected) << "input: " << input;
}

TEST(HclQuote, EscapesQuotesBackslashesAndControlCharacters) {
  expect_maps(hcl_quote, {
                             {"plain", "\"plain\""},
                             {"say \"hi\"", "\"say \\\"hi\\\"\""},
                             {"C:\\dir", "\"C:\\\\dir\""},
                             {"a\nb\tc\rd", "\"a\\nb\\tc\\rd\""},
                             {std::string("x\x01y", 3), "\"x\\u0001y\""},
                             {"h\xc3\xa9", "\"h\xc3\xa9\""},      // UTF-8 kept as is
                             {"\b\f", "\"\\u0008\\u000c\""},      // HCL has no \b or \f escape
                             {"x\xff", "\"x\\ufffd\""},           // not UTF-8
                             {"\\b", "\"\\\\b\""},                // an escaped backslash before b stays
                         });
}

TEST(HclQuote, EscapesTemplateSequences) {
  expect_maps(hcl_quote, {
                             {"${HOME}/bin", "\"$${HOME}/bin\""},
                             {"%{if x}", "\"%%{if x}\""},
                             {"$HOME 100% $", "\"$HOME 100% $\""},  // `$`, `%` not before `{` are literal
                             {"$${x}", "\"$$${x}\""},               // Terraform reads it back as $${x}
                         });
}

TEST(HclIdentifier, ValidSnakeCase) {
  const Pairs pairs = {{"ShopApi80TargetGroup", "shop_api80_target_group"},
                       {"web-app", "web_app"},
                       {"80x", "_80x"},
                       {"", "_"},
                       {"--a..b--", "a_b"},
                       {"h\xc3\xa9llo", "h_llo"},
                       {"R2D2", "r2_d2"}};
  expect_maps(hcl_identifier, pairs);
  for (const auto& [input, expected] : pairs) EXPECT_TRUE(is_hcl_identifier(hcl_identifier(input))) << input;
}

TEST(HclIdentifier, RecognisesIdentifiers) {
  for (const char* yes : {"web", "_x-1", "A9"}) EXPECT_TRUE(is_hcl_identifier(yes)) << yes;
  for (const char* no : {"1x", "-x", "a.b", ""}) EXPECT_FALSE(is_hcl_identifier(no)) << no;
}

TEST(SnakeCase, CamelPascalAndAcronyms) {
  expect_maps(snake_case, {
                              {"containerDefinitions", "container_definitions"},
                              {"TargetTrackingScalingPolicyConfiguration", "target_tracking_scaling_policy_configuration"},
                              {"enableECSManagedTags", "enable_ecs_managed_tags"},
                              {"TTL", "ttl"},
                              {"ipv6Address", "ipv6_address"},
                          });
}

TEST(HclWrite, AlignsOneLineRunsAndNestsBlocks) {
  HclBody file;
  HclBody& r = file.block("resource", {"aws_lb", "web"});
  r.attribute("name", HclExpr::string("web"));
  r.attribute("internal", HclExpr::boolean(true));
  r.attribute("subnets", HclExpr::raw("var.subnets"));
  HclBody& hc = r.block("health_check");
  hc.attribute("path", HclExpr::string("/"));
  hc.attribute("healthy_threshold", HclExpr::number(2));
  r.attribute("x", HclExpr::number(1));
  (void)file.block("data", {"aws_region", "current"});
  EXPECT_EQ(write_hcl(file),
            "resource \"aws_lb\" \"web\" {\n"
            "  name     = \"web\"\n"
            "  internal = true\n"
            "  subnets  = var.subnets\n"
            "  health_check {\n"
            "    path              = \"/\"\n"
            "    healthy_threshold = 2\n"
            "  }\n"
            "  x = 1\n"
            "}\n"
            "\n"
            "data \"aws_region\" \"current\" {\n"
            "}\n");
}

TEST(HclWrite, ObjectsAndListsInsideAFunctionCall) {
  Diagnostics d;
  const auto node = load_json(
      R"([{"name": "api", "portMappings": [{"containerPort": 80}], "command": ["sh", "-c"], "cpu": 0.5,
          "dockerLabels": {"a.b/c": "${x}", "for": "y"}, "environment": []}])",
      "", Limits{}, d);
  ASSERT_TRUE(node);
  HclBody body;
  body.attribute("family", HclExpr::string("api"));
  body.attribute("container_definitions", HclExpr::call("jsonencode", HclExpr::from_node(*node)));
  body.attribute("cpu", HclExpr::string("256"));
  std::string out;
  body.write(out, 0);
  EXPECT_EQ(out,
            "family = \"api\"\n"
            "container_definitions = jsonencode([\n"
            "  {\n"
            "    name = \"api\"\n"
            "    portMappings = [\n"
            "      {\n"
            "        containerPort = 80\n"
            "      },\n"
            "    ]\n"
            "    command = [\"sh\", \"-c\"]\n"
            "    cpu     = 0.5\n"
            "    dockerLabels = {\n"
            "      \"a.b/c\" = \"$${x}\"\n"
            "      \"for\"   = \"y\"\n"
            "    }\n"
            "    environment = []\n"
            "  },\n"
            "])\n"
            "cpu = \"256\"\n");
}

TEST(HclExpr, SetReplacesOrAppendsMembers) {
  HclExpr o = HclExpr::object({{"a", HclExpr::number(1)}});
  o.set("a", HclExpr::raw("aws_x.y.arn"));
  o.set("b", HclExpr::null());
  std::string out;
  o.write(out, 0);
  EXPECT_EQ(out, "{\n  a = aws_x.y.arn\n  b = null\n}");
  EXPECT_EQ(o.find("c"), nullptr);
}

TEST(HclBody, CopiesDeeply) {
  HclBody a;
  a.block("x").attribute("v", HclExpr::number(1));
  HclBody b = a;
  a.block("y");
  EXPECT_EQ(write_hcl(b), "x {\n  v = 1\n}\n");
}

}  // namespace
}  // namespace specconv::io
