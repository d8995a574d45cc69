// Names of the AWS resources of a plan: logical names (CloudFormation logical ids, unique in a
// plan) and ELB names. Pure.
#pragma once

#include <set>
#include <string>

namespace specconv::aws {

/// A CloudFormation logical id from a name: alphanumeric PascalCase ("web-app" -> "WebApp").
[[nodiscard]] std::string logical_id(const std::string& name);

/// The ECS name of a Kubernetes name, restricted to what an ELB name allows ([A-Za-z0-9-], 32).
[[nodiscard]] std::string elb_name(const std::string& ns, const std::string& name);

/// Unique logical names within one plan: the second "Web" is "Web2".
class LogicalNames {
 public:
  std::string make(const std::string& name, const std::string& suffix) {
    std::string base = logical_id(name) + suffix;
    if (base.size() > 200) base.resize(200);
    std::string id = base;
    for (int i = 2; !used_.insert(id).second; ++i) id = base + std::to_string(i);
    return id;
  }

 private:
  std::set<std::string> used_;
};

}  // namespace specconv::aws
