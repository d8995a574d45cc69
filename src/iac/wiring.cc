// Load balancing and scaling resources as their describe-* entries.
#include "iac/wiring.h"

#include <algorithm>
#include <map>

#include "iac/physical.h"

namespace specconv::iac {
namespace {

/// Copies the (used, evaluated) properties into the describe-* entry: the names are the same.
void copy(const io::Node& from, io::Node& to) {
  for (const auto& [key, value] : from.members()) {
    if (to.find(key) == nullptr || key == "Type" || key == "Scheme") to.set(key, value);
  }
}

io::Node text(const std::string& s, const io::Node& at) {
  io::Node n = io::Node::string(s);
  n.set_position(at.line(), at.column());
  return n;
}

bool forwards_to(const io::Node* actions, const std::string& target_group) {
  if (actions == nullptr || !actions->is_array()) return false;
  for (const io::Node& a : actions->items()) {
    const io::Node* tg = a.find("TargetGroupArn");
    if (tg != nullptr && tg->is_string() && tg->text() == target_group) return true;
    const io::Node* fc = a.find("ForwardConfig");
    const io::Node* tgs = fc != nullptr ? fc->find("TargetGroups") : nullptr;
    for (const io::Node& t : tgs != nullptr && tgs->is_array() ? tgs->items() : std::vector<io::Node>{}) {
      const io::Node* arn = t.find("TargetGroupArn");
      if (arn != nullptr && arn->is_string() && arn->text() == target_group) return true;
    }
  }
  return false;
}

/// The load balancers whose listeners (default actions or rules) forward to `target_group`.
io::Node load_balancers_of(Evaluator& ev, const std::string& target_group, const io::Node& at) {
  io::Node out = io::Node::array();
  const io::Node* resources = ev.root().find("Resources");
  for (const auto& [id, r] : resources->members()) {
    const std::string type = ev.type_of(id);
    std::string lb;
    if (type == "AWS::ElasticLoadBalancingV2::Listener") {
      std::optional<io::Node> actions = ev.property(id, "DefaultActions");
      if (forwards_to(actions ? &*actions : nullptr, target_group)) lb = ev.property_text(id, "LoadBalancerArn");
    } else if (type == "AWS::ElasticLoadBalancingV2::ListenerRule") {
      std::optional<io::Node> actions = ev.property(id, "Actions");
      if (forwards_to(actions ? &*actions : nullptr, target_group)) {
        lb = ev.property_text(id, "ListenerArn");  // ...:listener/app/NAME/ID/LISTENER -> ...:loadbalancer/app/NAME/ID
        const auto pos = lb.find(":listener/");
        if (pos == std::string::npos) lb.clear();
        else lb = lb.replace(pos, 10, ":loadbalancer/").substr(0, lb.rfind('/'));
      }
    }
    if (ev.failed()) break;
    if (!lb.empty()) out.push(text(lb, at));
  }
  return out;
}

WiringDocument target_group(Evaluator& ev, const std::string& id, const io::Node& props) {
  WiringDocument d{"TargetGroups", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  std::optional<io::Node> self = resource_ref(ev, id, props, "");
  if (self) d.item.set("TargetGroupArn", *self);
  d.item.set("TargetGroupName", text(readable_name(ev, id, "Name"), props));
  copy(props, d.item);
  if (self) d.item.set("LoadBalancerArns", load_balancers_of(ev, self->text(), props));
  return d;
}

WiringDocument listener(Evaluator& ev, const std::string& id, const io::Node& props) {
  WiringDocument d{"Listeners", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  if (std::optional<io::Node> self = resource_ref(ev, id, props, "")) d.item.set("ListenerArn", *self);
  copy(props, d.item);
  return d;
}

WiringDocument rule(Evaluator& ev, const std::string& id, const io::Node& props) {
  WiringDocument d{"Rules", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  if (std::optional<io::Node> self = resource_ref(ev, id, props, "")) d.item.set("RuleArn", *self);
  copy(props, d.item);
  if (const io::Node* p = props.find("Priority"); p != nullptr && p->is_scalar()) {
    d.item.set("Priority", text(p->is_int() ? std::to_string(p->as_int()) : p->text(), *p));
  }
  return d;
}

WiringDocument load_balancer(Evaluator& ev, const std::string& id, const io::Node& props) {
  WiringDocument d{"LoadBalancers", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  if (std::optional<io::Node> self = resource_ref(ev, id, props, "")) d.item.set("LoadBalancerArn", *self);
  d.item.set("LoadBalancerName", text(readable_name(ev, id, "Name"), props));
  d.item.set("Type", text("application", props));
  d.item.set("Scheme", text("internet-facing", props));  // CloudFormation's defaults
  copy(props, d.item);
  return d;
}

WiringDocument scalable_target(const io::Node& props) {
  WiringDocument d{"ScalableTargets", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  copy(props, d.item);
  return d;
}

WiringDocument scaling_policy(Evaluator& ev, const std::string& id, const io::Node& props) {
  WiringDocument d{"ScalingPolicies", io::Node::object()};
  d.item.set_position(props.line(), props.column());
  d.item.set("PolicyName", text(readable_name(ev, id, "PolicyName"), props));
  if (const io::Node* t = props.find("ScalingTargetId"); t != nullptr && t->is_string()) {  // id|dimension|namespace
    const std::string& s = t->text();
    const std::size_t bar = s.find('|');
    d.item.set("ResourceId", text(s.substr(0, bar), *t));
    if (bar != std::string::npos) {
      const std::size_t bar2 = s.find('|', bar + 1);
      if (bar2 != std::string::npos) d.item.set("ServiceNamespace", text(s.substr(bar2 + 1), *t));
    }
  }
  copy(props, d.item);
  return d;
}

}  // namespace

const std::vector<std::string_view>& used_properties(const std::string& type) {
  static const std::map<std::string, std::vector<std::string_view>, std::less<>> kUsed = {
      {"AWS::ElasticLoadBalancingV2::TargetGroup",
       {"Name", "Protocol", "Port", "TargetType", "HealthCheckPath", "HealthCheckProtocol", "HealthyThresholdCount",
        "UnhealthyThresholdCount", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds"}},
      {"AWS::ElasticLoadBalancingV2::Listener", {"LoadBalancerArn", "Port", "Protocol", "Certificates", "DefaultActions"}},
      {"AWS::ElasticLoadBalancingV2::ListenerRule", {"ListenerArn", "Priority", "Conditions", "Actions"}},
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", {"Name", "Type", "Scheme"}},
      {"AWS::ApplicationAutoScaling::ScalableTarget",
       {"ResourceId", "MinCapacity", "MaxCapacity", "ServiceNamespace", "ScalableDimension"}},
      {"AWS::ApplicationAutoScaling::ScalingPolicy",
       {"PolicyName", "PolicyType", "ScalingTargetId", "ResourceId", "ServiceNamespace", "ScalableDimension",
        "TargetTrackingScalingPolicyConfiguration", "StepScalingPolicyConfiguration"}},
  };
  static const std::vector<std::string_view> kNone;
  const auto it = kUsed.find(type);
  return it == kUsed.end() ? kNone : it->second;
}

WiringDocument wiring_document(Evaluator& ev, const std::string& id, const std::string& type, const io::Node& props) {
  if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") return target_group(ev, id, props);
  if (type == "AWS::ElasticLoadBalancingV2::Listener") return listener(ev, id, props);
  if (type == "AWS::ElasticLoadBalancingV2::ListenerRule") return rule(ev, id, props);
  if (type == "AWS::ElasticLoadBalancingV2::LoadBalancer") return load_balancer(ev, id, props);
  if (type == "AWS::ApplicationAutoScaling::ScalableTarget") return scalable_target(props);
  if (type == "AWS::ApplicationAutoScaling::ScalingPolicy") return scaling_policy(ev, id, props);
  return {};
}

}  // namespace specconv::iac
