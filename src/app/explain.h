// `specconv explain`: for one input file, a field-by-field account of what happens to each
// source field: where it goes, or why it was dropped or approximated.
//
// ECS input: one row per field of the task definition / service (and of their nested objects
// that the mapping table describes), with the target, fidelity and rule from the mapping table
// (src/mapping/field_table.h), overridden by what the conversion actually reported for that
// field (its diagnostics).
// Kubernetes input: one row per field of each document (labels, annotations and data maps are
// one row each); status comes from the reader's diagnostics (ignored-field, unsupported-field,
// warnings, errors), "read" when the reader consumed the field without comment; the target
// column names the usual ECS counterpart when there is one.
// Library code: never prints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/batch.h"
#include "io/limits.h"
#include "specconv/convert.h"
#include "specconv/diagnostics.h"

namespace specconv::app {

struct ExplainRow {
  int64_t document = -1;  // YAML document index (Kubernetes input), -1 otherwise
  std::string source;     // JSON pointer in the input (document-relative)
  int64_t line = 0;
  int64_t column = 0;
  std::string target;     // field or object on the other side; "" when none
  std::string status;     // exact, converted, approximated, annotation, dropped, ignored, read, unknown, error
  std::string note;       // the rule, or the diagnostic messages that decided the status
  std::vector<std::string> codes;  // diagnostic codes attached to the row
};

struct Explanation {
  std::string file;
  Direction direction = Direction::kUnknown;
  bool converted = false;               // the conversion produced output without errors
  std::vector<std::string> workloads;   // names of the converted workloads
  std::string wiring;                   // a describe-* wiring file: what it holds ("2 target groups"), else ""
  std::vector<ExplainRow> rows;         // document order
  Diagnostics diagnostics;              // everything the conversion reported
};

[[nodiscard]] Explanation explain_input(const InputText& input, const io::Limits& limits);

[[nodiscard]] std::string render_explain_text(const Explanation& e);
[[nodiscard]] std::string render_explain_markdown(const Explanation& e);
[[nodiscard]] std::string render_explain_json(const Explanation& e);
/// Several inputs (`explain DIR`): one JSON array of the per-input objects.
[[nodiscard]] std::string render_explain_json(const std::vector<Explanation>& all);

}  // namespace specconv::app
