// Logical names and ELB names (see names.h).
#include "aws/names.h"

#include <cctype>

namespace specconv::aws {

std::string logical_id(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])) != 0) out = "R" + out;
  return out;
}

std::string elb_name(const std::string& ns, const std::string& name) {
  std::string base = (ns == "default" ? "" : ns + "-") + name;
  std::string out;
  for (char c : base) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
  if (out.size() > 32) out = out.substr(0, 32);
  while (!out.empty() && out.back() == '-') out.pop_back();
  while (!out.empty() && out.front() == '-') out.erase(out.begin());
  if (out.rfind("internal-", 0) == 0) out = "i" + out;
  return out.empty() ? "lb" : out;
}

}  // namespace specconv::aws
