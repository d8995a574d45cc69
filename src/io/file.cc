// File input and atomic output.
#include "io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "io/json_load.h"
#include "io/utf8.h"

namespace specconv::io {

bool check_text(std::string_view text, const std::string& file, Diagnostics& diags) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      const LineCol lc = line_col_at(text, i);
      diags.error("binary-input", {file, "", lc.line, lc.column, -1}, "the file contains a NUL byte: binary input is not a task definition or manifest");
      return false;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      const LineCol lc = line_col_at(text, i);
      diags.error("invalid-utf8", {file, "", lc.line, lc.column, -1},
                  "the file is not valid UTF-8 (byte " + std::to_string(c) + " at offset " + std::to_string(i) + ")");
      return false;
    }
    i += len;
  }
  return true;
}

std::optional<std::string> read_input(const std::string& path, const Limits& limits, Diagnostics& diags) {
  std::string text;
  if (path == "-") {
    std::ostringstream ss;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (text.size() > limits.max_file_bytes) break;
    }
  } else {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
      diags.error("unreadable-input", {path, "", 0, 0, -1}, "cannot read: " + ec.message());
      return std::nullopt;
    }
    if (size > limits.max_file_bytes) {
      diags.error("file-too-large", {path, "", 0, 0, -1},
                  "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                      std::to_string(limits.max_file_bytes) + " (raise with --max-file-size)");
      return std::nullopt;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      diags.error("unreadable-input", {path, "", 0, 0, -1}, std::string("cannot open: ") + std::strerror(errno));
      return std::nullopt;
    }
    // One read of the size the file had; keep reading if it grew meanwhile (up to the limit).
    text.resize(static_cast<std::size_t>(size) + 1);
    std::size_t got = 0;
    while (true) {
      if (got == text.size()) {
        if (text.size() > limits.max_file_bytes) break;
        text.resize(text.size() * 2);
      }
      const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const std::string err = std::strerror(errno);
        ::close(fd);
        diags.error("unreadable-input", {path, "", 0, 0, -1}, "cannot read: " + err);
        return std::nullopt;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(got);
  }
  if (text.size() > limits.max_file_bytes) {
    diags.error("file-too-large", {path, "", 0, 0, -1},
                "the input has more than " + std::to_string(limits.max_file_bytes) + " bytes (raise with --max-file-size)");
    return std::nullopt;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // UTF-8 BOM
  if (!check_text(text, path, diags)) return std::nullopt;
  return text;
}

std::string write_file_atomic(const std::string& path, std::string_view content, bool private_file) {
  namespace fs = std::filesystem;
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0 && errno == ENOENT) {  // the parent folder is missing: create it and try once more
    std::error_code ec;
    const fs::path target(path);
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
    tmp = path + ".tmp-XXXXXX";
    fd = mkstemp(tmp.data());
  }
  if (fd < 0) return "cannot create a temporary file next to " + path + ": " + std::strerror(errno);
  if (fchmod(fd, private_file ? 0600 : 0644) != 0) {
    // keep going: the umask-derived mode of mkstemp (0600) is safe
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return "cannot write " + path + ": " + err;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {  // rename below makes it atomic; no fsync (speed over power-loss)
    ::unlink(tmp.c_str());
    return "cannot write " + path + ": " + std::strerror(errno);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot rename into " + path + ": " + err;
  }
  return "";
}

}  // namespace specconv::io
