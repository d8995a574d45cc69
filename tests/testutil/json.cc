// Test helper: parse JSON or fail the test.
#include "testutil/json.h"

#include <gtest/gtest.h>

#include "io/json_load.h"

namespace specconv::testutil {

io::Node parse_json(const std::string& text) {
  Diagnostics d;
  auto n = io::load_json(text, "t.json", io::Limits{}, d);
  EXPECT_TRUE(n.has_value()) << text.substr(0, 200);
  return n ? *n : io::Node::null();
}

}  // namespace specconv::testutil
