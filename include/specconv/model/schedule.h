// Model: when a scheduled workload runs (an ECS scheduled task; a Kubernetes CronJob).
// Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace specconv::model {

struct Schedule {
  std::string name;          // the schedule's own name, when the workload must be told apart from
                             // another one of the same task definition ("" otherwise)
  std::string cron;          // five-field cron (minute hour day-of-month month day-of-week)
  std::string time_zone;     // IANA time zone the cron is read in ("UTC" when the source says UTC)
  bool suspended = false;    // ECS State DISABLED; Kubernetes suspend: true
  int64_t task_count = 1;    // tasks started per run: ECS TaskCount; Kubernetes Job parallelism/completions
  std::string expression;    // as written by the source (cron(...), rate(...)), for messages
  // Provenance, for diagnostics: where the schedule was read from.
  std::string source_file;
  std::string source_pointer;
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

}  // namespace specconv::model
