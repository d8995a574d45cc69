// The --report file: streamed body, framed and renamed into place at the end.
#include "cli/report_file.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace specconv::cli {

bool ReportFile::open(const std::string& path, std::unique_ptr<ReportRenderer> renderer) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  path_ = path;
  body_path_ = path + ".body-" + std::to_string(::getpid());
  body_.open(body_path_, std::ios::binary | std::ios::trunc);
  if (!body_) {
    std::remove(body_path_.c_str());
    return false;
  }
  renderer_ = std::move(renderer);
  return true;
}

void ReportFile::add(const app::FileReport& report) {
  if (renderer_ != nullptr) body_ << renderer_->entry(report);
}

bool ReportFile::finish(const RunEnd& end) {
  if (renderer_ == nullptr) return false;
  body_.close();
  const bool body_ok = static_cast<bool>(body_);
  const std::string tmp = path_ + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::ifstream in(body_path_, std::ios::binary);
    out << renderer_->head(end);
    if (in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();
    out << renderer_->tail(end);
    out.close();
    if (!body_ok || !in || !out || std::rename(tmp.c_str(), path_.c_str()) != 0) {
      std::remove(tmp.c_str());
      abandon();
      return false;
    }
  }
  abandon();
  return true;
}

void ReportFile::abandon() {
  if (renderer_ == nullptr) return;
  if (body_.is_open()) body_.close();
  std::remove(body_path_.c_str());
  renderer_.reset();
}

}  // namespace specconv::cli
