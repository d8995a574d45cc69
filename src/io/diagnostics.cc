// Diagnostics container helpers.
#include "specconv/diagnostics.h"

#include "io/utf8.h"

namespace specconv {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "?";
}

void Diagnostics::report(Diagnostic d) {
  // Messages quote input, and the JSON parser's messages cut it at a byte, not a character;
  // file names come from the file system. Every renderer may rely on well-formed UTF-8.
  d.message = io::repair_utf8(d.message);
  d.location.file = io::repair_utf8(d.location.file);
  d.location.pointer = io::repair_utf8(d.location.pointer);
  items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return count(Severity::kError) > 0; }

std::size_t Diagnostics::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == s ? 1 : 0;
  return n;
}

}  // namespace specconv
