// Kubernetes securityContext -> docker security options and checks (see security_context.h).
#include "mapping/security_context.h"

namespace specconv::mapping {
namespace {

SecurityFinding warning(std::string code, std::string field, std::string message) {
  return {false, std::move(code), std::move(field), std::move(message)};
}

SecurityFinding error(std::string code, std::string field, std::string message) {
  return {true, std::move(code), std::move(field), std::move(message)};
}

/// A user field names root: uid 0 or the name root, with or without a group.
bool is_root(const std::string& user) {
  const std::string name = user.substr(0, user.find(':'));
  return name == "0" || name == "root";
}

bool is_numeric(const std::string& user) {
  const std::string name = user.substr(0, user.find(':'));
  return !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

SecuritySettings effective_security(const SecuritySettings& pod, const SecuritySettings& container) {
  SecuritySettings s = container;
  if (!s.allow_privilege_escalation) s.allow_privilege_escalation = pod.allow_privilege_escalation;
  if (!s.seccomp) s.seccomp = pod.seccomp;
  if (!s.run_as_non_root) s.run_as_non_root = pod.run_as_non_root;
  return s;
}

SecurityOption no_new_privileges_option(std::optional<bool> allow_privilege_escalation, bool fargate) {
  if (allow_privilege_escalation.value_or(true)) return {};  // Docker's default allows it
  if (fargate) {
    return {"", warning("fargate-security-option", "allowPrivilegeEscalation",
                        "allowPrivilegeEscalation: false is not enforced: Fargate takes no dockerSecurityOptions "
                        "(no-new-privileges); convert with --launch-type EC2 to keep it")};
  }
  return {"no-new-privileges", std::nullopt};
}

SecurityOption seccomp_option(const std::optional<SeccompProfile>& profile, bool fargate) {
  if (!profile) return {};
  const std::string& type = profile->type;
  if (fargate) {
    return {"", warning("fargate-security-option", "seccompProfile",
                        "seccompProfile " + type + " is not applied: Fargate takes no dockerSecurityOptions and "
                        "chooses the seccomp profile itself; convert with --launch-type EC2 to set it")};
  }
  if (type == "RuntimeDefault") return {};  // Docker applies its default profile unless told otherwise
  if (type == "Unconfined") return {"seccomp:unconfined", std::nullopt};
  if (type == "Localhost") {
    return {"", warning("seccomp-profile-not-applied", "seccompProfile",
                        "seccompProfile Localhost \"" + profile->localhost_profile +
                            "\" is not applied: Docker's API takes a seccomp profile's JSON, not a file on the host, "
                            "so ECS cannot name it; the container runs with Docker's default profile")};
  }
  return {"", warning("seccomp-profile-not-applied", "seccompProfile",
                      "seccompProfile type \"" + type + "\" is not RuntimeDefault, Unconfined or Localhost; not applied")};
}

std::optional<SecurityFinding> check_run_as_non_root(std::optional<bool> run_as_non_root, const std::string& user) {
  if (!run_as_non_root.value_or(false)) return std::nullopt;
  if (user.empty()) {
    return warning("non-root-not-enforced", "runAsNonRoot",
                   "runAsNonRoot: true is not enforced: ECS has no such check and no user is set, so the image's USER "
                   "decides; set runAsUser to a non-zero uid to make the task definition's user enforce it");
  }
  if (is_root(user)) {
    return error("non-root-violated", "runAsNonRoot",
                 "runAsNonRoot: true, but the container runs as user " + user +
                     " (root): Kubernetes would refuse to start it; set runAsUser to a non-zero uid");
  }
  if (!is_numeric(user)) {
    return warning("non-root-not-enforced", "runAsNonRoot",
                   "runAsNonRoot: true is not enforced: user \"" + user +
                       "\" is a name, which ECS does not check is not root");
  }
  return std::nullopt;  // a non-zero uid: satisfied
}

ReadBack security_from_docker_options(const std::vector<std::string>& options) {
  ReadBack out;
  for (const std::string& o : options) {
    if (o == "no-new-privileges" || o == "no-new-privileges:true" || o == "no-new-privileges=true") {
      out.settings.allow_privilege_escalation = false;
    } else if (o == "seccomp:unconfined" || o == "seccomp=unconfined") {
      out.settings.seccomp = SeccompProfile{"Unconfined", ""};
    } else {
      out.others.push_back(o);
    }
  }
  return out;
}

}  // namespace specconv::mapping
