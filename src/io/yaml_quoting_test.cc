// Tests for io/yaml_quoting: table of strings that must be quoted (every YAML
// 1.1 / 1.2 implicit type and plain-scalar syntax hazard), table of ordinary
// values that must stay plain, and the double-quoted escape rendering.
#include "io/yaml_quoting.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace specconv::io {
namespace {

using std::string_view_literals::operator""sv;

const std::vector<std::string_view>& must_quote() {
  static const std::vector<std::string_view> kCases = {
      // Empty and null forms.
      "", "~", "null", "Null", "NULL", "nULL",
      // Booleans, YAML 1.1 and 1.2, all case forms.
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
      "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "yEs", "oFF",
      // Ints.
      "0", "1", "42", "-1", "+1", "-0", "+42", "0777", "-0777", "089", "0o17", "0O17", "-0o17",
      "0x1F", "0X1f", "0xdeadBEEF", "+0x1F", "-0x1F", "0x_1F", "0x_", "0b101", "0B101", "-0b101",
      "0b1_0", "1_000", "1__000", "1_", "0_", "-_1", "+1_000", "0_x1F", "9223372036854775808",
      // Sexagesimal ints and floats.
      "190:20:30", "12:30", "-12:30", "1:2", "22:22", "190:20:30.15", "1_0:20", "8080:80",
      // Floats.
      "1.5", ".5", "-.5", "+.5", "1.", "-1.5", "1e3", "1E3", "1E-3", "1e+3", "-1e3", "1.5e3",
      ".5e3", "6.8523015e+5", "685.230_15e+03", "685_230.15", "1_0.5", ".inf", ".Inf", ".INF",
      "-.inf", "+.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "1.2.3", "1.2.3.4", ".", "..",
      "1e_3",
      // Timestamps.
      "2001-12-14", "2001-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z",
      "2001-12-14 21:59:43.10 -5", "2001-12-14\t21:59:43", "2002-12-14 12:00",
      // Special keys.
      "=", "<<",
      // Leading/trailing whitespace.
      " a", "a ", " ", "  x  ",
      // Indicator first characters.
      "-", "-x", "- x", "--", "--flag", "---", "?", "?x", ":", ":x", ",", ",x", "[", "[x]", "]", "{", "{}",
      "}", "#", "#x", "&a", "*a", "!tag", "|", ">", "'a'", "\"a\"", "%YAML", "@x", "`x`",
      "...", "...x",
      // Mapping / comment hazards.
      "a: b", "key:", "a:", "http:", "a #b", "a # b",
      // Control characters, tabs, line breaks.
      "a\tb", "\t", "a\nb", "a\rb", "\n", "a\0b"sv, "a\x01", "a\x1b", "a\x7f",
      "a\xc2\x85"sv,       // U+0085 NEL
      "a\xc2\x80"sv,       // U+0080 C1 control
      "a\xe2\x80\xa8"sv,   // U+2028 LINE SEPARATOR
      "a\xe2\x80\xa9"sv,   // U+2029 PARAGRAPH SEPARATOR
      "\xef\xbb\xbfx"sv,   // U+FEFF BOM
      "a\xef\xbf\xbe"sv,   // U+FFFE
      "a\xef\xbf\xbf"sv,   // U+FFFF
      // Invalid UTF-8.
      "a\xff"sv, "\x80"sv, "a\xc3"sv, "\xc0\xafx"sv /* overlong */,
      "\xed\xa0\x80"sv /* surrogate */, "\xf4\x90\x80\x80"sv /* > U+10FFFF */,
      "\xe2\x82"sv /* truncated */,
  };
  return kCases;
}

const std::vector<std::string_view>& stays_plain() {
  static const std::vector<std::string_view> kCases = {
      "nginx:1.25", "http://x:80/a", "app.kubernetes.io/name", "eks.amazonaws.com/role-arn",
      "arn:aws:iam::123456789012:role/x", "/usr/bin/x", "hello world", "a-b_c.d", "250m",
      "512Mi", "1Gi", "0.5Gi", "100Mi", "web", "my-app", "x", "a", "_1", "_", "yes-please",
      "nope", "onboard", "nullable", "True2", "a~", "a=b", "<<x", "a,b", "a[0]", "a{b}",
      "a#b", "a:b", "c:\\path", "1.25-alpine", "v1.2.3", "1a", "0xZZ", "0b12", "0o8",
      "12:3a", "2001-12", "2001-12-14x", "2001-1214", "1e", "1e+", "e3", "inf", "nan",
      ".infinity", "+", "a'b", "a\"b", "50%", "us-east-1", "sha256:abcdef",
      "ghcr.io/org/img@sha256:0123", "caf\xc3\xa9"sv, "\xe6\x97\xa5\xe6\x9c\xac"sv,
      "\xf0\x9f\x98\x80"sv, "a\xc2\xa0" "b"sv, "KEY=value", "x-", "a -b",
  };
  return kCases;
}

TEST(YamlQuotingTest, MustQuoteTable) {
  for (const std::string_view s : must_quote()) {
    EXPECT_TRUE(needs_quotes(s)) << "expected quoting for [" << std::string(s) << "]";
  }
}

TEST(YamlQuotingTest, StaysPlainTable) {
  for (const std::string_view s : stays_plain()) {
    EXPECT_FALSE(needs_quotes(s)) << "expected plain for [" << std::string(s) << "]";
    EXPECT_EQ(yaml_scalar(s), std::string(s));
  }
}

TEST(YamlQuotingTest, YamlScalarQuotesWhenNeeded) {
  for (const std::string_view s : must_quote()) {
    EXPECT_EQ(yaml_scalar(s), double_quoted(s)) << std::string(s);
  }
  EXPECT_EQ(yaml_scalar("yes"), "\"yes\"");
  EXPECT_EQ(yaml_scalar("0777"), "\"0777\"");
  EXPECT_EQ(yaml_scalar("nginx:1.25"), "nginx:1.25");
}

TEST(YamlQuotingTest, DoubleQuotedEscapes) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  const std::vector<Case> cases = {
      {"", R"("")"},
      {"plain", R"("plain")"},
      {"a\\b", R"("a\\b")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"a\nb", R"("a\nb")"},
      {"a\tb", R"("a\tb")"},
      {"a\rb", R"("a\rb")"},
      {"a\0b"sv, R"("a\0b")"},
      {"\x01\x1f\x7f", R"("\x01\x1F\x7F")"},
      {"\x1b[0m", R"("\x1B[0m")"},
      {"caf\xc3\xa9"sv, "\"caf\xc3\xa9\""sv},
      {"\xf0\x9f\x98\x80"sv, "\"\xf0\x9f\x98\x80\""sv},
      {"\xc2\x85"sv, R"("\x85")"},
      {"\xc2\x9f"sv, R"("\x9F")"},
      {"\xe2\x80\xa8\xe2\x80\xa9"sv, R"("\u2028\u2029")"},
      {"\xef\xbb\xbf"sv, R"("\uFEFF")"},
      {"\xef\xbf\xbe\xef\xbf\xbf"sv, R"("\uFFFE\uFFFF")"},
      {"a\xffz"sv, R"("a\xFFz")"},
      {"\xc3"sv, R"("\xC3")"},
      {"\xc0\xaf"sv, R"("\xC0\xAF")"},
      {"\xed\xa0\x80"sv, R"("\xED\xA0\x80")"},
      {"\xe2\x82x"sv, R"("\xE2\x82x")"},
      {"yes", R"("yes")"},
      {" lead", R"(" lead")"},
      {"a: b # c", R"("a: b # c")"},
      {"'single'", R"("'single'")"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(double_quoted(c.in), std::string(c.out)) << "input [" << std::string(c.in) << "]";
  }
}

TEST(YamlQuotingTest, DoubleQuotedOutputHasNoRawControlBytes) {
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all.push_back(static_cast<char>(b));
  }
  const std::string quoted = double_quoted(all);
  for (const char c : quoted) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 || b == 0x7F) << "raw control byte " << static_cast<int>(b);
    EXPECT_LT(b, 0x80) << "all high bytes here are invalid UTF-8 and must be escaped";
  }
}

}  // namespace
}  // namespace specconv::io
