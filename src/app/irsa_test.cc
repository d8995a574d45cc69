// IRSA trust policies: the issuer from the provider ARN, the policy EKS needs, and the files
// written beside the manifests.
#include "app/irsa.h"

#include <gtest/gtest.h>

#include "io/json_write.h"
#include "specconv/convert.h"

namespace specconv::app {
namespace {

const std::string kProvider = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B7";

TEST(Irsa, IssuerIsTheProviderArnsPath) {
  EXPECT_EQ(oidc_issuer(kProvider), "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B7");
  EXPECT_EQ(oidc_issuer("arn:aws:iam::111122223333:role/web"), std::nullopt);
  EXPECT_EQ(oidc_issuer("oidc.eks.eu-west-1.amazonaws.com/id/X"), std::nullopt);
  EXPECT_EQ(oidc_issuer("arn:aws:iam::111122223333:oidc-provider/"), std::nullopt);
}

TEST(Irsa, TrustPolicyAllowsTheServiceAccountAndEcsTasks) {
  const std::string issuer = *oidc_issuer(kProvider);
  EXPECT_EQ(io::to_json(irsa_trust_policy(kProvider, issuer, "shop", "web"), -1),
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":")" + kProvider +
                R"("},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{")" + issuer +
                R"(:sub":"system:serviceaccount:shop:web",")" + issuer +
                R"(:aud":"sts.amazonaws.com"}}},{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
}

TEST(Irsa, OneFileAServiceAccountWithARoleNoneForFailedInputs) {
  const std::string with_role = R"({"family": "web", "taskRoleArn": "arn:aws:iam::111122223333:role/web",
    "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 128}]})";
  const std::string without = R"({"family": "batch", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 128}]})";
  auto writer = with_trust_policies(make_k8s_writer(K8sLayout::kFolder, OutputFormat::kYaml), kProvider);
  ToK8sOptions o;
  o.namespace_name = "shop";
  (void)convert_to_k8s_objects({{"web.json", with_role}, {"batch.json", without}}, o, *writer);
  std::vector<std::string> paths;
  for (const auto& f : writer->finish({})) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"web.yaml", "batch.yaml", "web.trust-policy.json"}));

  auto failed = with_trust_policies(make_k8s_writer(K8sLayout::kFolder, OutputFormat::kYaml), kProvider);
  (void)convert_to_k8s_objects({{"web.json", with_role}}, o, *failed);
  EXPECT_TRUE(failed->finish({"web.json"}).empty());
}

}  // namespace
}  // namespace specconv::app
