// Reading the securityContext settings ECS writes as docker security options or can only check
// (allowPrivilegeEscalation, seccompProfile, runAsNonRoot), and warning about the ones ECS has
// nothing for (security-not-enforced). The mapping itself is mapping/security_context.h.
#pragma once

#include "io/cursor.h"
#include "specconv/model/container.h"

namespace specconv::k8s {

/// The settings of one securityContext (a pod's when `pod`), each with where it was written.
struct SecurityRead {
  std::optional<bool> allow_privilege_escalation;
  std::string seccomp_type;
  std::string seccomp_localhost_profile;
  std::optional<bool> run_as_non_root;
  SourceLocation allow_privilege_escalation_at, seccomp_at, run_as_non_root_at;
};

/// Reads the settings from `sc` and warns once per field present that ECS does not enforce
/// (seLinuxOptions, appArmorProfile, procMount other than Default, ...).
[[nodiscard]] SecurityRead read_security_context(io::Cursor& sc, bool pod);

/// Gives `ctr` the container's settings, the pod's filling in what the container does not set.
void apply_security(const SecurityRead& pod, const SecurityRead& container, model::Container& ctr);

}  // namespace specconv::k8s
