// IRSA guidance: a task role that becomes a ServiceAccount's eks.amazonaws.com/role-arn must also
// trust the EKS cluster's OIDC provider. With the provider's ARN (--oidc-provider), the role's
// trust policy is written beside the manifests, one file a ServiceAccount
// (`<workload>.trust-policy.json`): the web-identity statement EKS needs (sub =
// system:serviceaccount:<namespace>:<name>, aud = sts.amazonaws.com) and the ECS statement
// (ecs-tasks.amazonaws.com), so one role serves both while the service moves.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/k8s_writer.h"
#include "io/tree.h"

namespace specconv::app {

/// The issuer of an IAM OIDC provider ARN
/// (arn:aws:iam::111122223333:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID ->
/// "oidc.eks.REGION.amazonaws.com/id/ID"); nullopt when it is not one.
[[nodiscard]] std::optional<std::string> oidc_issuer(std::string_view provider_arn);

/// The trust policy of a role assumed by ServiceAccount `ns`/`name` through `provider_arn`, and by ECS tasks.
[[nodiscard]] io::Node irsa_trust_policy(const std::string& provider_arn, const std::string& issuer, const std::string& ns,
                                         const std::string& name);

/// The trust policy file (`<workload>.trust-policy.json`) of each ServiceAccount of `workload`
/// with an IRSA role. `provider_arn` must be valid (oidc_issuer).
[[nodiscard]] std::vector<OutputFile> trust_policy_files(const K8sWorkload& workload, const std::string& provider_arn);

/// `inner` plus, for every ServiceAccount with an IRSA role, its trust policy file (not for
/// workloads of failed inputs). `provider_arn` must be valid (oidc_issuer).
[[nodiscard]] std::unique_ptr<K8sWriter> with_trust_policies(std::unique_ptr<K8sWriter> inner, std::string provider_arn);

}  // namespace specconv::app
