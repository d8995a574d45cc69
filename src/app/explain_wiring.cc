// The fields the ECS reader takes from ELBv2 and Application Auto Scaling describe-* outputs
// (src/ecs/reader.cc, read_target_groups ... read_scaling; applied in app/pairing.cc).
#include "app/explain_wiring.h"

#include <string_view>

#include "io/pointer.h"

namespace specconv::app {
namespace {

struct WiringField {
  std::string_view list;    // the describe-* output's array: TargetGroups, Listeners, ...
  std::string_view key;     // a member of its entries
  std::string_view target;  // where it lands in Kubernetes ("" when it only pairs objects)
  std::string_view status;  // converted | read
  std::string_view note;
};

const std::vector<WiringField> kWiringFields = {
    {"TargetGroups", "TargetGroupArn", "", "read", "pairs the target group with the service whose loadBalancers[] name it"},
    {"TargetGroups", "TargetGroupName", "", "read", "the target group's name"},
    {"TargetGroups", "Protocol", "Ingress (HTTP, HTTPS) / Service type LoadBalancer (TCP, UDP, TLS, TCP_UDP)", "converted",
     "decides the load balancer type when describe-load-balancers output does not"},
    {"TargetGroups", "Port", "", "read", "the traffic port is the service's containerPort"},
    {"TargetGroups", "TargetType", "", "read", "pods are always registered by IP"},
    {"TargetGroups", "HealthCheckPath", "readinessProbe.httpGet.path, alb.ingress.kubernetes.io/healthcheck-path", "converted",
     "an HTTP(S) health check becomes the readiness probe of the container behind the target group"},
    {"TargetGroups", "HealthCheckProtocol", "readinessProbe.httpGet.scheme", "converted", "HTTP or HTTPS; other protocols give no probe"},
    {"TargetGroups", "HealthyThresholdCount", "readinessProbe.successThreshold", "converted", ""},
    {"TargetGroups", "UnhealthyThresholdCount", "readinessProbe.failureThreshold", "converted", ""},
    {"TargetGroups", "HealthCheckIntervalSeconds", "readinessProbe.periodSeconds", "converted", ""},
    {"TargetGroups", "HealthCheckTimeoutSeconds", "readinessProbe.timeoutSeconds", "converted", ""},
    {"TargetGroups", "LoadBalancerArns", "alb.ingress.kubernetes.io/group.name, scheme", "converted",
     "finds the target group's load balancer: its type and scheme, and one IngressGroup for the services behind it"},
    {"Listeners", "ListenerArn", "", "read", "pairs listener rules with their listener"},
    {"Listeners", "LoadBalancerArn", "", "read", "the load balancer the listener belongs to"},
    {"Listeners", "Protocol", "alb.ingress.kubernetes.io/listen-ports", "converted", "HTTPS or HTTP"},
    {"Listeners", "Port", "alb.ingress.kubernetes.io/listen-ports", "converted", ""},
    {"Listeners", "Certificates", "alb.ingress.kubernetes.io/certificate-arn", "converted", "every CertificateArn"},
    {"Listeners", "DefaultActions", "Ingress rules, alb.ingress.kubernetes.io/ssl-redirect", "converted",
     "forward: a catch-all path to the service; a redirect to HTTPS: ssl-redirect"},
    {"Rules", "RuleArn", "", "read", "names the rule's listener"},
    {"Rules", "IsDefault", "", "read", "a default rule (true) routes every path (/*)"},
    {"Rules", "Priority", "", "read", "the rule's order"},
    {"Rules", "Conditions", "Ingress host and path rules", "converted",
     "host-header, path-pattern, http-header, http-request-method, query-string, source-ip; other fields are dropped "
     "(unsupported-field)"},
    {"Rules", "Actions", "Ingress backends", "converted", "forward, and weighted forward that splits traffic between services"},
    {"LoadBalancers", "LoadBalancerArn", "", "read", "pairs the load balancer with its target groups and listeners"},
    {"LoadBalancers", "LoadBalancerName", "", "read", "the load balancer's name"},
    {"LoadBalancers", "Type", "Ingress (application) / Service type LoadBalancer (network)", "converted", ""},
    {"LoadBalancers", "Scheme", "alb.ingress.kubernetes.io/scheme, service.beta.kubernetes.io/aws-load-balancer-scheme",
     "converted", "without it: --scheme, else internal (assumed-scheme)"},
    {"ScalableTargets", "ResourceId", "", "read", "service/<cluster>/<service> pairs the target with its service"},
    {"ScalableTargets", "MinCapacity", "HorizontalPodAutoscaler spec.minReplicas", "converted", ""},
    {"ScalableTargets", "MaxCapacity", "HorizontalPodAutoscaler spec.maxReplicas", "converted", ""},
    {"ScalableTargets", "ServiceNamespace", "", "read", "only ecs targets are read"},
    {"ScalingPolicies", "ResourceId", "", "read", "pairs the policy with its service"},
    {"ScalingPolicies", "PolicyName", "", "read", "names the policy in messages"},
    {"ScalingPolicies", "PolicyType", "", "read", "TargetTrackingScaling is converted; other types are reported"},
    {"ScalingPolicies", "ServiceNamespace", "", "read", "only ecs policies are read"},
    {"ScalingPolicies", "TargetTrackingScalingPolicyConfiguration", "HorizontalPodAutoscaler spec.metrics, spec.behavior",
     "converted", "CPU and memory utilization targets; cooldowns and DisableScaleIn as scaling behavior"},
};

const WiringField* wiring_field(std::string_view list, std::string_view key) {
  for (const WiringField& f : kWiringFields) {
    if (f.list == list && f.key == key) return &f;
  }
  return nullptr;
}

constexpr std::string_view kLists[] = {"TargetGroups", "Listeners", "Rules", "LoadBalancers", "ScalableTargets", "ScalingPolicies"};
constexpr std::string_view kNames[][2] = {{"target group", "target groups"},       {"listener", "listeners"},
                                          {"listener rule", "listener rules"},     {"load balancer", "load balancers"},
                                          {"scalable target", "scalable targets"}, {"scaling policy", "scaling policies"}};

}  // namespace

void explain_wiring(const io::Node& root, std::vector<ExplainRow>& rows) {
  if (!root.is_object()) return;
  for (std::string_view list : kLists) {
    const io::Node* entries = root.find(std::string(list));
    if (entries == nullptr || !entries->is_array()) continue;
    for (std::size_t i = 0; i < entries->items().size(); ++i) {
      const io::Node& entry = entries->items()[i];
      if (!entry.is_object()) continue;
      const std::string at = "/" + std::string(list) + "/" + std::to_string(i);
      for (const auto& [key, value] : entry.members()) {
        ExplainRow row;
        row.source = at + "/" + io::escape_pointer_token(key);
        row.line = value.line();
        row.column = value.column();
        if (const WiringField* f = wiring_field(list, key)) {
          row.target = std::string(f->target);
          row.status = std::string(f->status);
          row.note = std::string(f->note);
        } else {
          row.status = "ignored";
          row.note = "describe-* output field: not used by the conversion";
        }
        rows.push_back(std::move(row));
      }
    }
  }
}

std::string wiring_summary(const io::Node& root) {
  std::string s;
  for (std::size_t k = 0; k < std::size(kLists); ++k) {
    const io::Node* entries = root.is_object() ? root.find(std::string(kLists[k])) : nullptr;
    if (entries == nullptr || !entries->is_array()) continue;
    const std::size_t n = entries->items().size();
    s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(kNames[k][n == 1 ? 0 : 1]);
  }
  return s;
}

}  // namespace specconv::app
