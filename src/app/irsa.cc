// IRSA trust policies (see irsa.h).
#include "app/irsa.h"

#include <utility>
#include <vector>

#include "app/batch.h"
#include "app/k8s_document.h"
#include "io/json_write.h"

namespace specconv::app {
namespace {

using io::Node;

Node statement(Node principal, const char* action) {
  Node s = Node::object();
  s.set("Effect", Node::string("Allow"));
  s.set("Principal", std::move(principal));
  s.set("Action", Node::string(action));
  return s;
}

/// The role ARN a ServiceAccount's IRSA annotation names, or "".
std::string role_of(const K8sObject& o) {
  if (o.kind != "ServiceAccount" || !o.document) return "";
  const Node* md = o.document->node.find("metadata");
  const Node* ann = md != nullptr ? md->find("annotations") : nullptr;
  const Node* role = ann != nullptr ? ann->find("eks.amazonaws.com/role-arn") : nullptr;
  return role != nullptr && role->is_string() ? role->text() : "";
}

class TrustPolicyWriter final : public K8sWriter {
 public:
  TrustPolicyWriter(std::unique_ptr<K8sWriter> inner, std::string provider_arn)
      : inner_(std::move(inner)), provider_(std::move(provider_arn)) {}

  void add(K8sWorkload&& workload) override {
    for (OutputFile& f : trust_policy_files(workload, provider_)) files_.push_back(std::move(f));
    inner_->add(std::move(workload));
  }

  std::vector<OutputFile> finish(const std::set<std::string>& failed_inputs) override {
    std::vector<OutputFile> files = inner_->finish(failed_inputs);
    for (OutputFile& f : files_) {
      if (!any_failed(f.sources, failed_inputs)) files.push_back(std::move(f));
    }
    files_.clear();
    return files;
  }

 private:
  std::unique_ptr<K8sWriter> inner_;
  std::string provider_;
  std::vector<OutputFile> files_;
};

}  // namespace

std::vector<OutputFile> trust_policy_files(const K8sWorkload& workload, const std::string& provider_arn) {
  std::vector<OutputFile> files;
  const std::string issuer = oidc_issuer(provider_arn).value_or("");
  for (const K8sObject& o : workload.objects) {
    if (role_of(o).empty()) continue;
    const std::string ns = o.namespace_name.empty() ? "default" : o.namespace_name;
    files.push_back({safe_file_name(workload.name) + ".trust-policy.json",
                     io::to_json(irsa_trust_policy(provider_arn, issuer, ns, o.name), 2) + "\n", workload.name,
                     workload.sources});
  }
  return files;
}

std::optional<std::string> oidc_issuer(std::string_view arn) {
  constexpr std::string_view kProvider = ":oidc-provider/";
  const auto at = arn.find(kProvider);
  if (arn.rfind("arn:aws", 0) != 0 || arn.find(":iam::") == std::string_view::npos || at == std::string_view::npos) return std::nullopt;
  const std::string_view issuer = arn.substr(at + kProvider.size());
  if (issuer.empty() || issuer.find_first_of(" \"\\") != std::string_view::npos) return std::nullopt;
  return std::string(issuer);
}

Node irsa_trust_policy(const std::string& provider_arn, const std::string& issuer, const std::string& ns, const std::string& name) {
  Node federated = Node::object();
  federated.set("Federated", Node::string(provider_arn));
  Node web = statement(std::move(federated), "sts:AssumeRoleWithWebIdentity");
  Node equals = Node::object();
  equals.set(issuer + ":sub", Node::string("system:serviceaccount:" + ns + ":" + name));
  equals.set(issuer + ":aud", Node::string("sts.amazonaws.com"));
  Node condition = Node::object();
  condition.set("StringEquals", std::move(equals));
  web.set("Condition", std::move(condition));
  Node service = Node::object();
  service.set("Service", Node::string("ecs-tasks.amazonaws.com"));
  Node statements = Node::array();
  statements.push(std::move(web));
  statements.push(statement(std::move(service), "sts:AssumeRole"));
  Node policy = Node::object();
  policy.set("Version", Node::string("2012-10-17"));
  policy.set("Statement", std::move(statements));
  return policy;
}

std::unique_ptr<K8sWriter> with_trust_policies(std::unique_ptr<K8sWriter> inner, std::string provider_arn) {
  return std::make_unique<TrustPolicyWriter>(std::move(inner), std::move(provider_arn));
}

}  // namespace specconv::app
