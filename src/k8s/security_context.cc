// securityContext settings for ECS (see security_context.h).
#include "k8s/security_context.h"

#include <span>
#include <string>

#include "mapping/k8s_field_table.h"
#include "mapping/security_context.h"

namespace specconv::k8s {
namespace {

/// Security settings with no ECS counterpart: carried for the way back, enforced by nothing.
void warn_not_enforced(io::Cursor& sc, bool pod) {
  static const char* const kPod[] = {"seLinuxOptions", "seLinuxChangePolicy", "supplementalGroups",
                                     "supplementalGroupsPolicy", "appArmorProfile", "windowsOptions"};
  static const char* const kContainer[] = {"seLinuxOptions", "appArmorProfile", "windowsOptions", "procMount"};
  for (const char* key : pod ? std::span<const char* const>(kPod) : std::span<const char* const>(kContainer)) {
    if (!sc.has(key)) continue;
    if (std::string_view(key) == "procMount" && sc.node().find(key)->is_string() && sc.node().find(key)->text() == "Default") continue;
    sc.warning(key, "security-not-enforced",
               std::string(key) + " has no ECS counterpart and is not enforced on ECS (kept for the way back to Kubernetes)");
  }
}

mapping::SecuritySettings settings_of(const SecurityRead& r) {
  mapping::SecuritySettings s;
  s.allow_privilege_escalation = r.allow_privilege_escalation;
  if (!r.seccomp_type.empty()) s.seccomp = mapping::SeccompProfile{r.seccomp_type, r.seccomp_localhost_profile};
  s.run_as_non_root = r.run_as_non_root;
  return s;
}

}  // namespace

SecurityRead read_security_context(io::Cursor& sc, bool pod) {
  SecurityRead r;
  if (!pod && sc.has("allowPrivilegeEscalation")) {
    r.allow_privilege_escalation = sc.boolean("allowPrivilegeEscalation");
    r.allow_privilege_escalation_at = sc.where("allowPrivilegeEscalation");
  }
  if (sc.has("runAsNonRoot")) {
    r.run_as_non_root = sc.boolean("runAsNonRoot");
    r.run_as_non_root_at = sc.where("runAsNonRoot");
  }
  if (auto p = sc.object("seccompProfile")) {
    r.seccomp_type = p->string("type").value_or("");
    r.seccomp_localhost_profile = p->string("localhostProfile").value_or("");
    r.seccomp_at = sc.where("seccompProfile");
    if (r.seccomp_type.empty()) p->error("type", "missing-field", "seccompProfile has no type");
    p->finish(mapping::k8s_keys("SeccompProfile"), Severity::kWarning);
  }
  warn_not_enforced(sc, pod);
  return r;
}

void apply_security(const SecurityRead& pod, const SecurityRead& container, model::Container& ctr) {
  const mapping::SecuritySettings s = mapping::effective_security(settings_of(pod), settings_of(container));
  ctr.allow_privilege_escalation = s.allow_privilege_escalation;
  ctr.allow_privilege_escalation_at = container.allow_privilege_escalation_at;
  if (s.seccomp) {
    ctr.seccomp_type = s.seccomp->type;
    ctr.seccomp_localhost_profile = s.seccomp->localhost_profile;
    ctr.seccomp_at = container.seccomp_type.empty() ? pod.seccomp_at : container.seccomp_at;
  }
  ctr.run_as_non_root = s.run_as_non_root;
  if (s.run_as_non_root) ctr.run_as_non_root_at = container.run_as_non_root ? container.run_as_non_root_at : pod.run_as_non_root_at;
}

}  // namespace specconv::k8s
