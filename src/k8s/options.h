// Options of the ECS -> Kubernetes direction (one struct per stage; see docs/architecture.md).
#pragma once

#include <string>

namespace specconv::k8s {

struct EmitOptions {
  std::string namespace_name;               // --namespace; "" leaves objects unnamespaced
  bool external_secrets = false;            // --secrets external-secrets
  std::string ssm_store = "aws-parameter-store";      // ClusterSecretStore for SSM references
  std::string secrets_manager_store = "aws-secrets-manager";
};

}  // namespace specconv::k8s
