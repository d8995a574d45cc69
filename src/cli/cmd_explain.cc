// `specconv explain INPUT...`: a field-by-field table of what the conversion does with each input
// (a folder: every *.json, *.yaml, *.yml file in it, one table each).
#include <ostream>
#include <vector>

#include "app/explain.h"
#include "cli/batch_options.h"
#include "cli/run.h"
#include "diag/render.h"
#include "io/file.h"

namespace specconv::cli {

int run_explain(const BatchCliOptions& o, std::ostream& out, std::ostream& err) {
  const io::Limits& limits = o.limits;
  Diagnostics read;
  std::vector<app::Explanation> all;
  for (const std::string& file : expand_inputs(o.inputs, {".json", ".yaml", ".yml"}, read)) {
    if (const auto text = io::read_input(file, limits, read)) all.push_back(app::explain_input({file, *text}, limits));
  }
  err << diag::render_text(read);
  // One file named on the command line gives one table (one JSON object), as it always has.
  const bool single = o.inputs.size() == 1 && all.size() == 1 && o.inputs.front() == all.front().file;
  if (o.explain_format == "json") {
    out << (single ? app::render_explain_json(all.front()) : app::render_explain_json(all));
  } else {
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i > 0) out << "\n";
      out << (o.explain_format == "markdown" ? app::render_explain_markdown(all[i]) : app::render_explain_text(all[i]));
    }
  }
  bool failed = read.has_errors();
  for (const app::Explanation& e : all) failed = failed || e.diagnostics.has_errors();
  return failed ? 1 : 0;
}

}  // namespace specconv::cli
