// Tests for io/pointer: RFC 6901 token escaping, its inverse, and pointers built and resolved
// with them (the examples of RFC 6901 section 5).
#include "io/pointer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/tree.h"

namespace specconv::io {
namespace {

TEST(PointerToken, EscapesTildeAndSlash) {
  EXPECT_EQ(escape_pointer_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(escape_pointer_token("plain"), "plain");
  // `~` is escaped first, so a literal "~1" does not turn into a slash on the way back.
  EXPECT_EQ(escape_pointer_token("~1"), "~01");
}

TEST(PointerToken, RoundTrips) {
  for (const std::string token : {"a/b~c", "", "~", "/", "~0", "~1", "//~~", "m~n", " ", "c%d", "k\"l"}) {
    EXPECT_EQ(unescape_pointer_token(escape_pointer_token(token)), token) << token;
  }
}

TEST(PointerToken, EmptyToken) {
  EXPECT_EQ(escape_pointer_token(""), "");
  EXPECT_EQ(unescape_pointer_token(""), "");
  std::string pointer;
  append_pointer_token(pointer, "");
  EXPECT_EQ(pointer, "/");  // the member named "" of the root, not the root itself
}

TEST(PointerToken, Unescapes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a~1b", "a/b"}, {"m~0n", "m~n"}, {"~10", "/0"},
      {"~01", "~1"},  // not "/": one pass, left to right
      {"a~2b", "a~b"}, {"a~", "a~"},  // malformed: read leniently, as always
  };
  for (const auto& [escaped, token] : cases) EXPECT_EQ(unescape_pointer_token(escaped), token) << escaped;
}

TEST(PointerToken, AppendBuildsPointers) {
  std::string pointer;
  for (const char* token : {"spec", "rules", "0", "a/b", "m~n"}) append_pointer_token(pointer, token);
  EXPECT_EQ(pointer, "/spec/rules/0/a~1b/m~0n");
}

// RFC 6901 section 5: the example document and the pointers into it.
TEST(PointerToken, ResolvesTheRfc6901Examples) {
  Node doc = Node::object();
  Node foo = Node::array();
  foo.push(Node::string("bar"));
  foo.push(Node::string("baz"));
  doc.set("foo", std::move(foo));
  const std::vector<std::string> keys = {"", "a/b", "c%d", "e^f", "g|h", "i\\j", "k\"l", " ", "m~n"};
  for (std::size_t i = 0; i < keys.size(); ++i) doc.set(keys[i], Node::integer(static_cast<int64_t>(i)));

  EXPECT_EQ(resolve_pointer(doc, ""), &doc);
  EXPECT_EQ(resolve_pointer(doc, "/foo/0")->text(), "bar");
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string pointer;
    append_pointer_token(pointer, keys[i]);
    const Node* found = resolve_pointer(doc, pointer);
    ASSERT_NE(found, nullptr) << pointer;
    ASSERT_TRUE(found->is_int()) << pointer;
    EXPECT_EQ(found->as_int(), static_cast<int64_t>(i)) << pointer;
  }
  EXPECT_EQ(resolve_pointer(doc, "/a~1b")->as_int(), 1);
  EXPECT_EQ(resolve_pointer(doc, "/m~0n")->as_int(), 8);
  EXPECT_EQ(resolve_pointer(doc, "/")->as_int(), 0);
}

}  // namespace
}  // namespace specconv::io
