// ALB listener rule patterns (path-pattern, http-header values: * and ? wildcards) as the path
// and header matches of an Ingress or an HTTPRoute. Pure functions.
#pragma once

#include <string>
#include <utility>

namespace specconv::k8s {

/// "/api/*" -> ("/api", "Prefix"); "/x" -> ("/x", "Exact"); "*" / "/*" -> ("/", "Prefix"). Any
/// other wildcard becomes the Prefix before it, with `*approximate` set.
[[nodiscard]] std::pair<std::string, std::string> alb_path(const std::string& pattern, bool* approximate);

/// An ALB value pattern as an anchored regular expression: * -> .*, ? -> ., the rest literal.
[[nodiscard]] std::string alb_value_regex(const std::string& pattern);

/// True when the ALB value pattern has a wildcard.
[[nodiscard]] bool has_wildcard(const std::string& pattern);

}  // namespace specconv::k8s
