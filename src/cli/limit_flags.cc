#include "cli/limit_flags.h"

#include <CLI/CLI.hpp>
#include <string>

namespace specconv::cli {
namespace {

std::string with_default(const std::string& what, std::size_t value) {
  return what + " (default " + std::to_string(value) + ")";
}

}  // namespace

void add_limit_flags(CLI::App& app, ReadLimits& limits) {
  const ReadLimits d;
  app.add_option("--max-file-size", limits.max_file_bytes, with_default("largest input file accepted, in bytes", d.max_file_bytes));
  app.add_option("--max-yaml-size", limits.max_yaml_bytes,
                 with_default("largest YAML stream accepted, in bytes; YAML reads slower than JSON", d.max_yaml_bytes));
  app.add_option("--max-depth", limits.max_depth, with_default("deepest nesting accepted in an input", d.max_depth));
  app.add_option("--max-values", limits.max_nodes,
                 with_default("most values (scalars, lists, maps) accepted in one file, after YAML alias expansion", d.max_nodes));
  app.add_option("--max-alias-values", limits.max_alias_nodes,
                 with_default("most values that YAML aliases may repeat in one file", d.max_alias_nodes));
  app.add_option("--max-alias-bytes", limits.max_alias_bytes,
                 with_default("most bytes of scalars that YAML aliases may repeat in one file", d.max_alias_bytes));
  app.add_option("--max-documents", limits.max_documents, with_default("most documents accepted in one YAML stream", d.max_documents));
  app.add_option("--max-string-length", limits.max_string_bytes,
                 with_default("longest string, key or scalar accepted, in bytes", d.max_string_bytes));
}

}  // namespace specconv::cli
