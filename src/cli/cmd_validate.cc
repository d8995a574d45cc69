// `specconv validate INPUT...`: checks ECS JSON and Kubernetes YAML/JSON against the schemas
// shipped in the binary. Exit 0 when every input is valid, 1 when any is not (or no file was
// found to check), 2 on usage errors.
#include <ostream>

#include "app/validate_input.h"
#include "cli/commands.h"
#include "cli/limit_flags.h"
#include "cli/run.h"
#include "diag/render.h"
#include "io/file.h"

namespace specconv::cli {

CLI::App* add_validate_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "validate",
      "check ECS task definitions/services (JSON) and Kubernetes manifests (YAML/JSON) against the official schemas "
      "shipped with specconv: types, required fields, enums, unknown fields (with did-you-mean), API server rules");
  c->add_option("input", o.inputs,
                "files or folders (searched recursively for *.json, *.yaml, *.yml), or - for standard input; the kind "
                "of each document is detected (JSON with apiVersion and kind is Kubernetes, other JSON is ECS)")
      ->required();
  c->add_flag("-q,--quiet", o.quiet, "print only problems, not the per-file summary line");
  add_limit_flags(*c, o.limits);
  return c;
}

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
