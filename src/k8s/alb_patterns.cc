// See alb_patterns.h.
#include "k8s/alb_patterns.h"

namespace specconv::k8s {

std::pair<std::string, std::string> alb_path(const std::string& pattern, bool* approximate) {
  *approximate = false;
  if (pattern == "*" || pattern == "/*" || pattern == "/") return {"/", "Prefix"};
  const auto star = pattern.find_first_of("*?");
  if (star == std::string::npos) return {pattern, "Exact"};
  if (star == pattern.size() - 1 && pattern.size() >= 2 && pattern[star - 1] == '/') {
    return {pattern.substr(0, star - 1), "Prefix"};
  }
  *approximate = true;
  std::string prefix = pattern.substr(0, star);
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  if (prefix.empty()) prefix = "/";
  return {prefix, "Prefix"};
}

bool has_wildcard(const std::string& pattern) { return pattern.find_first_of("*?") != std::string::npos; }

std::string alb_value_regex(const std::string& pattern) {
  std::string out = "^";
  for (char c : pattern) {
    if (c == '*') out += ".*";
    else if (c == '?') out += '.';
    else if (std::string_view("\\^$.|+()[]{}").find(c) != std::string_view::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out + "$";
}

}  // namespace specconv::k8s
