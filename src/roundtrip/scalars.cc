#include "roundtrip/scalars.h"

namespace specconv::roundtrip {

bool scalars_equal(const io::Node& a, const io::Node& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    const double x = a.is_int() ? static_cast<double>(a.as_int()) : a.as_float();
    const double y = b.is_int() ? static_cast<double>(b.as_int()) : b.as_float();
    return x == y;
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_bool()) return a.as_bool() == b.as_bool();
  if (a.is_null()) return true;
  return a.text() == b.text();
}

}  // namespace specconv::roundtrip
