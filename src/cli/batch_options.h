// Flags of the batch-era commands (convert, explain, completion, man), kept apart from the
// single-run flags in CliOptions. Plain data: no CLI11 types.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace specconv::cli {

struct BatchCliOptions {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::size_t jobs = 0;            // 0: hardware threads
  std::string to;                  // "", "k8s" or "ecs"
  std::string report;              // --report FILE
  std::string fail_on = "error";   // error | warning
  bool quiet = false;
  int verbose = 0;
  std::size_t max_file_size = 64u << 20;
  std::size_t max_depth = 200;
  std::string explain_format = "text";  // text | markdown | json
  std::string shell;                    // completion: bash | zsh
};

/// `specconv convert`: exit code 0, 1 or 2.
[[nodiscard]] int run_convert(const BatchCliOptions& o, std::ostream& out, std::ostream& err);
/// `specconv explain`: exit code 0, 1 or 2.
[[nodiscard]] int run_explain(const BatchCliOptions& o, std::ostream& out, std::ostream& err);

/// `specconv validate`: exit code 0, 1 or 2.
[[nodiscard]] int run_validate(const BatchCliOptions& o, std::ostream& out, std::ostream& err);

}  // namespace specconv::cli
