// Options of the ECS -> Kubernetes direction (one struct per stage; see docs/architecture.md).
#pragma once

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
};

}  // namespace specconv::k8s
