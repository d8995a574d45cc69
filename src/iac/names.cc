// Readable names for resources of a template (CDK's logical IDs and families shortened).
#include <cctype>
#include <vector>

#include "iac/physical.h"

namespace specconv::iac {
namespace {

bool cdk_hash_at_end(const std::string& s) {
  if (s.size() <= 8) return false;
  for (std::size_t i = s.size() - 8; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

std::string alnum(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out += c;
  }
  return out;
}

/// "Stack/Web/Service/Resource" -> "Web-Service"; "" when the resource has no construct path.
std::string construct_path_name(const io::Node& resource) {
  const io::Node* meta = resource.find("Metadata");
  const io::Node* path = meta != nullptr && meta->is_object() ? meta->find("aws:cdk:path") : nullptr;
  if (path == nullptr || !path->is_string()) return "";
  std::vector<std::string> parts;
  std::size_t start = 0;
  const std::string& p = path->text();
  while (start <= p.size()) {
    const std::size_t slash = std::min(p.find('/', start), p.size());
    parts.push_back(p.substr(start, slash - start));
    start = slash + 1;
  }
  std::string out;
  std::string last;
  for (std::size_t i = 1; i < parts.size(); ++i) {  // parts[0] is the stack
    if (parts[i].empty() || parts[i] == "Resource" || parts[i] == "Default" || parts[i] == last) continue;
    out += (out.empty() ? "" : "-") + parts[i];
    last = parts[i];
  }
  return out;
}

}  // namespace

std::string without_cdk_hash(const std::string& id) { return cdk_hash_at_end(id) ? id.substr(0, id.size() - 8) : id; }

std::string readable_name(Evaluator& ev, const std::string& id, std::string_view name_key) {
  if (!name_key.empty()) {
    if (std::string given = ev.property_text(id, name_key); !given.empty()) return given;
  }
  if (const io::Node* r = ev.resource(id)) {
    if (std::string path = construct_path_name(*r); !path.empty()) return path;
  }
  return without_cdk_hash(id);
}

std::string task_family(Evaluator& ev, const std::string& id) {
  std::string family = ev.property_text(id, "Family");
  if (family.empty()) return readable_name(ev, id, "");
  if (!cdk_hash_at_end(id) || !cdk_hash_at_end(family)) return family;
  family.resize(family.size() - 8);  // CDK's <stack name, letters and digits><construct path><hash>
  const std::string stack = alnum(ev.settings().stack_name);
  if (!stack.empty() && family.size() > stack.size() && family.rfind(stack, 0) == 0) family.erase(0, stack.size());
  return family;
}

}  // namespace specconv::iac
