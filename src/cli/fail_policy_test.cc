// Tests for --fail-on / --ignore.
#include "cli/fail_policy.h"

#include <gtest/gtest.h>

namespace specconv::cli {
namespace {

Diagnostic diag(Severity s, const char* code) {
  Diagnostic d;
  d.severity = s;
  d.code = code;
  return d;
}

FailPolicy policy(std::vector<std::string> fail_on, std::vector<std::string> ignore = {}) {
  std::string error;
  auto p = make_fail_policy(fail_on, ignore, error);
  EXPECT_TRUE(p.has_value()) << error;
  return p.value_or(FailPolicy{});
}

TEST(FailPolicy, ErrorsAlwaysFailWarningsOnlyWhenAsked) {
  EXPECT_TRUE(fails(policy({"error"}), diag(Severity::kError, "json-syntax")));
  EXPECT_FALSE(fails(policy({"error"}), diag(Severity::kWarning, "not-carried-over")));
  EXPECT_TRUE(fails(policy({"warning"}), diag(Severity::kWarning, "not-carried-over")));
  EXPECT_FALSE(fails(policy({"warning"}), diag(Severity::kNote, "renamed-resource")));
}

TEST(FailPolicy, IgnoredCodesNeverCountButErrorsStillFail) {
  const FailPolicy p = policy({"warning"}, {"not-carried-over"});
  EXPECT_FALSE(fails(p, diag(Severity::kWarning, "not-carried-over")));
  EXPECT_TRUE(fails(p, diag(Severity::kWarning, "type-coerced")));
  EXPECT_TRUE(fails(policy({"error"}, {"json-syntax"}), diag(Severity::kError, "json-syntax")));
}

TEST(FailPolicy, ACodeListFailsOnThoseCodesOfAnySeverity) {
  const FailPolicy p = policy({"type-coerced", "renamed-resource"});
  EXPECT_TRUE(fails(p, diag(Severity::kWarning, "type-coerced")));
  EXPECT_TRUE(fails(p, diag(Severity::kNote, "renamed-resource")));
  EXPECT_FALSE(fails(p, diag(Severity::kWarning, "not-carried-over")));
}

TEST(FailPolicy, UnknownValueIsRefusedWithTheClosestCode) {
  std::string error;
  EXPECT_FALSE(make_fail_policy({"warnings-and-more"}, {}, error).has_value());
  error.clear();
  EXPECT_FALSE(make_fail_policy({"warning"}, {"not-carried-ovr"}, error).has_value());
  EXPECT_NE(error.find("--ignore"), std::string::npos);
  EXPECT_NE(error.find("did you mean not-carried-over?"), std::string::npos) << error;
}

}  // namespace
}  // namespace specconv::cli
