// EventBridge schedule expressions (EventBridge rules and EventBridge Scheduler: `cron(...)` with six
// fields, `rate(...)`, `at(...)`) as Kubernetes CronJob schedules (five-field cron), only where the
// five fields run at exactly the same times; otherwise the reason. The inverse of
// aws::eventbridge_cron (src/aws/cron.h): for every cron this accepts, that gives it back
// (schedule_test.cc checks both ways). Pure.
#pragma once

#include <string>

namespace specconv::mapping {

struct KubernetesCron {
  std::string cron;     // five fields; "" when the expression has no exact Kubernetes form
  std::string problem;  // why not (cron is "")
  std::string note;     // what else the reader should know (a rate counted from the clock, not from creation)
};

/// `cron(m h dom mon dow year)`: day of week 1-7 (Sunday 1) -> 0-6 (Sunday 0), `?` -> `*`; `L`, `W`,
/// `#` and a year other than `*` have no five-field form. `rate(N minutes|hours|days)`: `*/N` of
/// the unit when N divides the next unit evenly (minutes 60, hours 24), `N days` only for 1 day.
/// `at(...)` (one run) has no CronJob form.
[[nodiscard]] KubernetesCron kubernetes_cron(const std::string& expression);

}  // namespace specconv::mapping
