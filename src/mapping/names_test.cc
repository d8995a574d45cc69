// Tests for mapping/names: validators for every NameKind and label values, and
// the sanitiser's guarantees (always valid, non-empty, deterministic, bounded
// length, readable, collision-resistant via the hash suffix).
#include "mapping/names.h"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace specconv::mapping {
namespace {

constexpr std::array<NameKind, 4> kAllKinds = {NameKind::kRfc1123Label,
                                               NameKind::kRfc1123Subdomain,
                                               NameKind::kRfc1035Label, NameKind::kPortName};

std::size_t limit(NameKind kind) {
  switch (kind) {
    case NameKind::kRfc1123Subdomain:
      return kMaxSubdomainLength;
    case NameKind::kPortName:
      return kMaxPortNameLength;
    default:
      return kMaxLabelLength;
  }
}

std::string kind_name(NameKind kind) {
  switch (kind) {
    case NameKind::kRfc1123Label:
      return "rfc1123-label";
    case NameKind::kRfc1123Subdomain:
      return "rfc1123-subdomain";
    case NameKind::kRfc1035Label:
      return "rfc1035-label";
    case NameKind::kPortName:
      return "port-name";
  }
  return "?";
}

// Ends with '-' + 5 lower-case hex digits.
bool has_hash_suffix(std::string_view s) {
  if (s.size() < 6 || s[s.size() - 6] != '-') {
    return false;
  }
  for (const char c : s.substr(s.size() - 5)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// Checks the universal guarantees of to_k8s_name and returns the result.
NameResult checked(std::string_view in, NameKind kind) {
  const NameResult r = to_k8s_name(in, kind);
  EXPECT_TRUE(is_valid_name(r.name, kind)) << kind_name(kind) << ": [" << in << "] -> [" << r.name << "]";
  EXPECT_FALSE(r.name.empty());
  EXPECT_LE(r.name.size(), limit(kind));
  EXPECT_EQ(r.changed, r.name != in);
  return r;
}

TEST(IsValidNameTest, Rfc1123Label) {
  const auto k = NameKind::kRfc1123Label;
  for (const std::string_view ok : {"a", "0", "web", "my-app", "123abc", "a-b-c", "a--b",
                                    "abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz"}) {
    EXPECT_TRUE(is_valid_name(ok, k)) << ok;
  }
  EXPECT_FALSE(is_valid_name(std::string(64, 'a'), k));
  EXPECT_TRUE(is_valid_name(std::string(63, 'a'), k));
  for (const std::string_view bad : {"", "-a", "a-", "A", "my_app", "a.b", "a b", "caf\xc3\xa9"}) {
    EXPECT_FALSE(is_valid_name(bad, k)) << bad;
  }
}

TEST(IsValidNameTest, Rfc1123Subdomain) {
  const auto k = NameKind::kRfc1123Subdomain;
  for (const std::string_view ok : {"a", "my-app", "app.kubernetes.io", "a.b.c", "0.1", "a--b.c"}) {
    EXPECT_TRUE(is_valid_name(ok, k)) << ok;
  }
  EXPECT_TRUE(is_valid_name(std::string(253, 'a'), k));
  EXPECT_FALSE(is_valid_name(std::string(254, 'a'), k));
  for (const std::string_view bad : {"", ".", "a.", ".a", "a..b", "a.-b", "a-.b", "A.b", "a_b", "a/b"}) {
    EXPECT_FALSE(is_valid_name(bad, k)) << bad;
  }
}

TEST(IsValidNameTest, Rfc1035Label) {
  const auto k = NameKind::kRfc1035Label;
  for (const std::string_view ok : {"a", "web", "my-svc", "a1"}) {
    EXPECT_TRUE(is_valid_name(ok, k)) << ok;
  }
  for (const std::string_view bad : {"", "1a", "0", "-a", "a-", "a.b", "My-svc"}) {
    EXPECT_FALSE(is_valid_name(bad, k)) << bad;
  }
  EXPECT_FALSE(is_valid_name(std::string(64, 'a'), k));
}

TEST(IsValidNameTest, PortName) {
  const auto k = NameKind::kPortName;
  for (const std::string_view ok : {"http", "h2c", "web-8080", "8080x", "a", "abcdefghijklmno"}) {
    EXPECT_TRUE(is_valid_name(ok, k)) << ok;
  }
  for (const std::string_view bad : {"", "8080", "0-1", "-http", "http-", "ht--tp", "HTTP",
                                     "http_alt", "abcdefghijklmnop", "a.b"}) {
    EXPECT_FALSE(is_valid_name(bad, k)) << bad;
  }
}

TEST(ToK8sNameTest, ValidInputUnchanged) {
  for (const NameKind k : kAllKinds) {
    for (const std::string_view in : {"web", "my-app", "a1"}) {
      const NameResult r = checked(in, k);
      EXPECT_EQ(r.name, in);
      EXPECT_FALSE(r.changed);
    }
  }
  EXPECT_EQ(checked("app.kubernetes.io", NameKind::kRfc1123Subdomain).name, "app.kubernetes.io");
  EXPECT_EQ(checked("123abc", NameKind::kRfc1123Label).name, "123abc");
}

TEST(ToK8sNameTest, CaseOnlyDifferenceIsLowerCasedWithoutHash) {
  for (const NameKind k : kAllKinds) {
    const NameResult r = checked("MyApp", k);
    EXPECT_EQ(r.name, "myapp") << kind_name(k);
    EXPECT_TRUE(r.changed);
  }
  EXPECT_EQ(checked("App.Example.COM", NameKind::kRfc1123Subdomain).name, "app.example.com");
}

TEST(ToK8sNameTest, MyAppUnderscore) {
  for (const NameKind k : kAllKinds) {
    const NameResult r = checked("My_App", k);
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.name, "my-app-2d6c9") << kind_name(k);  // golden: hash format is stable
  }
}

TEST(ToK8sNameTest, PathTraversalIsNeutralised) {
  for (const NameKind k : kAllKinds) {
    const NameResult r = checked("../../etc/passwd", k);
    EXPECT_EQ(r.name.find('/'), std::string::npos);
    EXPECT_EQ(r.name.find(".."), std::string::npos);
    EXPECT_NE(r.name.front(), '.');
    EXPECT_TRUE(has_hash_suffix(r.name));
  }
  EXPECT_EQ(to_k8s_name("../../etc/passwd", NameKind::kRfc1123Subdomain).name, "etc-passwd-dcf60");
  EXPECT_EQ(to_k8s_name("../../etc/passwd", NameKind::kPortName).name, "etc-passw-dcf60");
}

TEST(ToK8sNameTest, LongNamesAreCutAndHashed) {
  const std::string long_name(300, 'a');
  for (const NameKind k : kAllKinds) {
    const NameResult r = checked(long_name, k);
    EXPECT_EQ(r.name.size(), limit(k)) << kind_name(k);
    EXPECT_TRUE(has_hash_suffix(r.name));
    EXPECT_EQ(r.name.substr(0, 5), "aaaaa");
  }
  // Cutting must not leave a '-' or '.' before the hash suffix.
  std::string dashed;
  for (int i = 0; i < 100; ++i) {
    dashed += "ab.cd_e-";
  }
  for (const NameKind k : kAllKinds) {
    checked(dashed, k);
  }
  // Long names differing only at the end must not collide.
  EXPECT_NE(to_k8s_name(long_name + "x", NameKind::kRfc1123Label).name,
            to_k8s_name(long_name + "y", NameKind::kRfc1123Label).name);
}

TEST(ToK8sNameTest, Rfc1035LeadingDigit) {
  const NameResult r = checked("123abc", NameKind::kRfc1035Label);
  EXPECT_TRUE(r.name.starts_with("x-123abc-")) << r.name;
  const NameResult r2 = checked("9_lives", NameKind::kRfc1035Label);
  EXPECT_TRUE(r2.name.starts_with("x-9-lives-")) << r2.name;
  EXPECT_TRUE(checked("_9", NameKind::kRfc1035Label).name.starts_with("x-9-"));
}

TEST(ToK8sNameTest, PortNameRules) {
  const auto k = NameKind::kPortName;
  EXPECT_EQ(checked("HTTP", k).name, "http");
  EXPECT_EQ(checked("8080", k).name, "x-8080-0f5e9");
  EXPECT_TRUE(checked("ht--tp", k).changed);
  EXPECT_TRUE(checked("container-port-http-8080", k).name.starts_with("container"));
  // Only letter beyond the cut point: the prefix supplies one.
  EXPECT_TRUE(checked("1234567890123456a", k).name.starts_with("x-"));
  checked("1-2-3-4-5-6-7-8-9", k);
  checked("web_api", k);
}

TEST(ToK8sNameTest, Unicode) {
  for (const NameKind k : kAllKinds) {
    const NameResult r = checked("caf\xc3\xa9", k);
    EXPECT_TRUE(r.changed);
    EXPECT_TRUE(r.name.starts_with("caf-")) << r.name;
    EXPECT_TRUE(has_hash_suffix(r.name));
  }
  EXPECT_EQ(to_k8s_name("caf\xc3\xa9", NameKind::kRfc1123Label).name, "caf-b5acb");
  // Non-ASCII only.
  for (const NameKind k : kAllKinds) {
    EXPECT_TRUE(checked("\xe6\x97\xa5\xe6\x9c\xac", k).name.starts_with("unnamed-"));
  }
  // Invalid UTF-8 bytes are just more invalid characters.
  for (const NameKind k : kAllKinds) {
    checked("a\xff\xfe" "b", k);
  }
}

TEST(ToK8sNameTest, AllSymbolsAndEmpty) {
  for (const NameKind k : kAllKinds) {
    for (const std::string_view in : {"!!!", "", "-", ".", "___", " ", "...", "-.-.-", "\t\n"}) {
      const NameResult r = checked(in, k);
      EXPECT_TRUE(r.changed);
      EXPECT_TRUE(r.name.starts_with("unnamed-")) << kind_name(k) << " [" << in << "] -> " << r.name;
    }
  }
  EXPECT_EQ(to_k8s_name("!!!", NameKind::kRfc1123Label).name, "unnamed-3a5f7");
  EXPECT_EQ(to_k8s_name("", NameKind::kPortName).name, "unnamed-c95d4");
}

TEST(ToK8sNameTest, Deterministic) {
  for (const NameKind k : kAllKinds) {
    for (const std::string_view in : {"My_App", "caf\xc3\xa9", "../../etc/passwd", "8080", ""}) {
      EXPECT_EQ(to_k8s_name(in, k).name, to_k8s_name(in, k).name);
    }
  }
}

TEST(ToK8sNameTest, InputsThatSanitizeAlikeGetDifferentNames) {
  const std::vector<std::string_view> inputs = {"my-app", "My_App", "my_app", "my app", "MY APP",
                                                "my--app", "my.app", "my/app", "-my-app-"};
  for (const NameKind k : kAllKinds) {
    std::set<std::string> seen;
    for (const std::string_view in : inputs) {
      const std::string name = checked(in, k).name;
      EXPECT_TRUE(seen.insert(name).second) << kind_name(k) << ": [" << in << "] collides as " << name;
    }
  }
}

TEST(ToK8sNameTest, RandomInputsAlwaysValid) {
  std::mt19937 rng(12345);  // fixed seed: reproducible
  constexpr std::string_view kAlphabet = "aZ09-_. /.:@\xc3\xa9\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string in;
    const std::size_t len = rng() % 80;
    for (std::size_t j = 0; j < len; ++j) {
      in.push_back(kAlphabet[rng() % kAlphabet.size()]);
    }
    for (const NameKind k : kAllKinds) {
      checked(in, k);
    }
    const NameResult v = to_label_value(in);
    EXPECT_EQ(v.changed, v.name != in);
    EXPECT_LE(v.name.size(), kMaxLabelValueLength);
    EXPECT_EQ(to_label_value(v.name).name, v.name) << "label value [" << in << "] -> " << v.name;
  }
}

TEST(ToLabelValueTest, Rules) {
  for (const std::string_view ok : {"", "a", "MyApp", "v1.2.3", "a_b-c.d", "0"}) {
    const NameResult r = to_label_value(ok);
    EXPECT_EQ(r.name, ok);
    EXPECT_FALSE(r.changed);
  }
  EXPECT_TRUE(to_label_value("Hello World").name.starts_with("Hello-World-"));
  EXPECT_TRUE(to_label_value("-lead").name.starts_with("lead-"));
  EXPECT_TRUE(to_label_value("!!!").name.starts_with("unnamed-"));
  EXPECT_TRUE(to_label_value("caf\xc3\xa9").name.starts_with("caf-"));
  const NameResult long_value = to_label_value(std::string(100, 'A'));
  EXPECT_EQ(long_value.name.size(), kMaxLabelValueLength);
  EXPECT_TRUE(has_hash_suffix(long_value.name));
  EXPECT_NE(to_label_value("a b").name, to_label_value("a/b").name);
  EXPECT_EQ(to_label_value("a b").name, to_label_value("a b").name);
}

// Services behind one ALB keep sharing it: their Ingresses get one group, named after the ALB.
TEST(AlbGroupName, IsTheLowerCasedAlbName) {
  EXPECT_EQ(alb_group_name("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/My-Shop-ALB/50dc6c495c0c9188"),
            "my-shop-alb");
  EXPECT_EQ(alb_group_name("arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/app/web/1"), "web");
}

TEST(AlbGroupName, NoGroupForNlbsPlaceholdersOrBadNames) {
  EXPECT_EQ(alb_group_name("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188"), "");
  EXPECT_EQ(alb_group_name("LB_ARN"), "");
  EXPECT_EQ(alb_group_name(""), "");
  EXPECT_EQ(alb_group_name("arn:aws:elasticloadbalancing:r:a:loadbalancer/app/bad_name/1"), "");
  EXPECT_EQ(alb_group_name("arn:aws:elasticloadbalancing:r:a:loadbalancer/app/-x/1"), "");
}

}  // namespace
}  // namespace specconv::mapping
