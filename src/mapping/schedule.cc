// EventBridge schedule expression -> Kubernetes cron (see schedule.h).
#include "mapping/schedule.h"

#include <cctype>
#include <vector>

namespace specconv::mapping {
namespace {

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// The text inside `name(...)`, or nullopt-like "" with ok false.
bool inside(const std::string& expr, const std::string& name, std::string& body) {
  if (expr.size() < name.size() + 2 || expr.compare(0, name.size() + 1, name + "(") != 0 || expr.back() != ')') return false;
  body = expr.substr(name.size() + 1, expr.size() - name.size() - 2);
  return true;
}

/// EventBridge day of week (1-7, Sunday 1; names) -> Kubernetes (0-6, Sunday 0); a step after `/`
/// stays (the shift is the same for every day, so `*/2` and `2/2` keep their days).
std::string day_of_week(const std::string& f) {
  std::string out, num;
  bool after_slash = false;
  auto flush = [&]() {
    if (!num.empty()) out += std::to_string(std::stoi(num) - 1);
    num.clear();
  };
  for (char c : f) {
    if (c >= '0' && c <= '9' && !after_slash) {
      num += c;
      continue;
    }
    flush();
    if (c == '/') after_slash = true;
    else if (c == ',' || c == '-') after_slash = false;
    out += c;
  }
  flush();
  return out;
}

bool has_any(const std::string& s, const char* chars) { return s.find_first_of(chars) != std::string::npos; }

KubernetesCron from_cron(const std::string& body, const std::string& expr) {
  KubernetesCron out;
  const std::vector<std::string> f = words(upper(body));
  if (f.size() != 6) {
    out.problem = expr + " is not a six-field EventBridge cron (minutes hours day-of-month month day-of-week year)";
    return out;
  }
  for (const std::string& field : f) {
    if (field.find_first_not_of("0123456789*?,-/LW#ABCDEFGHIJKMNOPRSTUVY") != std::string::npos || field.empty()) {
      out.problem = expr + ": \"" + field + "\" is not a cron field";
      return out;
    }
  }
  const std::string &dom = f[2], &dow = f[4];
  if ((dom == "?") == (dow == "?")) {
    out.problem = expr + ": one of day-of-month and day-of-week must be ? (EventBridge rejects this schedule)";
    return out;
  }
  if (dom != "?" && has_any(dom, "LW")) {
    out.problem = expr + ": day-of-month \"" + dom + "\" (L: last day, W: nearest weekday) has no Kubernetes cron form";
    return out;
  }
  if (dow != "?" && has_any(dow, "#L")) {  // no day name holds an L
    out.problem = expr + ": day-of-week \"" + dow + "\" (#: the n-th weekday of the month, L: the last) has no Kubernetes cron form";
    return out;
  }
  if (f[5] != "*") {
    out.problem = expr + ": the year field \"" + f[5] + "\" has no Kubernetes cron form (a CronJob runs every year)";
    return out;
  }
  out.cron = f[0] + " " + f[1] + " " + (dom == "?" ? "*" : dom) + " " + f[3] + " " + (dow == "?" ? "*" : day_of_week(dow));
  return out;
}

KubernetesCron from_rate(const std::string& body, const std::string& expr) {
  KubernetesCron out;
  const std::vector<std::string> w = words(body);
  int64_t n = 0;
  if (w.size() != 2 || w[0].find_first_not_of("0123456789") != std::string::npos || w[0].size() > 9 ||
      (n = std::stoll(w[0])) <= 0) {
    out.problem = expr + " is not rate(VALUE UNIT) with a positive whole VALUE";
    return out;
  }
  std::string unit = w[1];
  if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
  if (unit == "minute" && n % 60 == 0) {
    unit = "hour";
    n /= 60;
  }
  if (unit == "hour" && n % 24 == 0) {
    unit = "day";
    n /= 24;
  }
  const std::string every = std::to_string(n);
  if (unit == "minute" && 60 % n == 0) out.cron = (n == 1 ? "*" : "*/" + every) + " * * * *";
  else if (unit == "hour" && 24 % n == 0) out.cron = "0 " + (n == 1 ? "*" : "*/" + every) + " * * *";
  else if (unit == "day" && n == 1) out.cron = "0 0 * * *";
  if (unit != "minute" && unit != "hour" && unit != "day") {
    out.problem = expr + ": the unit is minute(s), hour(s) or day(s)";
  } else if (out.cron.empty()) {
    out.problem = expr + ": every " + every + " " + unit + "s does not divide the " +
                  (unit == "minute" ? "hour" : unit == "hour" ? "day" : "month") +
                  " evenly, so no five-field cron runs at the same intervals (a */N step restarts every " +
                  (unit == "minute" ? "hour" : unit == "hour" ? "day" : "month") + ")";
  } else {
    out.note = expr + " counts from when the schedule was created; the CronJob runs at " + out.cron +
               " (the same interval, at whole " + (unit == "minute" ? "minutes of the clock" : unit == "hour" ? "hours" : "days, 00:00") + ")";
  }
  return out;
}

}  // namespace

KubernetesCron kubernetes_cron(const std::string& expression) {
  std::string expr = expression;
  while (!expr.empty() && std::isspace(static_cast<unsigned char>(expr.front()))) expr.erase(expr.begin());
  while (!expr.empty() && std::isspace(static_cast<unsigned char>(expr.back()))) expr.pop_back();
  std::string body;
  if (inside(expr, "cron", body)) return from_cron(body, expr);
  if (inside(expr, "rate", body)) return from_rate(body, expr);
  KubernetesCron out;
  if (inside(expr, "at", body)) {
    out.problem = expr + " runs once; a CronJob runs repeatedly (a one-off is not converted: run the Job once with "
                         "`kubectl create job --from=cronjob/NAME` or write a Job)";
  } else {
    out.problem = "\"" + expression + "\" is not an EventBridge schedule expression (cron(...), rate(...) or at(...))";
  }
  return out;
}

}  // namespace specconv::mapping
