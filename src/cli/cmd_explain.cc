// `specconv explain FILE`: a field-by-field table of what the conversion does with one input.
#include <ostream>

#include "app/explain.h"
#include "cli/batch_options.h"
#include "diag/render.h"
#include "io/file.h"

namespace specconv::cli {


int run_explain(const BatchCliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.inputs.size() != 1) {
    err << "specconv: explain takes exactly one file\n";
    return 2;
  }
  const io::Limits& limits = o.limits;
  Diagnostics read;
  const auto text = io::read_input(o.inputs[0], limits, read);
  if (!text) {
    err << diag::render_text(read);
    return 1;
  }
  const app::Explanation e = app::explain_input({o.inputs[0], *text}, limits);
  if (o.explain_format == "json") out << app::render_explain_json(e);
  else if (o.explain_format == "markdown") out << app::render_explain_markdown(e);
  else out << app::render_explain_text(e);
  return e.diagnostics.has_errors() ? 1 : 0;
}

}  // namespace specconv::cli
