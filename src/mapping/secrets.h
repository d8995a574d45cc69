// The naming rule that ties an ECS secret reference (SSM parameter or Secrets Manager secret)
// to a Kubernetes Secret name and key, and back. Deterministic: the same reference always
// gives the same Secret, in every file and every run. Pure; standard library only.
#pragma once

#include <string>
#include <string_view>

namespace specconv::mapping {

struct SecretTarget {
  bool secrets_manager = false;
  std::string remote_key;     // what to fetch: parameter name or secret name/ARN (no JSON key)
  std::string json_key;       // Secrets Manager JSON key, or ""
  std::string version_stage;  // Secrets Manager version stage, or ""
  std::string version_id;     // Secrets Manager version id, or ""
  std::string secret_name;    // Kubernetes Secret name (RFC 1123 subdomain)
  std::string secret_key;     // key in that Secret
};

/// `/app/db/password`, `arn:aws:ssm:REGION:ACCT:parameter/app/db/password`,
/// `arn:aws:secretsmanager:REGION:ACCT:secret:NAME[-abcdef][:JSONKEY:STAGE:VERSION]`, or a
/// plain Secrets Manager name.
[[nodiscard]] SecretTarget secret_target(std::string_view value_from);

}  // namespace specconv::mapping
