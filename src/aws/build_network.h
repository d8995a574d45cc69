// The load balancing and Cloud Map part of a plan, in two steps (internal to build_plan):
// draft_network() decides the load balancers, listeners, rules, target groups and Cloud Map
// services of the namespace and names them; add_network() puts what is used into the plan
// (load balancers with no listener in use, target groups nothing forwards to and listeners
// with nothing to do are left out) and tells each workload's service what it registers in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "aws/build_plan.h"
#include "aws/names.h"
#include "aws/plan.h"

namespace specconv::aws {

struct DraftRule {
  std::string id;
  std::vector<std::string> hosts;
  std::vector<std::string> paths;
  int64_t priority = 0;
  std::size_t target_group = 0;  // into NetworkDraft::target_groups
};

struct DraftListener {
  std::string id;
  std::string protocol;
  int64_t port = 0;
  std::vector<std::string> certificates;
  bool redirect = false;
  std::optional<std::size_t> default_target_group;
  std::vector<DraftRule> rules;
};

struct DraftLoadBalancer {
  LoadBalancer lb;
  std::vector<DraftListener> listeners;
};

struct DraftTargetGroup {
  TargetGroup tg;
  std::size_t workload = 0;
  std::string container;
  int64_t container_port = 0;
  bool attached = false;
};

struct NetworkDraft {
  std::vector<DraftLoadBalancer> load_balancers;
  std::vector<DraftTargetGroup> target_groups;
  std::vector<DiscoveryService> discovery;
  std::vector<std::optional<std::size_t>> workload_discovery;  // per workload
  bool any_https_without_certificate = false;
  bool any_internet_facing = false;
};

/// What a workload's ECS service is wired to.
struct ServiceWiring {
  std::vector<ServiceTarget> targets;
  std::vector<AnyRef> depends_on;  // listeners and rules forwarding to its target groups
  std::optional<ServiceRegistry> registry;
};

[[nodiscard]] NetworkDraft draft_network(const NamespaceInput& in, LogicalNames& names, Diagnostics& diags);

/// Adds the network resources in use to `plan` (load balancers, listeners, their certificates
/// and rules, target groups, Cloud Map); returns each workload's wiring.
[[nodiscard]] std::vector<ServiceWiring> add_network(const NamespaceInput& in, NetworkDraft draft, LogicalNames& names,
                                                     Plan& plan);

}  // namespace specconv::aws
