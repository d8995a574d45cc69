// Test helper: JSON text to an io::Node, failing the current test when it does not parse.
#pragma once

#include <string>

#include "io/tree.h"

namespace specconv::testutil {

/// The document `text` holds (positions as in a file named t.json); a null node, and a test
/// failure, when it is not JSON.
io::Node parse_json(const std::string& text);

}  // namespace specconv::testutil
