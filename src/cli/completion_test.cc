// The completion scripts and the man page are generated from the CLI definition: each one
// mentions every subcommand listed by --help.
#include <gtest/gtest.h>

#include <sstream>

#include "testutil/process.h"

namespace specconv {
namespace {

std::vector<std::string> subcommands_from_help() {
  const auto r = testutil::run_specconv({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  std::vector<std::string> names;
  std::istringstream in(r.out);
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("SUBCOMMANDS", 0) == 0 || line.rfind("Subcommands:", 0) == 0) {
      in_section = true;
      continue;
    }
    if (!in_section || line.empty()) continue;
    std::istringstream words(line);
    std::string name;
    words >> name;
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

TEST(CompletionTest, ScriptsAndManPageMentionEverySubcommand) {
  const std::vector<std::string> subs = subcommands_from_help();
  ASSERT_GE(subs.size(), 6u);
  for (const std::string& expected : {"to-k8s", "to-ecs", "convert", "explain", "completion", "man"}) {
    EXPECT_NE(std::find(subs.begin(), subs.end(), expected), subs.end()) << expected;
  }
  const auto bash = testutil::run_specconv({"completion", "bash"});
  const auto zsh = testutil::run_specconv({"completion", "zsh"});
  const auto man = testutil::run_specconv({"man"});
  ASSERT_EQ(bash.exit_code, 0);
  ASSERT_EQ(zsh.exit_code, 0);
  ASSERT_EQ(man.exit_code, 0);
  EXPECT_NE(bash.out.find("complete -o filenames"), std::string::npos);
  EXPECT_EQ(zsh.out.rfind("#compdef specconv", 0), 0u);
  EXPECT_EQ(man.out.find(".TH SPECCONV 1") != std::string::npos, true);
  for (const std::string& s : subs) {
    std::string roff_name;  // roff escapes '-'
    for (char c : s) roff_name += c == '-' ? std::string("\\-") : std::string(1, c);
    EXPECT_NE(bash.out.find(s), std::string::npos) << "bash completion misses " << s;
    EXPECT_NE(zsh.out.find("'" + s + ":"), std::string::npos) << "zsh completion misses " << s;
    EXPECT_NE(man.out.find(".SS \"specconv " + roff_name), std::string::npos) << "man page misses " << s;
  }
  // Flags of the batch command, with their choices.
  EXPECT_NE(bash.out.find("--fail-on) COMPREPLY=($(compgen -W \"error warning\""), std::string::npos) << bash.out;
  EXPECT_NE(zsh.out.find("--report"), std::string::npos);
  EXPECT_EQ(testutil::run_specconv({"completion", "fish"}).exit_code, 2);
}

TEST(CompletionTest, BashScriptIsValidBash) {
  const auto bash = testutil::run_specconv({"completion", "bash"});
  const auto r = testutil::run_process("/bin/bash", {"-n"}, {}, bash.out);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace specconv
