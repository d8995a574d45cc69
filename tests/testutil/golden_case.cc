// The files of a golden case folder (see golden_case.h).
#include "testutil/golden_case.h"

#include <algorithm>
#include <sstream>

#include "testutil/process.h"

namespace specconv::testutil {

namespace fs = std::filesystem;

bool reserved_case_file(const std::string& name) {
  return name == "args" || name.rfind("expected.", 0) == 0 || name == "README.md" || name == "SOURCES.md";
}

std::vector<std::string> read_case_args(const fs::path& dir) {
  std::vector<std::string> args;
  std::istringstream in(read_file(dir / "args"));
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // "--flag value": the flag and its value are two arguments (values may hold spaces).
    const auto space = line.find(' ');
    if (line.rfind("-", 0) == 0 && space != std::string::npos) {
      args.push_back(line.substr(0, space));
      args.push_back(line.substr(line.find_first_not_of(' ', space)));
    } else {
      args.push_back(line);
    }
  }
  return args;
}

std::vector<std::string> case_input_files(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && !reserved_case_file(e.path().filename().string())) files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace specconv::testutil
