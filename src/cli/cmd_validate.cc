// `specconv validate INPUT...`: checks ECS JSON and Kubernetes YAML/JSON against the schemas
// shipped in the binary. Exit 0 when every input is valid, 1 when any is not (or no file was
// found to check), 2 on usage errors.
#include <ostream>

#include "app/validate_input.h"
#include "cli/batch_options.h"
#include "cli/run.h"
#include "diag/render.h"
#include "io/file.h"

namespace specconv::cli {


int run_validate(const BatchCliOptions& o, std::ostream& out, std::ostream& err) {
  const io::Limits& limits = o.limits;
  Diagnostics all;
  std::size_t files = 0, invalid = 0;
  for (const std::string& file : expand_inputs(o.inputs, {".json", ".yaml", ".yml"}, all)) {
    ++files;
    Diagnostics d;
    const auto text = io::read_input(file, limits, d);
    if (text) d.append(app::validate_input({file, *text}, limits).diagnostics);
    const bool bad = !text || d.has_errors();
    invalid += bad ? 1 : 0;
    if (!o.quiet) out << file << ": " << (bad ? "invalid" : "valid") << "\n";
    all.append(d);
  }
  if (files == 0 && !all.has_errors()) {
    // Only empty folders: a CI gate must not pass while checking nothing.
    const std::string at = o.inputs.empty() ? std::string() : o.inputs.front();
    all.error("no-input-files", {at, "", 0, 0, -1},
              "no file to check: the input folders hold no *.json, *.yaml or *.yml file");
  }
  err << diag::render_text(all, !o.quiet);
  if (!o.quiet) err << "specconv validate: " << files << " files, " << invalid << " invalid\n";
  return all.has_errors() ? 1 : 0;
}

}  // namespace specconv::cli
