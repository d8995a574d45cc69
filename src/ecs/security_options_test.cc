// Tests for ecs/security_options: dockerSecurityOptions merged with what an ECS input kept, and
// one diagnostic per field occurrence however many containers share it.
#include "ecs/security_options.h"

#include <gtest/gtest.h>

namespace specconv::ecs {
namespace {

SourceLocation security_at(const std::string& pointer, int64_t line) { return {"pod.yaml", pointer, line, 9, 0}; }

std::vector<std::string> texts(const io::Node& n) {
  std::vector<std::string> out;
  for (const io::Node& s : n.items()) out.push_back(s.text());
  return out;
}

TEST(SecurityOptions, KeptOptionsFirstThenWhatSecurityContextAsks) {
  model::Container c;
  c.name = "app";
  c.allow_privilege_escalation = false;
  c.seccomp_type = "Unconfined";
  // An ECS input's options: the label stays, the two securityContext now says are not repeated.
  const io::Node kept = io::Node::strings({"label:type:svirt_t", "seccomp:unconfined", "no-new-privileges"});
  SecurityNotes notes;
  const auto opts = docker_security_options(c, &kept, false, notes);
  ASSERT_TRUE(opts);
  EXPECT_EQ(texts(*opts), (std::vector<std::string>{"label:type:svirt_t", "no-new-privileges", "seccomp:unconfined"}));
  Diagnostics d;
  notes.report(d);
  EXPECT_TRUE(d.empty());
}

TEST(SecurityOptions, FargateWritesNoneAndReportsOncePerFieldOccurrence) {
  SecurityNotes notes;
  const io::Node kept = io::Node::strings({"label:type:svirt_t"});
  for (const char* name : {"app", "sidecar"}) {
    model::Container c;
    c.name = name;
    c.seccomp_type = "RuntimeDefault";
    c.seccomp_at = security_at("/spec/securityContext/seccompProfile", 7);  // one pod-level value
    EXPECT_FALSE(docker_security_options(c, &kept, true, notes)) << name;
  }
  Diagnostics d;
  notes.report(d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, "fargate-security-option");
  EXPECT_EQ(d.all()[0].location.pointer, "/spec/securityContext/seccompProfile");
  EXPECT_NE(d.all()[0].message.find("containers \"app\", \"sidecar\""), std::string::npos) << d.all()[0].message;
}

TEST(SecurityOptions, NonRootCheckUsesTheUserWritten) {
  SecurityNotes notes;
  model::Container c;
  c.name = "app";
  c.run_as_non_root = true;
  c.run_as_non_root_at = security_at("/spec/containers/0/securityContext/runAsNonRoot", 12);
  check_non_root(c, "1000:1000", notes);
  Diagnostics ok;
  notes.report(ok);
  EXPECT_TRUE(ok.empty());
  check_non_root(c, "0", notes);
  Diagnostics bad;
  notes.report(bad);
  ASSERT_EQ(bad.all().size(), 1u);
  EXPECT_EQ(bad.all()[0].severity, Severity::kError);
  EXPECT_EQ(bad.all()[0].code, "non-root-violated");
  EXPECT_EQ(bad.all()[0].location.line, 12);
}

}  // namespace
}  // namespace specconv::ecs
