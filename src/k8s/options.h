// Options of the ECS -> Kubernetes direction (one struct per stage; see docs/architecture.md).
#pragma once

#include <map>
#include <string>

#include "specconv/kubernetes_version.h"

namespace specconv::k8s {

struct EmitOptions {
  std::string namespace_name;               // --namespace; "" leaves objects unnamespaced
  bool external_secrets = false;            // --secrets external-secrets
  std::string ssm_store = "aws-parameter-store";      // ClusterSecretStore for SSM references
  std::string secrets_manager_store = "aws-secrets-manager";
  /// --scheme: internet-facing or internal, for load balancers whose scheme the input does not
  /// say; "" = internal, with a warning (assumed-scheme).
  std::string scheme;
  /// --name OLD=NEW: OLD is an ECS service name or task family, or the Kubernetes name the workload
  /// would get; NEW (a DNS label, checked by the caller) is its Kubernetes name.
  std::map<std::string, std::string> renames;
  /// --routing gateway-api: ALBs become Gateway API objects (Gateway, HTTPRoute, the AWS Load
  /// Balancer Controller's LoadBalancerConfiguration and TargetGroupConfiguration), not Ingresses.
  bool gateway_api = false;
  std::string gateway_class = "aws-alb";  // --gateway-class: the GatewayClass the Gateways name
  bool create_gateway_class = false;      // --create-gateway-class: emit it too
  /// --kubernetes-version: from 1.34, the task size becomes pod-level resources.
  KubernetesVersion kubernetes_version;
};

}  // namespace specconv::k8s
