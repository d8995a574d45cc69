// Writes `convert --report FILE`: entries are streamed to a temporary body file beside FILE as
// the files are reported (memory stays independent of the number of inputs), and at the end the
// renderer's head, the body and its tail are written to a second temporary file that is renamed
// onto FILE. Nothing is left behind when the run is abandoned.
#pragma once

#include <fstream>
#include <memory>
#include <string>

#include "cli/report_format.h"

namespace specconv::cli {

class ReportFile {
 public:
  /// Opens the body file (creating FILE's folder); false when it cannot be written.
  bool open(const std::string& path, std::unique_ptr<ReportRenderer> renderer);
  [[nodiscard]] bool is_open() const { return renderer_ != nullptr; }
  /// Appends the entry of one input file.
  void add(const app::FileReport& report);
  /// Writes FILE atomically; false (and nothing written) when that fails.
  [[nodiscard]] bool finish(const RunEnd& end);
  /// Removes the temporary files.
  void abandon();
  ~ReportFile() { abandon(); }

 private:
  std::string path_;
  std::string body_path_;
  std::ofstream body_;
  std::unique_ptr<ReportRenderer> renderer_;
};

}  // namespace specconv::cli
