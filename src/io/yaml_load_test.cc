// Plain-scalar typing: the hand-written number patterns agree with the YAML 1.1 regular
// expressions they replace, over every short string of the characters that matter, and the
// typing of the values kubectl users trip over.
#include "io/yaml_load.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

namespace specconv::io {
namespace {

TEST(ScalarSyntax, AgreesWithTheRegularExpressionsOnEveryShortString) {
  const std::regex kInt(R"([-+]?[0-9][0-9_]*)");
  const std::regex kHex(R"(0x[0-9a-fA-F_]+)");
  const std::regex kOct(R"(0o[0-7_]+)");
  const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)");
  const std::regex kInf(R"([-+]?\.(inf|Inf|INF))");
  const std::regex kNan(R"(\.(nan|NaN|NAN))");
  const std::string alphabet = "09_.-+eExoaf8";
  std::vector<std::string> all = {"", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", ".infx"};
  std::vector<std::string> layer = {""};
  for (int len = 1; len <= 4; ++len) {  // 13^4 = 28 561 strings of length 4
    std::vector<std::string> next;
    for (const std::string& p : layer) {
      for (char c : alphabet) next.push_back(p + c);
    }
    all.insert(all.end(), next.begin(), next.end());
    layer = std::move(next);
  }
  std::size_t ints = 0, floats = 0;
  for (const std::string& s : all) {
    ASSERT_EQ(scalar_syntax::is_int(s), std::regex_match(s, kInt)) << s;
    ASSERT_EQ(scalar_syntax::is_hex(s), std::regex_match(s, kHex)) << s;
    ASSERT_EQ(scalar_syntax::is_oct(s), std::regex_match(s, kOct)) << s;
    ASSERT_EQ(scalar_syntax::is_float(s), std::regex_match(s, kFloat)) << s;
    ASSERT_EQ(scalar_syntax::is_inf(s), std::regex_match(s, kInf)) << s;
    ASSERT_EQ(scalar_syntax::is_nan(s), std::regex_match(s, kNan)) << s;
    ints += scalar_syntax::is_int(s) ? 1 : 0;
    floats += scalar_syntax::is_float(s) ? 1 : 0;
  }
  EXPECT_GT(ints, 300u);  // the alphabet really exercises the patterns
  EXPECT_GT(floats, ints);
}

TEST(ResolvePlainScalar, TypesValuesAsKubectlDoes) {
  EXPECT_EQ(resolve_plain_scalar("0777").as_int(), 511);  // YAML 1.1 octal
  EXPECT_EQ(resolve_plain_scalar("0x1F").as_int(), 31);
  EXPECT_EQ(resolve_plain_scalar("1_000").as_int(), 1000);
  EXPECT_EQ(resolve_plain_scalar("089").as_int(), 89);  // not octal: decimal
  EXPECT_TRUE(resolve_plain_scalar("yes").is_bool());
  EXPECT_TRUE(resolve_plain_scalar("off").is_bool());
  EXPECT_TRUE(resolve_plain_scalar("~").is_null());
  EXPECT_DOUBLE_EQ(resolve_plain_scalar("1.5e3").as_float(), 1500.0);
  EXPECT_TRUE(std::isinf(resolve_plain_scalar("-.inf").as_float()));
  EXPECT_TRUE(std::isnan(resolve_plain_scalar(".nan").as_float()));
  EXPECT_TRUE(resolve_plain_scalar("1.2.3").is_string());
  EXPECT_TRUE(resolve_plain_scalar("500m").is_string());
  EXPECT_TRUE(resolve_plain_scalar(".").is_string());
}

TEST(LoadYaml, NextLineAndNoBreakSpaceEscapesDecodeToUtf8) {
  // yaml-cpp 0.7 alone turns "\N" and "\_" into the lone bytes 0x85 and 0xA0 (invalid UTF-8).
  Diagnostics d;
  const auto loaded = load_yaml("a: \"x\\Ny\"\nb: \"x\\_y\"\nc: \"x\\u0085y\"\n", "in.yaml", Limits{}, d);
  ASSERT_EQ(loaded.documents.size(), 1u);
  const Node& root = loaded.documents[0].root;
  EXPECT_EQ(root.find("a")->text(), "x\xC2\x85y");
  EXPECT_EQ(root.find("b")->text(), "x\xC2\xA0y");
  EXPECT_EQ(root.find("c")->text(), "x\xC2\x85y");
}

// The nesting pre-check must not count what nests nothing (it rejected specconv's own output of
// a string with 200+ braces, a fuzz finding), and must still count every real level.
TEST(LoadYaml, BracketsInPlainAndBlockScalarsAreNotNesting) {
  const std::string braces(300, '{'), brackets(300, '[');
  Diagnostics d;
  const auto plain = load_yaml("a: x" + braces + "\nk" + brackets + ": v\n", "in.yaml", Limits{}, d);
  ASSERT_EQ(plain.documents.size(), 1u) << (d.all().empty() ? "" : d.all()[0].message);
  EXPECT_EQ(plain.documents[0].root.find("a")->text(), "x" + braces);
  EXPECT_NE(plain.documents[0].root.find("k" + brackets), nullptr);
  const std::string block = "a: |\n  " + brackets + "\n" + std::string(600, ' ') + "deep text\nb: >-\n  " + braces +
                            "\nseq:\n- |\n    " + brackets + "\n- c: |+\n    " + braces + "\n  d: 1\n";
  const auto blocks = load_yaml(block, "in.yaml", Limits{}, d);
  ASSERT_EQ(blocks.documents.size(), 1u) << (d.all().empty() ? "" : d.all()[0].message);
  EXPECT_EQ(blocks.documents[0].root.find("b")->text(), braces);
  EXPECT_EQ(blocks.documents[0].root.find("seq")->items()[1].find("d")->as_int(), 1);
}

TEST(LoadYaml, RealNestingIsStillCountedAroundScalars) {
  const std::string deep = std::string(300, '[') + std::string(300, ']');
  for (const std::string& text : {
           "a: " + deep + "\n",                          // a flow value
           "a: &anchor !!seq " + deep + "\n",            // after node properties
           "a: x\nb: " + deep + "\n",                    // after a plain scalar line
           "- a: |\n  b: " + deep + "\n",                // a sibling of a block scalar, not its content
           "a: |\n  text\nb: " + deep + "\n",            // after a block scalar ends
           "\"q{{\": " + deep + "\n",                    // after a quoted key
           "a: [x, {b: " + deep + "}]\n",                // inside flow context
           "--- " + deep + "\n",                          // after a document marker
           "a: 1\n--- !!seq " + deep + "\n",              // after a marker and a tag
       }) {
    Diagnostics d;
    const auto loaded = load_yaml(text, "in.yaml", Limits{}, d);
    EXPECT_FALSE(loaded.ok) << text.substr(0, 40);
    ASSERT_FALSE(d.all().empty()) << text.substr(0, 40);
    EXPECT_EQ(d.all()[0].code, "nesting-too-deep") << text.substr(0, 40);
  }
}

}  // namespace
}  // namespace specconv::io

namespace specconv::io {
namespace {

TEST(LoadYaml, CloudFormationShortFormTagsBecomeTheLongForm) {
  Diagnostics d;
  const std::string text =
      "A: !Ref Name\n"
      "B: !GetAtt Role.Arn\n"
      "C: !Join [\"-\", [!Ref X, b]]\n"
      "D: !If [Cond, {a: 1}, !Ref AWS::NoValue]\n"
      "E: !Sub\n  - '${V}'\n  - V: 1\n"
      "F: plain\n";
  YamlLoad y = load_yaml(text, "t.yaml", Limits{}, d, YamlTags::kCloudFormation);
  ASSERT_TRUE(y.ok) << d.all().size();
  const Node& root = y.documents.at(0).root;
  ASSERT_NE(root.find("A")->find("Ref"), nullptr);
  EXPECT_EQ(root.find("A")->find("Ref")->text(), "Name");
  EXPECT_EQ(root.find("B")->find("Fn::GetAtt")->text(), "Role.Arn");
  const Node& join = *root.find("C")->find("Fn::Join");
  ASSERT_TRUE(join.is_array());
  EXPECT_EQ(join.items()[1].items()[0].find("Ref")->text(), "X");
  EXPECT_EQ(root.find("C")->line(), 3);
  EXPECT_EQ(root.find("D")->find("Fn::If")->items()[2].find("Ref")->text(), "AWS::NoValue");
  EXPECT_TRUE(root.find("E")->find("Fn::Sub")->is_array());
  EXPECT_EQ(root.find("F")->text(), "plain");
  // Without the option, tags are dropped as before (Kubernetes manifests).
  YamlLoad plain = load_yaml(text, "t.yaml", Limits{}, d);
  EXPECT_EQ(plain.documents.at(0).root.find("A")->text(), "Name");
}

}  // namespace
}  // namespace specconv::io
