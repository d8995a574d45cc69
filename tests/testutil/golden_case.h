// Test helpers: the files of a golden case folder (tests/golden/<category>/<case>/): its flags
// (`args`) and its input files (every file but the reserved names). Used by the golden test and
// by the Terraform validation of the to-ecs golden inputs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace specconv::testutil {

/// True for the names a case folder reserves: args, expected.*, README.md, SOURCES.md.
bool reserved_case_file(const std::string& name);

/// The flags of `dir/args`, one per line ("--flag value" is two arguments); # comments skipped.
std::vector<std::string> read_case_args(const std::filesystem::path& dir);

/// The input files of a case folder (names relative to it), sorted.
std::vector<std::string> case_input_files(const std::filesystem::path& dir);

}  // namespace specconv::testutil
