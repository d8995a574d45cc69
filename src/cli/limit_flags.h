// The reader-limit flags (--max-file-size, --max-yaml-size, --max-depth, --max-values, ...),
// defined once and added to every command that reads input.
#pragma once

#include "specconv/limits.h"

namespace CLI {
class App;
}

namespace specconv::cli {

void add_limit_flags(CLI::App& app, ReadLimits& limits);

}  // namespace specconv::cli
