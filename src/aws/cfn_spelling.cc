// camelCase API keys -> CloudFormation property names (see cfn_spelling.h).
#include "aws/cfn_spelling.h"

#include <cctype>
#include <string>

namespace specconv::aws {
namespace {

using io::Node;

/// CloudFormation's exceptions to "first letter upper case". `parent` is the API key of the
/// enclosing object ("" = any).
struct Respelling {
  const char* parent;
  const char* api;
  const char* cfn;
};
constexpr Respelling kRespellings[] = {
    {"", "efsVolumeConfiguration", "EFSVolumeConfiguration"},
    {"", "fsxWindowsFileServerVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration"},
    {"efsVolumeConfiguration", "fileSystemId", "FilesystemId"},
    {"", "iam", "IAM"},
    {"proxyConfiguration", "properties", "ProxyConfigurationProperties"},
    {"", "placementStrategy", "PlacementStrategies"},
};

std::string cfn_key(const std::string& k, const std::string& parent) {
  for (const Respelling& r : kRespellings) {
    if (k == r.api && (r.parent[0] == '\0' || parent == r.parent)) return r.cfn;
  }
  std::string out = k;
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

/// Maps whose keys are the user's (Docker labels, log driver options, volume driver options).
bool free_map(const std::string& key) {
  return key == "dockerLabels" || key == "options" || key == "driverOpts" || key == "labels";
}

Node convert_keys(const Node& n, const std::string& parent) {
  if (n.is_array()) {
    Node a = Node::array();
    for (const Node& x : n.items()) a.push(convert_keys(x, parent));
    return a;
  }
  if (!n.is_object()) return n;
  Node o = Node::object();
  for (const auto& [k, v] : n.members()) {
    if (free_map(parent)) o.set(k, v);
    else o.set(cfn_key(k, parent), convert_keys(v, k));
  }
  return o;
}

}  // namespace

Node to_cfn_properties(const Node& api_input) { return convert_keys(api_input, ""); }

}  // namespace specconv::aws
