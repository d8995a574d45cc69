// Kubernetes securityContext settings that ECS expresses as docker security options or can only
// check: allowPrivilegeEscalation, seccompProfile and runAsNonRoot. Pure; standard library only.
//
//   allowPrivilegeEscalation: false -> dockerSecurityOptions "no-new-privileges" (EC2)
//   seccompProfile RuntimeDefault   -> nothing: Docker applies its default profile (EC2)
//   seccompProfile Unconfined       -> "seccomp:unconfined" (EC2)
//   seccompProfile Localhost        -> "seccomp:<localhostProfile>"; the file must be on the host
//   runAsNonRoot: true              -> checked against the container definition's user
// Fargate takes no dockerSecurityOptions: there the first three are reported, not written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace specconv::mapping {

struct SeccompProfile {
  std::string type;               // RuntimeDefault, Unconfined, Localhost (as written)
  std::string localhost_profile;  // with Localhost
  friend bool operator==(const SeccompProfile&, const SeccompProfile&) = default;
};

/// The settings of one securityContext (a pod's or a container's), as written.
struct SecuritySettings {
  std::optional<bool> allow_privilege_escalation;  // containers only in Kubernetes
  std::optional<SeccompProfile> seccomp;
  std::optional<bool> run_as_non_root;
  friend bool operator==(const SecuritySettings&, const SecuritySettings&) = default;
};

/// The container's settings with the pod's filling in what the container does not set, as
/// Kubernetes applies them.
[[nodiscard]] SecuritySettings effective_security(const SecuritySettings& pod, const SecuritySettings& container);

/// Something to tell the user about one setting. `field` is the Kubernetes key it is about.
struct SecurityFinding {
  bool error = false;
  std::string code;
  std::string field;
  std::string message;
  friend bool operator==(const SecurityFinding&, const SecurityFinding&) = default;
};

/// The docker security option allowPrivilegeEscalation asks for ("" for none), or a finding.
struct SecurityOption {
  std::string option;
  std::optional<SecurityFinding> finding;
};
[[nodiscard]] SecurityOption no_new_privileges_option(std::optional<bool> allow_privilege_escalation, bool fargate);
[[nodiscard]] SecurityOption seccomp_option(const std::optional<SeccompProfile>& profile, bool fargate);

/// runAsNonRoot against the container definition's `user` as it will be written ("" when none:
/// the image's USER decides). nullopt when satisfied or not asked for.
[[nodiscard]] std::optional<SecurityFinding> check_run_as_non_root(std::optional<bool> run_as_non_root, const std::string& user);

/// The settings a list of dockerSecurityOptions expresses (the way back to Kubernetes), and the
/// options it does not (kept as they are).
struct ReadBack {
  SecuritySettings settings;
  std::vector<std::string> others;
};
[[nodiscard]] ReadBack security_from_docker_options(const std::vector<std::string>& options);

}  // namespace specconv::mapping
