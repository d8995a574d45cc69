// `specconv explain FILE`: a field-by-field table of what the conversion does with one input.
#include <ostream>

#include "app/explain.h"
#include "cli/commands.h"
#include "cli/limit_flags.h"
#include "diag/render.h"
#include "io/file.h"

namespace specconv::cli {

CLI::App* add_explain_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "explain",
      "for one input file, list each source field with its target, or why it was dropped or approximated");
  c->add_option("input", o.inputs, "one ECS JSON or Kubernetes YAML/JSON file (direction detected as in convert)")
      ->required()
      ->expected(1);
  c->add_option("--format", o.explain_format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  add_limit_flags(*c, o.limits);
  return c;
}

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
