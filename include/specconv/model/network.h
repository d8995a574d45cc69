// Model: how a workload is reached: load balancer target groups with their listener rules,
// and service discovery registrations. Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace specconv::model {

enum class LoadBalancerType { kUnknown, kApplication, kNetwork, kClassic };

/// An http-header condition: the header has one of the values (ALB patterns: * and ? wildcards).
struct HeaderCondition {
  std::string name;
  std::vector<std::string> values;
  friend bool operator==(const HeaderCondition&, const HeaderCondition&) = default;
};

/// A query-string condition: the query has one of the key/value pairs (ALB patterns: * and ?
/// wildcards; an empty key matches any key).
struct QueryCondition {
  std::vector<std::pair<std::string, std::string>> pairs;
  friend bool operator==(const QueryCondition&, const QueryCondition&) = default;
};

/// One target group of a forward action that splits traffic between several (ForwardConfig).
struct WeightedTarget {
  std::string target_group_arn;
  std::optional<int64_t> weight;
  std::string service;  // the ECS service registered in it, "" when none of the inputs is
  int64_t container_port = 0;  // the port that service registers
  friend bool operator==(const WeightedTarget&, const WeightedTarget&) = default;
};

/// One listener rule condition set that forwards to a target group.
struct HttpRoute {
  std::vector<std::string> hosts;
  std::vector<std::string> paths;  // ALB path patterns ("/api/*") or Ingress paths
  std::optional<int64_t> priority;
  std::vector<HeaderCondition> headers;  // http-header conditions (all must hold)
  std::vector<std::string> methods;      // http-request-method condition (any of them)
  std::vector<QueryCondition> queries;   // query-string conditions (all must hold)
  std::vector<std::vector<std::string>> source_ips;  // source-ip conditions: CIDRs, any of each
  std::vector<WeightedTarget> split;     // all target groups of the rule, when it forwards to several
  friend bool operator==(const HttpRoute&, const HttpRoute&) = default;
};

/// The route of a listener's default action or of an unknown wiring: every path.
inline HttpRoute catch_all_route() {
  HttpRoute r;
  r.paths = {"/*"};
  return r;
}

struct Listener {
  std::string protocol;  // HTTP, HTTPS, TCP, UDP, TLS
  int64_t port = 0;
  std::vector<std::string> certificate_arns;
  bool redirects_to_https = false;
  std::string redirect_status_code;  // of that redirect: HTTP_301 or HTTP_302
  std::string redirect_port;         // and its port ("443", or "#{port}": the request's)
  friend bool operator==(const Listener&, const Listener&) = default;
};

struct LoadBalancerBinding {
  std::string target_group_arn;
  std::string target_group_name;
  std::string load_balancer_name;  // classic ELB
  std::string container;
  int64_t container_port = 0;
  LoadBalancerType type = LoadBalancerType::kUnknown;
  std::string scheme;  // internet-facing, internal
  std::string load_balancer_arn;  // the ALB/NLB that forwards to the target group, when known
  std::string target_type;  // ip, instance
  std::string health_check_path;
  std::string health_check_protocol;
  std::optional<int64_t> healthy_threshold;
  std::optional<int64_t> unhealthy_threshold;
  std::optional<int64_t> health_check_interval_seconds;
  std::optional<int64_t> health_check_timeout_seconds;
  std::vector<Listener> listeners;  // the listeners that forward to the target group (and their redirects)
  std::vector<Listener> balancer_listeners;  // every listener of its load balancer that the input describes
  std::vector<HttpRoute> routes;
  bool wiring_known = false;  // listeners/rules came from describe-* input
  friend bool operator==(const LoadBalancerBinding&, const LoadBalancerBinding&) = default;
};

struct DiscoveryRegistration {
  std::string registry_arn;
  std::string name;  // service name in the namespace, when known
  std::string container;
  std::optional<int64_t> container_port;
  std::optional<int64_t> port;
  friend bool operator==(const DiscoveryRegistration&, const DiscoveryRegistration&) = default;
};

}  // namespace specconv::model
