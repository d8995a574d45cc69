// Tests for mapping/schedule: EventBridge expressions as Kubernetes cron, what has no exact form,
// and agreement with the inverse, aws::eventbridge_cron (to-ecs --format cfn writes it).
#include "mapping/schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "aws/cron.h"

namespace specconv::mapping {
namespace {

using ::testing::HasSubstr;

TEST(ScheduleCron, SixFieldCronLosesTheYearAndShiftsTheDayOfWeek) {
  EXPECT_EQ(kubernetes_cron("cron(00 11 ? * * *)").cron, "00 11 * * *");
  EXPECT_EQ(kubernetes_cron("cron(0 12 * * ? *)").cron, "0 12 * * *");
  EXPECT_EQ(kubernetes_cron("cron(15 10 ? * 2-6 *)").cron, "15 10 * * 1-5");   // Monday-Friday
  EXPECT_EQ(kubernetes_cron("cron(0 8 ? * 1,7 *)").cron, "0 8 * * 0,6");       // Sunday, Saturday
  EXPECT_EQ(kubernetes_cron("cron(0 8 ? * mon-fri *)").cron, "0 8 * * MON-FRI");
  EXPECT_EQ(kubernetes_cron("cron(0/15 * 1 JAN,JUL ? *)").cron, "0/15 * 1 JAN,JUL *");
  EXPECT_EQ(kubernetes_cron("cron(0 0 ? * 2/2 *)").cron, "0 0 * * 1/2");        // Mon, Wed, Fri both ways
  EXPECT_EQ(kubernetes_cron("  cron(5 4 ? * 1 *) ").cron, "5 4 * * 0");
}

TEST(ScheduleCron, WhatFiveFieldsCannotSayIsAProblemNotAnotherSchedule) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"cron(0 10 L * ? *)", "L: last day"},
      {"cron(0 10 15W * ? *)", "W: nearest weekday"},
      {"cron(0 10 ? * 6#3 *)", "n-th weekday"},
      {"cron(0 10 ? * 6L *)", "L: the last"},
      {"cron(0 10 * * ? 2027)", "year field"},
      {"cron(0 10 * * * *)", "one of day-of-month and day-of-week must be ?"},
      {"cron(0 10 * *)", "six-field"},
      {"rate(7 minutes)", "does not divide the hour"},
      {"rate(5 hours)", "does not divide the day"},
      {"rate(2 days)", "does not divide the month"},
      {"rate(0 minutes)", "positive whole VALUE"},
      {"rate(3 weeks)", "minute(s), hour(s) or day(s)"},
      {"at(2026-12-24T18:00:00)", "runs once"},
      {"every day", "not an EventBridge schedule expression"},
  };
  for (const auto& [expr, why] : cases) {
    const KubernetesCron k = kubernetes_cron(expr);
    EXPECT_EQ(k.cron, "") << expr;
    EXPECT_THAT(k.problem, HasSubstr(why)) << expr;
  }
}

TEST(ScheduleCron, RatesThatDivideTheirUnitBecomeClockAlignedSteps) {
  EXPECT_EQ(kubernetes_cron("rate(1 minute)").cron, "* * * * *");
  EXPECT_EQ(kubernetes_cron("rate(2 minutes)").cron, "*/2 * * * *");
  EXPECT_EQ(kubernetes_cron("rate(15 minutes)").cron, "*/15 * * * *");
  EXPECT_EQ(kubernetes_cron("rate(120 minutes)").cron, "0 */2 * * *");
  EXPECT_EQ(kubernetes_cron("rate(1 hour)").cron, "0 * * * *");
  EXPECT_EQ(kubernetes_cron("rate(6 hours)").cron, "0 */6 * * *");
  EXPECT_EQ(kubernetes_cron("rate(24 hours)").cron, "0 0 * * *");
  EXPECT_EQ(kubernetes_cron("rate(1 day)").cron, "0 0 * * *");
  EXPECT_THAT(kubernetes_cron("rate(15 minutes)").note, HasSubstr("counts from when the schedule was created"));
}

TEST(ScheduleCron, AgreesWithTheInverseWrittenByToEcs) {
  // Kubernetes -> EventBridge (aws::eventbridge_cron) -> Kubernetes gives the schedule back.
  for (const std::string k8s : {"0 5 * * *", "*/10 * * * *", "15 10 * * 1-5", "0 8 * * 0,6", "0 0 1 * *",
                                "30 2 * 1,7 *", "0 0 * * 1/2", "0 12 15 * *", "0 9 * * MON-FRI"}) {
    std::string why;
    const std::string aws = aws::eventbridge_cron(k8s, why);
    ASSERT_FALSE(aws.empty()) << k8s << ": " << why;
    EXPECT_EQ(kubernetes_cron(aws).cron, k8s) << aws;
  }
  // EventBridge -> Kubernetes -> EventBridge, for crons both sides can say.
  for (const std::string aws : {"cron(0 5 * * ? *)", "cron(15 10 ? * 2-6 *)", "cron(0 8 ? * 1,7 *)", "cron(0 0 1 * ? *)",
                                "cron(*/10 * * * ? *)", "cron(0 0 ? * 2/2 *)"}) {
    const KubernetesCron k = kubernetes_cron(aws);
    ASSERT_FALSE(k.cron.empty()) << aws << ": " << k.problem;
    std::string why;
    EXPECT_EQ(aws::eventbridge_cron(k.cron, why), aws) << k.cron;
  }
}

}  // namespace
}  // namespace specconv::mapping
