// Limits on what the readers accept, so that one hostile file cannot exhaust time or memory.
// Every limit has a flag (add_limit_flags in src/cli/commands.cc); the error a limit raises names the flag.
// The defaults keep the worst case of any one file under about a second and a few hundred MB
// on a 2-core CI machine (docs/robustness.md has the measurements). Standard library only.
#pragma once

#include <cstddef>

namespace specconv {

struct ReadLimits {
  std::size_t max_file_bytes = 32u << 20;     // --max-file-size: any input file
  std::size_t max_yaml_bytes = 4u << 20;      // --max-yaml-size: a YAML stream (yaml-cpp reads 2-10 MB/s)
  std::size_t max_depth = 200;                // --max-depth: nesting, JSON and YAML, flow and block
  std::size_t max_nodes = 150'000;            // --max-values: values (keys included) in one file, after alias expansion
  std::size_t max_alias_nodes = 100'000;      // --max-alias-values: values reached again through YAML aliases
  std::size_t max_alias_bytes = 16u << 20;    // --max-alias-bytes: bytes of scalars reached again through aliases
  std::size_t max_documents = 10'000;         // --max-documents: documents in one YAML stream
  std::size_t max_string_bytes = 4u << 20;    // --max-string-length: one string or scalar
};

}  // namespace specconv
