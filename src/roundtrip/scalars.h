// Scalar equality shared by the ECS and Kubernetes comparisons: numbers by value (an int equals
// the same float), booleans by value, null equals null, strings by text.
#pragma once

#include "io/tree.h"

namespace specconv::roundtrip {

[[nodiscard]] bool scalars_equal(const io::Node& a, const io::Node& b);

}  // namespace specconv::roundtrip
