// RFC 6901 reference-token escaping (see pointer.h).
#include "io/pointer.h"

namespace specconv::io {
namespace {

void append_escaped(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

}  // namespace

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  append_escaped(out, token);
  return out;
}

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  append_escaped(pointer, token);
}

std::string unescape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

}  // namespace specconv::io
