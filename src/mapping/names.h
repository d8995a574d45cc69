// Kubernetes name rules: validation of RFC 1123 labels/subdomains, RFC 1035
// labels, IANA service (port) names and label values, and deterministic
// sanitising of arbitrary (ECS) names into valid ones.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace specconv::mapping {

enum class NameKind {
  kRfc1123Label,      // container names: [a-z0-9-], alnum ends, max 63
  kRfc1123Subdomain,  // most object names: 1123 labels joined by '.', max 253
  kRfc1035Label,      // Service names: like kRfc1123Label but starts with a letter
  kPortName,          // IANA_SVC_NAME: max 15, [a-z0-9-], >= 1 letter, no "--", no '-' ends
};

struct NameResult {
  std::string name;
  bool changed = false;  // name != original
};

// Maximum length for each kind.
inline constexpr std::size_t kMaxLabelLength = 63;
inline constexpr std::size_t kMaxSubdomainLength = 253;
inline constexpr std::size_t kMaxPortNameLength = 15;
inline constexpr std::size_t kMaxLabelValueLength = 63;

[[nodiscard]] bool is_valid_name(std::string_view name, NameKind kind);

/// `s` with ASCII letters lower-cased (other bytes as they are).
[[nodiscard]] std::string ascii_lower(std::string_view s);

// 5 lower-case hex digits from an FNV-1a hash of `s`: the suffix that keeps a shortened name
// unique. Part of the output format: changing it renames resources.
[[nodiscard]] std::string hash_digits(std::string_view s);

// Always returns a valid, non-empty name; deterministic (pure function of
// `original` and `kind`).
// - Already valid: returned unchanged, changed=false.
// - Valid once ASCII-lower-cased (differs only by case): the lower-cased
//   string, no hash. NOTE: "Web" and "web" therefore map to the same name;
//   callers that need uniqueness across case-only variants must check.
// - Otherwise (any character replaced/dropped, or too long): lower-case; every
//   character outside [a-z0-9] (and outside '.' for subdomains) becomes '-'
//   (a multi-byte UTF-8 character counts as one); runs of '-' collapse; each
//   '.'-separated part is trimmed of non-alphanumeric ends and empty parts are
//   dropped; an empty result becomes "unnamed"; RFC 1035 names starting with a
//   digit and port names without a letter get an "x-" prefix; then the text
//   is cut to leave room for, and suffixed with, '-' + 5 lower-case hex digits
//   of a hash of the ORIGINAL string (FNV-1a 32-bit, xor-folded to 20 bits),
//   so that e.g. "My_App" and "my-app" do not collide.
[[nodiscard]] NameResult to_k8s_name(std::string_view original, NameKind kind);

// Label values: empty, or max 63 chars of [A-Za-z0-9-_.] starting and ending
// with [A-Za-z0-9]. Valid input (including empty) is unchanged. Otherwise
// case is kept, each run of invalid characters becomes one '-', the ends are
// trimmed to alphanumerics, an empty result becomes "unnamed", and the same
// cut + '-' + 5-hex-digit hash suffix as to_k8s_name is applied.
[[nodiscard]] NameResult to_label_value(std::string_view original);

/// The AWS Load Balancer Controller IngressGroup for an Application Load Balancer ARN
/// (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID -> "name", lower-cased:
/// group names are lower-case alphanumerics, '-' and '.'). "" for anything else (an NLB, a
/// placeholder): no group.
[[nodiscard]] std::string alb_group_name(std::string_view load_balancer_arn);

}  // namespace specconv::mapping
