// Input text checks: only well-formed UTF-8 (RFC 3629) without NUL bytes reaches the parsers.
#include "io/file.h"

#include <gtest/gtest.h>

namespace specconv::io {
namespace {

bool accepted(const std::string& text) {
  Diagnostics d;
  return check_text(text, "in", d);
}

std::string first_message(const std::string& text) {
  Diagnostics d;
  (void)check_text(text, "in", d);
  return d.all().empty() ? "" : d.all().front().code;
}

TEST(CheckText, AcceptsWellFormedUtf8) {
  EXPECT_TRUE(accepted("plain ascii\n"));
  EXPECT_TRUE(accepted("caf\xC3\xA9"));                 // U+00E9
  EXPECT_TRUE(accepted("\xE2\x82\xAC"));                // U+20AC
  EXPECT_TRUE(accepted("\xED\x9F\xBF"));                // U+D7FF, just below the surrogates
  EXPECT_TRUE(accepted("\xF0\x9F\x98\x80"));            // U+1F600
  EXPECT_TRUE(accepted("\xF4\x8F\xBF\xBF"));            // U+10FFFF, the last code point
}

TEST(CheckText, RejectsMalformedUtf8) {
  EXPECT_FALSE(accepted("\xC0\xAF"));                   // overlong '/'
  EXPECT_FALSE(accepted("\xE0\x80\xAF"));               // overlong, three bytes
  EXPECT_FALSE(accepted("\xF0\x80\x80\xAF"));           // overlong, four bytes
  EXPECT_FALSE(accepted("\xED\xA0\x80"));               // U+D800, a UTF-16 surrogate
  EXPECT_FALSE(accepted("\xF4\x90\x80\x80"));           // above U+10FFFF
  EXPECT_FALSE(accepted("10:\n1\xF6\xA8\xA8\x9AUtili"));  // F5..FF never start a sequence (fuzz finding)
  EXPECT_FALSE(accepted("\xE2\x82"));                   // truncated at the end
  EXPECT_FALSE(accepted("\x80"));                       // a lone continuation byte
  EXPECT_EQ(first_message("a\xFF"), "invalid-utf8");
}

TEST(CheckText, RejectsNulAsBinary) {
  EXPECT_EQ(first_message(std::string("a\0b", 3)), "binary-input");
}

}  // namespace
}  // namespace specconv::io
