// Diagnostics container helpers.
#include "specconv/diagnostics.h"

namespace specconv {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "?";
}

bool Diagnostics::has_errors() const { return count(Severity::kError) > 0; }

std::size_t Diagnostics::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == s ? 1 : 0;
  return n;
}

}  // namespace specconv
