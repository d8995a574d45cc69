// Test helpers: run the specconv binary as a child process and read/write files.
// Used by the golden, CLI and corpus tests; depends on POSIX and the standard library only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace specconv::testutil {

struct RunResult {
  int exit_code = -1;     // the process's exit status; 128+N when killed by signal N
  bool signaled = false;  // killed by a signal (a crash)
  std::string out;        // standard output
  std::string err;        // standard error
};

/// Runs `binary args...` in `cwd` (empty: the current folder) with `stdin_text` on standard input.
/// Environment variables in `env` ("NAME=value") are added to the inherited environment.
RunResult run_process(const std::string& binary, const std::vector<std::string>& args,
                      const std::filesystem::path& cwd = {}, const std::string& stdin_text = {},
                      const std::vector<std::string>& env = {});

/// Runs the specconv binary under test (SPECCONV_BINARY).
RunResult run_specconv(const std::vector<std::string>& args, const std::filesystem::path& cwd = {},
                       const std::string& stdin_text = {});

/// Whether environment variable `name` is set to `value` (e.g. UPDATE_GOLDEN=1, CI=true).
bool env_is(const char* name, const char* value);

/// Path of the specconv binary under test.
std::string specconv_binary();

/// Whole file as a string; empty when missing.
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

/// A fresh empty folder under the system temp folder, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// 1-based number of the first line where a and b differ, with both lines (or "<end of file>").
struct FirstDifference {
  std::size_t line = 0;  // 0: equal
  std::string expected;
  std::string actual;
};
FirstDifference first_difference(const std::string& expected, const std::string& actual);

}  // namespace specconv::testutil
