// Kubernetes name rules: validators for each NameKind and label values, and
// the deterministic sanitiser (replace, collapse, trim, prefix, cut, hash
// suffix) behind to_k8s_name / to_label_value.
#include "mapping/names.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace specconv::mapping {
namespace {

constexpr std::size_t kHashDigits = 5;
constexpr std::size_t kHashSuffixLength = kHashDigits + 1;  // '-' + digits
constexpr std::string_view kEmptyReplacement = "unnamed";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_alnum(char c) { return is_lower(c) || is_digit(c); }
bool is_alnum(char c) { return is_lower_alnum(c) || is_upper(c); }

char ascii_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }


// [a-z0-9]([-a-z0-9]*[a-z0-9])?, length not checked.
bool is_label_shape(std::string_view s) {
  if (s.empty() || !is_lower_alnum(s.front()) || !is_lower_alnum(s.back())) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

bool is_valid_subdomain(std::string_view s) {
  if (s.empty() || s.size() > kMaxSubdomainLength) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view part = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_label_shape(part)) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool is_valid_port_name(std::string_view s) {
  return !s.empty() && s.size() <= kMaxPortNameLength && s.front() != '-' && s.back() != '-' &&
         s.find("--") == std::string_view::npos &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_lower_alnum(c) || c == '-'; }) &&
         std::any_of(s.begin(), s.end(), is_lower);
}

bool is_valid_label_value(std::string_view s) {
  if (s.empty()) {
    return true;
  }
  if (s.size() > kMaxLabelValueLength || !is_alnum(s.front()) || !is_alnum(s.back())) {
    return false;
  }
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; });
}


void trim_non_alnum(std::string& s) {
  const auto first = std::find_if(s.begin(), s.end(), is_alnum);
  s.erase(s.begin(), first);
  while (!s.empty() && !is_alnum(s.back())) {
    s.pop_back();
  }
}

// Cuts `s` to at most `max` chars, then drops trailing non-alphanumerics.
// `s` starts with an alphanumeric, so the result is non-empty when max >= 1.
void cut(std::string& s, std::size_t max) {
  if (s.size() > max) {
    s.resize(max);
  }
  trim_non_alnum(s);
}

// Lower-cases and maps every character outside [a-z0-9] (and '.', when
// `keep_dots`) to '-', collapsing runs of '-'; then trims every '.'-separated
// part to alphanumeric ends and drops empty parts.
std::string sanitize_dns(std::string_view original, bool keep_dots) {
  std::string mapped;
  for (const char raw : original) {
    const char c = ascii_lower(raw);
    if (is_lower_alnum(c) || (keep_dots && c == '.')) {
      mapped.push_back(c);
    } else if (mapped.empty() || mapped.back() != '-') {
      mapped.push_back('-');
    }
  }
  std::string out;
  std::size_t start = 0;
  while (start <= mapped.size()) {
    std::size_t dot = mapped.find('.', start);
    if (dot == std::string::npos) {
      dot = mapped.size();
    }
    std::string part = mapped.substr(start, dot - start);
    trim_non_alnum(part);
    if (!part.empty()) {
      if (!out.empty()) {
        out.push_back('.');
      }
      out += part;
    }
    start = dot + 1;
  }
  return out;
}

std::size_t max_length(NameKind kind) {
  switch (kind) {
    case NameKind::kRfc1123Subdomain:
      return kMaxSubdomainLength;
    case NameKind::kPortName:
      return kMaxPortNameLength;
    case NameKind::kRfc1123Label:
    case NameKind::kRfc1035Label:
      break;
  }
  return kMaxLabelLength;
}

}  // namespace

// FNV-1a 32-bit over the bytes of `s`, xor-folded to 20 bits, as 5 lower-case
// hex digits. Part of the output format: changing it renames resources.
std::string hash_digits(std::string_view s) {
  constexpr std::uint32_t kFnvOffsetBasis = 2166136261U;
  constexpr std::uint32_t kFnvPrime = 16777619U;
  std::uint32_t h = kFnvOffsetBasis;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  const std::uint32_t folded = (h ^ (h >> 20U)) & 0xFFFFFU;
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out(kHashDigits, '0');
  for (std::size_t i = 0; i < kHashDigits; ++i) {
    out[kHashDigits - 1 - i] = kHex[(folded >> (4U * i)) & 0xFU];
  }
  return out;
}

bool is_valid_name(std::string_view name, NameKind kind) {
  switch (kind) {
    case NameKind::kRfc1123Label:
      return name.size() <= kMaxLabelLength && is_label_shape(name);
    case NameKind::kRfc1123Subdomain:
      return is_valid_subdomain(name);
    case NameKind::kRfc1035Label:
      return name.size() <= kMaxLabelLength && is_label_shape(name) && is_lower(name.front());
    case NameKind::kPortName:
      return is_valid_port_name(name);
  }
  return false;
}

NameResult to_k8s_name(std::string_view original, NameKind kind) {
  if (is_valid_name(original, kind)) {
    return {std::string(original), false};
  }
  std::string lowered = ascii_lower(original);
  if (is_valid_name(lowered, kind)) {
    return {std::move(lowered), true};
  }

  std::string body = sanitize_dns(original, kind == NameKind::kRfc1123Subdomain);
  if (body.empty()) {
    body = kEmptyReplacement;
  }
  if (kind == NameKind::kRfc1035Label && is_digit(body.front())) {
    body.insert(0, "x-");
  }
  const std::size_t body_max = max_length(kind) - kHashSuffixLength;
  cut(body, body_max);
  if (kind == NameKind::kPortName && std::none_of(body.begin(), body.end(), is_lower)) {
    body.insert(0, "x-");
    cut(body, body_max);
  }
  body.push_back('-');
  body += hash_digits(original);
  return {std::move(body), true};
}

NameResult to_label_value(std::string_view original) {
  if (is_valid_label_value(original)) {
    return {std::string(original), false};
  }
  std::string body;
  bool in_invalid_run = false;
  for (const char c : original) {
    if (is_alnum(c) || c == '-' || c == '_' || c == '.') {
      body.push_back(c);
      in_invalid_run = false;
    } else if (!in_invalid_run) {
      body.push_back('-');
      in_invalid_run = true;
    }
  }
  trim_non_alnum(body);
  if (body.empty()) {
    body = kEmptyReplacement;
  }
  cut(body, kMaxLabelValueLength - kHashSuffixLength);
  body.push_back('-');
  body += hash_digits(original);
  return {std::move(body), true};
}

std::string alb_group_name(std::string_view load_balancer_arn) {
  constexpr std::string_view kApp = ":loadbalancer/app/";
  const auto at = load_balancer_arn.find(kApp);
  if (load_balancer_arn.rfind("arn:", 0) != 0 || at == std::string_view::npos) return "";
  const std::string_view rest = load_balancer_arn.substr(at + kApp.size());
  const std::string_view name = rest.substr(0, rest.find('/'));
  const std::string out = ascii_lower(name);
  if (!std::all_of(out.begin(), out.end(), [](char c) { return is_lower_alnum(c) || c == '-'; })) return "";  // not an ALB name
  if (out.empty() || out.size() > 32 || out.front() == '-' || out.back() == '-') return "";
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
  return out;
}

}  // namespace specconv::mapping
