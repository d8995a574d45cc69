// Kubernetes CronJob schedules as EventBridge Scheduler expressions. Pure.
#pragma once

#include <string>

namespace specconv::aws {

/// A Kubernetes CronJob schedule (5 fields or @hourly/@daily/...) as an EventBridge Scheduler
/// expression `cron(m h dom mon dow *)`: day of week 0-7 (Sunday 0 or 7) -> 1-7 (Sunday 1), "?"
/// in the day field that is "*". "" with `why` set when it has no EventBridge form.
[[nodiscard]] std::string eventbridge_cron(const std::string& schedule, std::string& why);

}  // namespace specconv::aws
