// Limits on what the readers accept, so that one hostile file cannot exhaust time or memory.
// Each limit has a flag; the error that a limit raises names it. Standard library only.
#pragma once

#include <cstddef>

namespace specconv::io {

struct Limits {
  std::size_t max_file_bytes = 64u << 20;     // --max-file-size
  std::size_t max_depth = 200;                // --max-depth
  std::size_t max_nodes = 2'000'000;          // total values in one file (after alias expansion)
  std::size_t max_alias_nodes = 100'000;     // values reached again through YAML aliases
  std::size_t max_documents = 10'000;         // documents in one YAML stream
  std::size_t max_string_bytes = 4u << 20;    // one scalar
};

}  // namespace specconv::io
