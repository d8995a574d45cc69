// Model: how a workload is reached: load balancer target groups with their listener rules,
// and service discovery registrations. Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace specconv::model {

enum class LoadBalancerType { kUnknown, kApplication, kNetwork, kClassic };

/// One listener rule condition set that forwards to a target group.
struct HttpRoute {
  std::vector<std::string> hosts;
  std::vector<std::string> paths;  // ALB path patterns ("/api/*") or Ingress paths
  std::optional<int64_t> priority;
  friend bool operator==(const HttpRoute&, const HttpRoute&) = default;
};

struct Listener {
  std::string protocol;  // HTTP, HTTPS, TCP, UDP, TLS
  int64_t port = 0;
  std::vector<std::string> certificate_arns;
  bool redirects_to_https = false;
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
  std::vector<Listener> listeners;
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
