// Secret reference naming rule (see docs/mappings.md#secrets).
//   SSM parameter  /app/db/password            -> Secret "ssm-app-db-password", key "value"
//   Secrets Manager NAME (ARN or name)          -> Secret "sm-<name>", key "value"
//   Secrets Manager ARN with :JSONKEY::         -> Secret "sm-<name>", key JSONKEY
#include "mapping/secrets.h"

#include <vector>

#include "mapping/names.h"

namespace specconv::mapping {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string key_name(std::string_view key) {
  // Secret data keys: [-._a-zA-Z0-9]+
  std::string out;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    out += ok ? c : '_';
  }
  return out.empty() ? "value" : out;
}

}  // namespace

SecretTarget secret_target(std::string_view value_from) {
  SecretTarget t;
  std::string name;
  if (value_from.rfind("arn:", 0) == 0) {
    const std::vector<std::string> parts = split(value_from, ':');
    // arn : partition : service : region : account : resource...
    const std::string service = parts.size() > 2 ? parts[2] : "";
    if (service == "secretsmanager" && parts.size() >= 7) {
      t.secrets_manager = true;
      name = parts[6];
      std::string arn;
      for (std::size_t i = 0; i < 7; ++i) arn += (i ? ":" : "") + parts[i];
      t.remote_key = arn;
      if (parts.size() > 7) t.json_key = parts[7];
      if (parts.size() > 8) t.version_stage = parts[8];
      if (parts.size() > 9) t.version_id = parts[9];
    } else {
      // ssm: resource is "parameter/NAME..." (the name may itself contain ':' only in ARNs of
      // other services; keep everything after "parameter").
      const auto pos = value_from.find(":parameter");
      if (pos != std::string_view::npos) {
        std::string_view rest = value_from.substr(pos + 10);
        name = std::string(rest);
        t.remote_key = std::string(rest.empty() || rest[0] != '/' ? "/" : "") + std::string(rest);
        if (!rest.empty() && rest[0] == '/') name = std::string(rest.substr(1));
        // an ARN for a top-level parameter "name" has resource "parameter/name"; the name is "name"
        if (!rest.empty() && rest[0] == '/' && rest.find('/', 1) == std::string_view::npos) {
          t.remote_key = std::string(rest.substr(1));
        }
      } else {
        name = std::string(value_from);
        t.remote_key = name;
      }
    }
  } else {
    name = std::string(value_from);
    t.remote_key = name;
    if (!name.empty() && name[0] == '/') name = name.substr(1);
  }
  const std::string prefix = t.secrets_manager ? "sm-" : "ssm-";
  std::string flat;
  for (char c : name) flat += (c == '/' ? '-' : c);
  t.secret_name = to_k8s_name(prefix + flat, NameKind::kRfc1123Subdomain).name;
  t.secret_key = t.json_key.empty() ? "value" : key_name(t.json_key);
  return t;
}

}  // namespace specconv::mapping
