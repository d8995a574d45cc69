#include "io/utf8.h"

#include <gtest/gtest.h>

#include "io/json_write.h"
#include "specconv/diagnostics.h"

namespace specconv::io {
namespace {

TEST(Utf8, SequenceLengthsFollowRfc3629) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("\xC3\xA9", 0), 2u);          // é
  EXPECT_EQ(utf8_sequence_length("\xE2\x82\xAC", 0), 3u);      // €
  EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x98\x80", 0), 4u);  // U+1F600
  EXPECT_EQ(utf8_sequence_length("\xC3", 0), 0u);              // cut short
  EXPECT_EQ(utf8_sequence_length("\x80", 0), 0u);              // stray continuation byte
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);      // UTF-16 surrogate
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);  // above U+10FFFF
}

TEST(Utf8, RepairReplacesOnlyTheBadBytes) {
  EXPECT_EQ(repair_utf8("plain é"), "plain é");
  // What nlohmann's parse error quotes for `{"family": é}`: the input cut after the first byte.
  EXPECT_EQ(repair_utf8("last read: '\"family\": \xC3'"), "last read: '\"family\": \xEF\xBF\xBD'");
  EXPECT_EQ(repair_utf8("\xFF\xFEok"), "\xEF\xBF\xBD\xEF\xBF\xBDok");
}

TEST(Utf8, JsonStringsAreAlwaysWellFormed) {
  EXPECT_EQ(json_quote("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
  EXPECT_EQ(json_quote("cut \xC3"), "\"cut \\ufffd\"");
}

TEST(Utf8, DiagnosticsAreRepairedWhenReported) {
  specconv::Diagnostics d;
  d.error("json-syntax", {"f\xFF.json", "/a\xC3", 1, 1, -1}, "near \xC3");
  EXPECT_EQ(d.all()[0].message, "near \xEF\xBF\xBD");
  EXPECT_EQ(d.all()[0].location.file, "f\xEF\xBF\xBD.json");
  EXPECT_EQ(d.all()[0].location.pointer, "/a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace specconv::io
