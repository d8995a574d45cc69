// CronJob schedule -> EventBridge Scheduler expression (see cron.h).
#include "aws/cron.h"

#include <cctype>
#include <vector>

namespace specconv::aws {

std::string eventbridge_cron(const std::string& schedule, std::string& why) {
  std::string s = schedule;
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s == "@yearly" || s == "@annually") s = "0 0 1 1 *";
  else if (s == "@monthly") s = "0 0 1 * *";
  else if (s == "@weekly") s = "0 0 * * 0";
  else if (s == "@daily" || s == "@midnight") s = "0 0 * * *";
  else if (s == "@hourly") s = "0 * * * *";
  std::vector<std::string> f;
  std::string cur;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) f.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (f.size() != 5) {
    why = "\"" + schedule + "\" is not a five-field cron expression";
    return "";
  }
  if (f[0].rfind("TZ=", 0) == 0 || f[0].rfind("CRON_TZ=", 0) == 0) {
    why = "a time zone inside the schedule is not converted";
    return "";
  }
  // Day of week: numbers move from 0-7 (Sunday 0 and 7) to 1-7 (Sunday 1); names stay.
  std::string dow;
  std::string num;
  auto flush = [&]() {
    if (num.empty()) return;
    const int v = std::stoi(num);
    dow += std::to_string(v == 7 ? 1 : v + 1);
    num.clear();
  };
  bool after_slash = false;
  for (char c : f[4]) {
    if (c >= '0' && c <= '9' && !after_slash) {
      num += c;
      continue;
    }
    flush();
    if (c == '/') after_slash = true;
    else if (c == ',' || c == '-') after_slash = false;
    dow += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  flush();
  std::string dom = f[2];
  if (dom != "*" && dow != "*") {
    why = "day of month and day of week are both set (Kubernetes runs on either); EventBridge needs one of them to be ?";
    return "";
  }
  if (dow == "*") dow = "?";
  else dom = "?";
  return "cron(" + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow + " *)";
}

}  // namespace specconv::aws
