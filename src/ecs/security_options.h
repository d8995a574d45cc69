// Kubernetes -> ECS: a container's dockerSecurityOptions from allowPrivilegeEscalation and
// seccompProfile, and the runAsNonRoot check against its user (rules in
// mapping/security_context.h). What ECS cannot express is reported once per field occurrence:
// a pod-level value shared by several containers gives one diagnostic naming them all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/tree.h"
#include "mapping/security_context.h"
#include "specconv/diagnostics.h"
#include "specconv/model/container.h"

namespace specconv::ecs {

/// Findings of one task, merged by code and location.
class SecurityNotes {
 public:
  void add(const mapping::SecurityFinding& f, const SourceLocation& where, const std::string& container);
  void report(Diagnostics& diags) const;

 private:
  struct Entry {
    mapping::SecurityFinding finding;
    SourceLocation where;
    std::vector<std::string> containers;
  };
  std::vector<Entry> entries_;
};

/// The container's dockerSecurityOptions: the ones `kept` (an ECS input's, carried) holds that
/// securityContext does not express, then what securityContext asks for; nullopt when none.
[[nodiscard]] std::optional<io::Node> docker_security_options(const model::Container& c, const io::Node* kept, bool fargate,
                                                             SecurityNotes& notes);

/// runAsNonRoot against `user`, the container definition's user as written ("" when none).
void check_non_root(const model::Container& c, const std::string& user, SecurityNotes& notes);

}  // namespace specconv::ecs
