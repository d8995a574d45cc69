// dockerSecurityOptions and the runAsNonRoot check (see security_options.h).
#include "ecs/security_options.h"

#include <algorithm>

namespace specconv::ecs {

void SecurityNotes::add(const mapping::SecurityFinding& f, const SourceLocation& where, const std::string& container) {
  for (Entry& e : entries_) {
    if (e.finding.code == f.code && e.where == where) {
      e.containers.push_back(container);
      return;
    }
  }
  entries_.push_back({f, where, {container}});
}

void SecurityNotes::report(Diagnostics& diags) const {
  for (const Entry& e : entries_) {
    std::string who = e.containers.size() == 1 ? "container " : "containers ";
    for (std::size_t i = 0; i < e.containers.size(); ++i) who += (i > 0 ? ", \"" : "\"") + e.containers[i] + "\"";
    const std::string message = who + ": " + e.finding.message;
    if (e.finding.error) diags.error(e.finding.code, e.where, message);
    else diags.warning(e.finding.code, e.where, message);
  }
}

std::optional<io::Node> docker_security_options(const model::Container& c, const io::Node* kept, bool fargate,
                                                SecurityNotes& notes) {
  std::vector<std::string> options;
  if (!fargate && kept != nullptr && kept->is_array()) {  // Fargate takes none
    std::vector<std::string> carried;
    for (const io::Node& n : kept->items()) {
      if (n.is_string()) carried.push_back(n.text());
    }
    options = mapping::security_from_docker_options(carried).others;  // securityContext says the rest
  }
  const mapping::SecurityOption nnp = mapping::no_new_privileges_option(c.allow_privilege_escalation, fargate);
  if (nnp.finding) notes.add(*nnp.finding, c.allow_privilege_escalation_at, c.name);
  if (!nnp.option.empty()) options.push_back(nnp.option);
  if (!c.seccomp_type.empty()) {
    const mapping::SecurityOption sec =
        mapping::seccomp_option(mapping::SeccompProfile{c.seccomp_type, c.seccomp_localhost_profile}, fargate);
    if (sec.finding) notes.add(*sec.finding, c.seccomp_at, c.name);
    if (!sec.option.empty()) options.push_back(sec.option);
  }
  if (options.empty()) return std::nullopt;
  return io::Node::strings(options);
}

void check_non_root(const model::Container& c, const std::string& user, SecurityNotes& notes) {
  if (auto f = mapping::check_run_as_non_root(c.run_as_non_root, user)) notes.add(*f, c.run_as_non_root_at, c.name);
}

}  // namespace specconv::ecs
