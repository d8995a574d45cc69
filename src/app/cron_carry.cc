// Carried CronJob + the CronJob made from its ECS schedule (see cron_carry.h).
#include "app/cron_carry.h"

#include <initializer_list>
#include <string>

#include "aws/cron.h"
#include "mapping/schedule.h"

namespace specconv::app {
namespace {

using io::Node;

const Node* member(const Node* n, const char* key) { return n != nullptr && n->is_object() ? n->find(key) : nullptr; }
std::string text(const Node* n) { return n != nullptr && n->is_string() ? n->text() : std::string(); }

void erase(Node& obj, const char* key) {
  auto& m = obj.members();
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->first == key) {
      m.erase(it);
      return;
    }
  }
}

/// The schedule to-ecs writes for `schedule`, read back: what an unchanged schedule comes back as.
std::string through_ecs(const std::string& schedule) {
  std::string why;
  const std::string expr = aws::eventbridge_cron(schedule, why);
  return expr.empty() ? std::string() : mapping::kubernetes_cron(expr).cron;
}

/// Job parallelism/completions from TaskCount: kept as written unless the schedule runs more tasks.
void restore_job_counts(const Node& emitted, Node& spec) {
  const Node* ejob = member(member(member(&emitted, "spec"), "jobTemplate"), "spec");
  Node* jt = spec.find("jobTemplate");
  Node* job = jt != nullptr && jt->is_object() ? jt->find("spec") : nullptr;
  if (ejob == nullptr || job == nullptr || !job->is_object()) return;
  for (const char* key : {"parallelism", "completions"}) {
    if (const Node* v = ejob->find(key); v != nullptr && v->is_int() && v->as_int() > 1) job->set(key, *v);
  }
}

}  // namespace

/// The member at `path` of `n` (objects only), or nullptr.
template <typename N>
N* path_of(N& n, std::initializer_list<const char*> path) {
  N* at = &n;
  for (const char* key : path) {
    at = at->is_object() ? at->find(key) : nullptr;
    if (at == nullptr) return nullptr;
  }
  return at;
}

/// The pod template's restartPolicy as written (the emitted one is always Never).
void restore_restart_policy(const Node& original, Node& restored) {
  const Node* written = path_of(original, {"spec", "jobTemplate", "spec", "template", "spec", "restartPolicy"});
  Node* pod = path_of(restored, {"spec", "jobTemplate", "spec", "template", "spec"});
  if (written != nullptr && pod != nullptr && pod->is_object()) pod->set("restartPolicy", *written);
}

void restore_cron_job_schedule(const Node& emitted, const Node& original, Node& restored) {
  restore_restart_policy(original, restored);
  const Node* espec = member(&emitted, "spec");
  Node* spec = restored.find("spec");
  if (espec == nullptr || spec == nullptr || !spec->is_object()) return;
  const std::string schedule = text(espec->find("schedule"));
  const std::string written_schedule = text(spec->find("schedule"));
  if (!schedule.empty() && through_ecs(written_schedule) != schedule) spec->set("schedule", *espec->find("schedule"));
  // to-ecs writes UTC for a CronJob without a time zone.
  const std::string zone = text(espec->find("timeZone"));
  const Node* written = spec->find("timeZone");
  if (!zone.empty() && !(written == nullptr && zone == "UTC")) spec->set("timeZone", *espec->find("timeZone"));
  if (const Node* s = espec->find("suspend"); s != nullptr && s->is_bool() && s->as_bool()) spec->set("suspend", *s);
  else if (const Node* o = spec->find("suspend"); o != nullptr && o->is_bool() && o->as_bool()) erase(*spec, "suspend");
  restore_job_counts(emitted, *spec);
}

}  // namespace specconv::app
