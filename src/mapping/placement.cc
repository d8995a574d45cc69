// Parser for the memberOf subset described in placement.h.
#include "mapping/placement.h"

#include <cctype>

namespace specconv::mapping {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

/// Splits on the word `and` (case-insensitive) outside brackets.
std::vector<std::string> split_and(std::string_view s, bool* has_or) {
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') --depth;
    auto word_at = [&](std::string_view w) {
      if (i + w.size() > s.size()) return false;
      for (std::size_t k = 0; k < w.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k]) return false;
      }
      const bool before = i == 0 || std::isspace(static_cast<unsigned char>(s[i - 1]));
      const bool after = i + w.size() == s.size() || std::isspace(static_cast<unsigned char>(s[i + w.size()]));
      return before && after;
    };
    if (depth == 0 && word_at("or")) *has_or = true;
    if (depth == 0 && word_at("and")) {
      parts.push_back(trim(cur));
      cur.clear();
      i += 2;
      continue;
    }
    cur += c;
  }
  parts.push_back(trim(cur));
  return parts;
}

std::string map_value(const std::string& label, std::string v) {
  if (label == "kubernetes.io/arch") {
    if (v == "x86_64") return "amd64";
    if (v == "arm64" || v == "aarch64") return "arm64";
  }
  if (label == "kubernetes.io/os") {
    for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return v;
}

}  // namespace

std::string node_label_for(std::string_view a) {
  if (a == "ecs.instance-type") return "node.kubernetes.io/instance-type";
  if (a == "ecs.availability-zone") return "topology.kubernetes.io/zone";
  if (a == "ecs.os-type") return "kubernetes.io/os";
  if (a == "ecs.cpu-architecture") return "kubernetes.io/arch";
  return std::string(a);
}

PlacementParse parse_member_of(std::string_view expression) {
  PlacementParse out;
  bool has_or = false;
  const std::vector<std::string> terms = split_and(expression, &has_or);
  if (has_or) {
    out.error = "expressions with `or` are not translated";
    return out;
  }
  for (const std::string& term : terms) {
    if (term.rfind("attribute:", 0) != 0) {
      out.error = "only attribute:NAME comparisons are translated (found \"" + term + "\")";
      return out;
    }
    std::size_t i = 10;
    std::size_t name_end = term.find_first_of(" \t=!", i);
    if (name_end == std::string::npos) {
      out.error = "incomplete comparison \"" + term + "\"";
      return out;
    }
    const std::string attribute = term.substr(i, name_end - i);
    std::string rest = trim(std::string_view(term).substr(name_end));
    NodeRequirement req;
    req.key = node_label_for(attribute);
    std::string values;
    if (rest.rfind("==", 0) == 0) {
      values = trim(rest.substr(2));
    } else if (rest.rfind("!=", 0) == 0) {
      req.negate = true;
      values = trim(rest.substr(2));
    } else if (rest.rfind("not_in", 0) == 0) {
      req.negate = true;
      values = trim(rest.substr(6));
    } else if (rest.rfind("in", 0) == 0) {
      values = trim(rest.substr(2));
    } else {
      out.error = "operator in \"" + term + "\" is not translated (only ==, !=, in, not_in)";
      return out;
    }
    if (!values.empty() && values.front() == '[') {
      if (values.back() != ']') {
        out.error = "unterminated list in \"" + term + "\"";
        return out;
      }
      std::string cur;
      for (char c : values.substr(1, values.size() - 2)) {
        if (c == ',') {
          req.values.push_back(map_value(req.key, trim(cur)));
          cur.clear();
        } else {
          cur += c;
        }
      }
      if (!trim(cur).empty()) req.values.push_back(map_value(req.key, trim(cur)));
    } else if (!values.empty()) {
      req.values.push_back(map_value(req.key, values));
    }
    for (const auto& v : req.values) {
      if (v.find_first_of("*?") != std::string::npos || v.empty()) {
        out.error = "wildcards in \"" + term + "\" are not translated";
        return out;
      }
    }
    if (req.values.empty()) {
      out.error = "no value in \"" + term + "\"";
      return out;
    }
    out.requirements.push_back(std::move(req));
  }
  return out;
}

}  // namespace specconv::mapping
