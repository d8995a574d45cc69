// Tests for io/suggest: edit_distance (insert/delete/substitute/transpose) and
// did_you_mean selection, thresholds, case handling and tie-breaking.
#include "io/suggest.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace specconv::io {
namespace {

TEST(EditDistanceTest, Table) {
  struct Case {
    std::string_view a;
    std::string_view b;
    std::size_t want;
  };
  const std::vector<Case> cases = {
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"abc", "abc", 0},
      {"abc", "abd", 1},
      {"abc", "ab", 1},
      {"ab", "abc", 1},
      {"abc", "bac", 1},          // transposition
      {"contianers", "containers", 1},
      {"memoryReservaton", "memoryReservation", 1},
      {"kitten", "sitting", 3},
      {"ca", "abc", 3},           // OSA (not unrestricted Damerau, which gives 2)
      {"abcdef", "badcfe", 3},    // three transpositions
      {"Image", "image", 1},      // case-sensitive
      {"flaw", "lawn", 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(edit_distance(c.a, c.b), c.want) << c.a << " vs " << c.b;
    EXPECT_EQ(edit_distance(c.b, c.a), c.want) << "symmetry: " << c.b << " vs " << c.a;
  }
}

const std::vector<std::string_view> kContainerKeys = {
    "name", "image", "memory", "memoryReservation", "cpu", "portMappings",
    "environment", "essential", "command", "entryPoint", "containers",
};

TEST(DidYouMeanTest, RequiredExamples) {
  EXPECT_EQ(did_you_mean("memoryReservaton", kContainerKeys), "memoryReservation");
  EXPECT_EQ(did_you_mean("contianers", kContainerKeys), "containers");
  EXPECT_EQ(did_you_mean("portmappings", kContainerKeys), "portMappings");
  EXPECT_EQ(did_you_mean("xyz", kContainerKeys), std::nullopt);
  EXPECT_EQ(did_you_mean("memoryReservaton", {}), std::nullopt);
  EXPECT_EQ(did_you_mean("", {}), std::nullopt);
}

TEST(DidYouMeanTest, CaseInsensitiveExactWins) {
  // "Cpu" is at distance 1 from "cpus" but a case-insensitive exact "CPU"
  // exists later in the list: the exact match wins over order.
  const std::vector<std::string_view> known = {"cpus", "CPU"};
  EXPECT_EQ(did_you_mean("Cpu", known), "CPU");
  EXPECT_EQ(did_you_mean("ENVIRONMENT", kContainerKeys), "environment");
}

TEST(DidYouMeanTest, TiesGoToEarlierEntry) {
  const std::vector<std::string_view> known = {"abcd", "abce", "abcf"};
  EXPECT_EQ(did_you_mean("abcx", known), "abcd");
  const std::vector<std::string_view> reversed = {"abcf", "abce", "abcd"};
  EXPECT_EQ(did_you_mean("abcx", reversed), "abcf");
}

TEST(DidYouMeanTest, ClosestWinsOverOrder) {
  const std::vector<std::string_view> known = {"imageTag", "image"};
  EXPECT_EQ(did_you_mean("imag", known), "image");
}

TEST(DidYouMeanTest, Threshold) {
  // len 6 -> max distance 2.
  EXPECT_EQ(did_you_mean("imgae", kContainerKeys), "image");      // transposition
  EXPECT_EQ(did_you_mean("essntal", kContainerKeys), "essential");  // len 7 -> 2
  EXPECT_EQ(did_you_mean("comand", kContainerKeys), "command");
  EXPECT_EQ(did_you_mean("entrypnt", kContainerKeys), "entryPoint");  // 2 deletions
  EXPECT_EQ(did_you_mean("entpnt", kContainerKeys), std::nullopt);    // 4 away
  // Short keys still allow one edit.
  EXPECT_EQ(did_you_mean("cp", kContainerKeys), "cpu");
  EXPECT_EQ(did_you_mean("ab", kContainerKeys), std::nullopt);
}

TEST(DidYouMeanTest, ExactKeyIsReturned) {
  EXPECT_EQ(did_you_mean("image", kContainerKeys), "image");
}

}  // namespace
}  // namespace specconv::io
