// Ref and Fn::GetAtt of the resources of a template, by type.
#include "iac/physical.h"

#include "iac/functions.h"

namespace specconv::iac {
namespace {

std::string arn(Evaluator& ev, const std::string& service, bool regional, const std::string& rest) {
  return "arn:" + ev.partition() + ":" + service + ":" + (regional ? ev.settings().region : "") + ":" +
         ev.settings().account_id + ":" + rest;
}

std::string load_balancer_arn(Evaluator& ev, const std::string& id) {
  const bool network = ev.property_text(id, "Type") == "network";
  return arn(ev, "elasticloadbalancing", true,
             std::string("loadbalancer/") + (network ? "net/" : "app/") + readable_name(ev, id, "Name") + "/" + id);
}

/// A listener's ARN from its load balancer's: ...:listener/app/NAME/LBID/LISTENER.
std::string listener_arn(Evaluator& ev, const std::string& id) {
  std::string lb = ev.property_text(id, "LoadBalancerArn");
  if (const auto pos = lb.find(":loadbalancer/"); pos != std::string::npos) lb.replace(pos, 14, ":listener/");
  else lb = arn(ev, "elasticloadbalancing", true, "listener/app/REPLACE_ME_ALB/unknown");  // not an ALB name: no IngressGroup
  return lb + "/" + id;
}

/// A rule's ARN from its listener's: ...:listener-rule/app/NAME/LBID/LISTENER/RULE (the ECS reader
/// finds the listener from it, as for describe-rules output).
std::string rule_arn(Evaluator& ev, const std::string& id) {
  std::string l = ev.property_text(id, "ListenerArn");
  if (const auto pos = l.find(":listener/"); pos != std::string::npos) l.replace(pos, 10, ":listener-rule/");
  else l = arn(ev, "elasticloadbalancing", true, "listener-rule/app/REPLACE_ME_ALB/unknown/unknown");  // a listener of another stack
  return l + "/" + id;
}

/// What Ref returns: a name or an ARN, by type ("" for types with nothing better than the default).
std::string ref_text(Evaluator& ev, const std::string& id, const std::string& type) {
  if (type == "AWS::ECS::TaskDefinition") return arn(ev, "ecs", true, "task-definition/" + task_family(ev, id));
  if (type == "AWS::ECS::Cluster") return readable_name(ev, id, "ClusterName");
  if (type == "AWS::ECS::Service") {
    std::string cluster = ev.property_text(id, "Cluster");
    if (cluster.empty()) cluster = "default";
    return arn(ev, "ecs", true, "service/" + cluster + "/" + readable_name(ev, id, "ServiceName"));
  }
  if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
    return arn(ev, "elasticloadbalancing", true, "targetgroup/" + readable_name(ev, id, "Name") + "/" + id);
  }
  if (type == "AWS::ElasticLoadBalancingV2::LoadBalancer") return load_balancer_arn(ev, id);
  if (type == "AWS::ElasticLoadBalancingV2::Listener") return listener_arn(ev, id);
  if (type == "AWS::ElasticLoadBalancingV2::ListenerRule") return rule_arn(ev, id);
  if (type == "AWS::IAM::Role") return readable_name(ev, id, "RoleName");
  if (type == "AWS::Logs::LogGroup") return readable_name(ev, id, "LogGroupName");
  if (type == "AWS::SSM::Parameter") return readable_name(ev, id, "Name");
  if (type == "AWS::SecretsManager::Secret") return arn(ev, "secretsmanager", true, "secret:" + readable_name(ev, id, "Name"));
  if (type == "AWS::CertificateManager::Certificate") return arn(ev, "acm", true, "certificate/REPLACE_ME_" + id);
  if (type == "AWS::ServiceDiscovery::Service") return "srv-" + id;
  if (type.rfind("AWS::ServiceDiscovery::", 0) == 0) return "ns-" + id;
  if (type == "AWS::EFS::FileSystem") return "fs-" + id;
  if (type == "AWS::EFS::AccessPoint") return "fsap-" + id;
  if (type == "AWS::ApplicationAutoScaling::ScalableTarget") {  // as CloudFormation: id|dimension|namespace
    return ev.property_text(id, "ResourceId") + "|" + ev.property_text(id, "ScalableDimension") + "|" +
           ev.property_text(id, "ServiceNamespace");
  }
  return "";
}

/// What Fn::GetAtt returns for the attributes other resources take from the types read.
std::string att_text(Evaluator& ev, const std::string& id, const std::string& type, const std::string& attribute) {
  if (type == "AWS::IAM::Role" && attribute == "Arn") {
    // Without RoleName, CloudFormation names the role <stack>-<id>-<random>: unknown offline.
    const bool named = !ev.property_text(id, "RoleName").empty();
    return arn(ev, "iam", false, "role/" + std::string(named ? "" : "REPLACE_ME_") + readable_name(ev, id, "RoleName"));
  }
  if (type == "AWS::ECS::Service" && attribute == "Name") return readable_name(ev, id, "ServiceName");
  if (type == "AWS::ECS::Cluster" && attribute == "Arn") return arn(ev, "ecs", true, "cluster/" + readable_name(ev, id, "ClusterName"));
  if (type == "AWS::ECS::TaskDefinition" && attribute == "TaskDefinitionArn") return ref_text(ev, id, type);
  if (type == "AWS::Logs::LogGroup" && attribute == "Arn") {
    return arn(ev, "logs", true, "log-group:" + readable_name(ev, id, "LogGroupName") + ":*");
  }
  if (type == "AWS::ServiceDiscovery::Service" && attribute == "Arn") return arn(ev, "servicediscovery", true, "service/srv-" + id);
  if (type == "AWS::ServiceDiscovery::Service" && attribute == "Name") return readable_name(ev, id, "Name");
  if (type.rfind("AWS::ServiceDiscovery::", 0) == 0 && attribute == "Id") return "ns-" + id;
  if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
    if (attribute == "TargetGroupName") return readable_name(ev, id, "Name");
    if (attribute == "TargetGroupFullName") return "targetgroup/" + readable_name(ev, id, "Name") + "/" + id;
  }
  if (type == "AWS::ElasticLoadBalancingV2::LoadBalancer") {
    const std::string name = readable_name(ev, id, "Name");
    if (attribute == "LoadBalancerName") return name;
    if (attribute == "DNSName") return name + "-" + id + "." + ev.settings().region + ".elb.amazonaws.com";
    if (attribute == "LoadBalancerFullName") return std::string(ev.property_text(id, "Type") == "network" ? "net/" : "app/") + name + "/" + id;
  }
  if ((type == "AWS::EFS::FileSystem" && attribute == "FileSystemId") || (type == "AWS::EFS::AccessPoint" && attribute == "AccessPointId")) {
    return "";  // as Ref, with its warning (resource_att)
  }
  if (type == "AWS::SSM::Parameter" && attribute == "Value") return ev.property_text(id, "Value");
  if (attribute.size() >= 3 && attribute.compare(attribute.size() - 3, 3, "Arn") == 0) {
    const std::string r = ref_text(ev, id, type);
    if (r.rfind("arn:", 0) == 0) return r;
  }
  return "";
}

bool nested_stack(const std::string& type) {
  return type == "AWS::CloudFormation::Stack" || type == "AWS::Serverless::Application";
}

}  // namespace

std::optional<io::Node> resource_ref(Evaluator& ev, const std::string& id, const io::Node& at, const std::string& pointer) {
  const std::string type = ev.type_of(id);
  std::string v = ref_text(ev, id, type);
  if (ev.failed()) return std::nullopt;
  if (v.empty()) v = ev.settings().stack_name + "-" + id;  // the physical ID CloudFormation generates looks like this
  if (type == "AWS::EFS::FileSystem" || type == "AWS::EFS::AccessPoint") {
    ev.placeholder(at, pointer, v + " stands for the ID AWS gives " + id + " when the stack is deployed: pass --parameter " + id +
                                    "=ID (or replace it in the output)");
  }
  if (type == "AWS::CertificateManager::Certificate") {
    ev.placeholder(at, pointer, v + " stands for the ARN ACM gives " + id + " when the stack is deployed: pass --parameter " + id +
                                    "=ARN (or replace it in the output)");
  }
  return located(io::Node::string(std::move(v)), at);
}

std::optional<io::Node> resource_att(Evaluator& ev, const std::string& id, const std::string& attribute, const io::Node& at,
                                     const std::string& pointer) {
  const std::string type = ev.type_of(id);
  if (nested_stack(type)) {
    const std::string name = "REPLACE_ME_" + id + "_" + attribute;
    ev.placeholder(at, pointer, "Fn::GetAtt " + id + "." + attribute + " is an output of a nested stack, unknown offline: " + name +
                                    " is written in its place; pass --parameter " + id + "." + attribute + "=VALUE");
    return located(io::Node::string(name), at);
  }
  if ((type == "AWS::EFS::FileSystem" && attribute == "FileSystemId") || (type == "AWS::EFS::AccessPoint" && attribute == "AccessPointId")) {
    return resource_ref(ev, id, at, pointer);
  }
  std::string v = att_text(ev, id, type, attribute);
  if (ev.failed()) return std::nullopt;
  if (v.empty()) v = ev.settings().stack_name + "-" + id + "-" + attribute;
  if (v.find("REPLACE_ME_") != std::string::npos) {
    ev.placeholder(at, pointer, v + " stands for the " + attribute + " CloudFormation gives " + id +
                                    " when the stack is deployed (it has no name of its own in the template): pass --parameter " +
                                    id + "." + attribute + "=VALUE (or replace it in the output)");
  }
  return located(io::Node::string(std::move(v)), at);
}

}  // namespace specconv::iac
