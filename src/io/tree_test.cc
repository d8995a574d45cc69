// Tests for io/tree: the Node::strings named constructor.
#include "io/tree.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace specconv::io {
namespace {

TEST(NodeStrings, KeepsOrderAndTypes) {
  const Node a = Node::strings({"b", "a", "80", ""});
  ASSERT_TRUE(a.is_array());
  ASSERT_EQ(a.size(), 4u);
  const std::vector<std::string> want = {"b", "a", "80", ""};
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_TRUE(a.items()[i].is_string()) << i;  // "80" stays a string, never the number 80
    EXPECT_EQ(a.items()[i].text(), want[i]);
  }
}

TEST(NodeStrings, EmptyListIsAnEmptyArray) {
  const Node a = Node::strings({});
  EXPECT_TRUE(a.is_array());
  EXPECT_EQ(a.size(), 0u);
}

}  // namespace
}  // namespace specconv::io
