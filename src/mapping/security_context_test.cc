// Tests for mapping/security_context: what ECS can express of allowPrivilegeEscalation,
// seccompProfile and runAsNonRoot, on EC2 and on Fargate, and the way back.
#include "mapping/security_context.h"

#include <gtest/gtest.h>

namespace specconv::mapping {
namespace {

TEST(SecurityContext, ContainerValuesWinAndPodValuesFillIn) {
  SecuritySettings pod;
  pod.seccomp = SeccompProfile{"RuntimeDefault", ""};
  pod.run_as_non_root = true;
  SecuritySettings ctr;
  ctr.run_as_non_root = false;
  ctr.allow_privilege_escalation = false;
  const SecuritySettings e = effective_security(pod, ctr);
  EXPECT_EQ(e.run_as_non_root, false);
  EXPECT_EQ(e.seccomp, (SeccompProfile{"RuntimeDefault", ""}));
  EXPECT_EQ(e.allow_privilege_escalation, false);
  EXPECT_EQ(effective_security(pod, {}).run_as_non_root, true);
}

TEST(SecurityContext, NoPrivilegeEscalationIsNoNewPrivilegesOnEc2Only) {
  EXPECT_EQ(no_new_privileges_option(false, false).option, "no-new-privileges");
  EXPECT_FALSE(no_new_privileges_option(false, false).finding);
  EXPECT_EQ(no_new_privileges_option(true, false).option, "");
  EXPECT_EQ(no_new_privileges_option(std::nullopt, true).option, "");
  EXPECT_FALSE(no_new_privileges_option(true, true).finding);
  const SecurityOption f = no_new_privileges_option(false, true);
  EXPECT_EQ(f.option, "");
  ASSERT_TRUE(f.finding);
  EXPECT_EQ(f.finding->code, "fargate-security-option");
  EXPECT_EQ(f.finding->field, "allowPrivilegeEscalation");
  EXPECT_FALSE(f.finding->error);
}

TEST(SecurityContext, SeccompOnEc2) {
  const auto rd = seccomp_option(SeccompProfile{"RuntimeDefault", ""}, false);
  EXPECT_EQ(rd.option, "");
  EXPECT_FALSE(rd.finding) << "Docker's default profile is RuntimeDefault: nothing to write, nothing to say";
  const auto un = seccomp_option(SeccompProfile{"Unconfined", ""}, false);
  EXPECT_EQ(un.option, "seccomp:unconfined");
  EXPECT_FALSE(un.finding);
  const auto lh = seccomp_option(SeccompProfile{"Localhost", "profiles/audit.json"}, false);
  EXPECT_EQ(lh.option, "");
  ASSERT_TRUE(lh.finding);
  EXPECT_EQ(lh.finding->code, "seccomp-profile-not-applied");
  EXPECT_NE(lh.finding->message.find("profiles/audit.json"), std::string::npos);
  EXPECT_FALSE(seccomp_option(std::nullopt, false).finding);
}

TEST(SecurityContext, SeccompOnFargateIsReported) {
  for (const char* type : {"RuntimeDefault", "Unconfined", "Localhost"}) {
    const auto o = seccomp_option(SeccompProfile{type, "p.json"}, true);
    EXPECT_EQ(o.option, "") << type;
    ASSERT_TRUE(o.finding) << type;
    EXPECT_EQ(o.finding->code, "fargate-security-option") << type;
    EXPECT_EQ(o.finding->field, "seccompProfile");
  }
}

TEST(SecurityContext, RunAsNonRootAgainstTheUser) {
  EXPECT_FALSE(check_run_as_non_root(true, "1000"));
  EXPECT_FALSE(check_run_as_non_root(true, "1000:1000"));
  EXPECT_FALSE(check_run_as_non_root(false, "0"));
  EXPECT_FALSE(check_run_as_non_root(std::nullopt, ""));
  for (const char* root : {"0", "0:0", "root", "root:wheel"}) {
    const auto f = check_run_as_non_root(true, root);
    ASSERT_TRUE(f) << root;
    EXPECT_TRUE(f->error) << root;
    EXPECT_EQ(f->code, "non-root-violated");
  }
  const auto unknown = check_run_as_non_root(true, "");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->error);
  EXPECT_EQ(unknown->code, "non-root-not-enforced");
  const auto named = check_run_as_non_root(true, "app");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->code, "non-root-not-enforced");
}

TEST(SecurityContext, DockerOptionsReadBack) {
  const ReadBack r = security_from_docker_options({"no-new-privileges", "seccomp:unconfined", "label:type:svirt_t"});
  EXPECT_EQ(r.settings.allow_privilege_escalation, false);
  EXPECT_EQ(r.settings.seccomp, (SeccompProfile{"Unconfined", ""}));
  EXPECT_EQ(r.others, std::vector<std::string>{"label:type:svirt_t"});
  EXPECT_FALSE(security_from_docker_options({}).settings.seccomp);
}

TEST(SecurityContext, RoundTripOfWhatEc2Writes) {
  SecuritySettings s;
  s.allow_privilege_escalation = false;
  s.seccomp = SeccompProfile{"Unconfined", ""};
  std::vector<std::string> opts = {no_new_privileges_option(s.allow_privilege_escalation, false).option,
                                   seccomp_option(s.seccomp, false).option};
  EXPECT_EQ(security_from_docker_options(opts).settings, s);
}

}  // namespace
}  // namespace specconv::mapping
