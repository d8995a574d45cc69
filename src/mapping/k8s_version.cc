// --kubernetes-version parsing and the per-version features.
#include "mapping/k8s_version.h"

#include <charconv>

namespace specconv::mapping {
namespace {

constexpr int kMaxMinor = 99;

/// A decimal number of 1..2 digits without sign or leading zero (but "0"), consumed from `s`.
std::optional<int> take_number(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 2 || (n > 1 && s[0] == '0')) return std::nullopt;
  int value = 0;
  std::from_chars(s.data(), s.data() + n, value);
  s.remove_prefix(n);
  return value;
}

}  // namespace

std::optional<KubernetesVersion> parse_kubernetes_version(std::string_view text) {
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  const std::optional<int> major = take_number(text);
  if (!major || *major != 1 || text.empty() || text[0] != '.') return std::nullopt;
  text.remove_prefix(1);
  const std::optional<int> minor = take_number(text);
  if (!minor || *minor > kMaxMinor) return std::nullopt;
  if (!text.empty()) {
    if (text[0] != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!take_number(text) || !text.empty()) return std::nullopt;  // a patch release: same API
  }
  return KubernetesVersion{*major, *minor};
}

std::string to_string(const KubernetesVersion& v) {
  return std::to_string(v.major) + "." + std::to_string(v.minor);
}

bool has_pod_level_resources(const KubernetesVersion& v) {
  return v.major > 1 || v.minor >= kPodLevelResourcesMinor;
}

}  // namespace specconv::mapping
