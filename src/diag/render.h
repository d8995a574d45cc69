// The only formatters of diagnostics: text for people, JSON for machines. Deterministic order:
// by file, then in the order reported.
#pragma once

#include <string>

#include "specconv/diagnostics.h"

namespace specconv::diag {

/// `file:line:col: severity: message [code]`, or `file: /pointer: severity: ...` when no line is known.
[[nodiscard]] std::string render_text(const Diagnostics& diags, bool include_notes = true);
[[nodiscard]] std::string render_json(const Diagnostics& diags);
[[nodiscard]] std::string render_one(const Diagnostic& d);

/// Promotes warnings to errors (--strict); pure.
[[nodiscard]] Diagnostics apply_strict(const Diagnostics& diags);

}  // namespace specconv::diag
