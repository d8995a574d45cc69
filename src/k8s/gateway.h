// ECS ALB wiring -> Gateway API routing (to-k8s --routing gateway-api), for the AWS Load
// Balancer Controller (GatewayClass controllerName gateway.k8s.aws/alb):
// - one Gateway per ALB (named as the ALB, like the Ingress group.name), with one listener per
//   ALB listener (http-80, https-443, ...), and a LoadBalancerConfiguration beside it with the
//   scheme and the HTTPS listeners' certificates;
// - an HTTPRoute named <gateway>-https-redirect on the listeners that redirect to HTTPS
//   (RequestRedirect filter);
// - HTTPRoutes per workload: one per set of hosts (hostnames are per route in the Gateway API),
//   one rule per listener rule, with its path, header and method matches and, for a rule that
//   splits traffic between target groups, weighted backendRefs (written once, by the workload of
//   the first target group an input service uses);
// - a TargetGroupConfiguration per workload: target type and health check.
// Objects the workloads of one ALB share are the same in each (deduplicated when collected).
#pragma once

#include <string>
#include <vector>

#include "k8s/emit.h"
#include "k8s/options.h"
#include "specconv/diagnostics.h"
#include "specconv/model/workload.h"

namespace specconv::k8s {

/// What emit_workload has settled for the workload's ALBs.
struct GatewayInput {
  const model::Workload& w;
  const std::string& name;  // the workload's Kubernetes name (its Service has it too)
  const std::string& scheme;  // internet-facing or internal, as the input, --scheme or the default say
  const EmitOptions& opt;
};

/// The Gateway API objects for the ALB target groups of `in.w`, added to `objects`.
void add_gateway_routing(const GatewayInput& in, Diagnostics& diags, std::vector<Object>& objects);

/// The name of a Gateway listener: lower-case protocol and port ("https-443").
[[nodiscard]] std::string gateway_listener_name(const model::Listener& l);

}  // namespace specconv::k8s
