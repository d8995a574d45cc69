// Options of the ECS -> Kubernetes direction (one struct per stage; see docs/architecture.md).
#pragma once

#include <map>
#include <string>

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
};

}  // namespace specconv::k8s
