// Attribute tables of the ELBv2 and Application Auto Scaling resources (hashicorp/aws 5.x).
#include "iac/terraform_wiring.h"

#include <map>

namespace specconv::iac {
namespace {

const Fields kHealthCheck = {{"path", "HealthCheckPath"},
                             {"protocol", "HealthCheckProtocol"},
                             {"healthy_threshold", "HealthyThresholdCount"},
                             {"unhealthy_threshold", "UnhealthyThresholdCount"},
                             {"interval", "HealthCheckIntervalSeconds"},
                             {"timeout", "HealthCheckTimeoutSeconds"},
                             {"enabled", "HealthCheckEnabled"},
                             {"matcher", "Matcher/HttpCode"},
                             {"port", "HealthCheckPort"}};
const Fields kTargetGroup = {{"arn", "TargetGroupArn", As::kText},
                             {"name", "TargetGroupName"},
                             {"protocol", "Protocol"},
                             {"port", "Port"},
                             {"target_type", "TargetType"},
                             {"health_check", "", As::kBlock, &kHealthCheck},
                             {"load_balancer_arns", "LoadBalancerArns"},
                             {"id", "", As::kIgnore},
                             {"arn_suffix", "", As::kIgnore},
                             {"tags_all", "", As::kIgnore}};

const Fields kWeighted = {{"arn", "TargetGroupArn", As::kText}, {"weight", "Weight"}};
const Fields kStickiness = {{"enabled", "Enabled"}, {"duration", "DurationSeconds"}};
const Fields kForward = {{"target_group", "TargetGroups", As::kBlocks, &kWeighted},
                         {"stickiness", "TargetGroupStickinessConfig", As::kBlock, &kStickiness}};
const Fields kRedirect = {{"protocol", "Protocol"}, {"port", "Port"}, {"status_code", "StatusCode"},
                          {"host", "Host"},         {"path", "Path"}, {"query", "Query"}};
const Fields kFixed = {{"content_type", "ContentType"}, {"message_body", "MessageBody"}, {"status_code", "StatusCode"}};
const Fields kAction = {{"type", "Type"},
                        {"target_group_arn", "TargetGroupArn", As::kText},
                        {"order", "Order"},
                        {"forward", "ForwardConfig", As::kBlock, &kForward},
                        {"redirect", "RedirectConfig", As::kBlock, &kRedirect},
                        {"fixed_response", "FixedResponseConfig", As::kBlock, &kFixed}};
const Fields kListener = {{"arn", "ListenerArn", As::kText},
                          {"load_balancer_arn", "LoadBalancerArn", As::kText},
                          {"port", "Port"},
                          {"protocol", "Protocol"},
                          {"certificate_arn", "CertificateArn", As::kText},
                          {"default_action", "DefaultActions", As::kBlocks, &kAction},
                          {"id", "", As::kIgnore},
                          {"tags_all", "", As::kIgnore}};

const Fields kValues = {{"values", "Values"}};
const Fields kHeader = {{"http_header_name", "HttpHeaderName"}, {"values", "Values"}};
const Fields kQuery = {{"key", "Key"}, {"value", "Value"}};
const Fields kCondition = {{"host_header", "HostHeaderConfig", As::kBlock, &kValues},
                           {"path_pattern", "PathPatternConfig", As::kBlock, &kValues},
                           {"http_header", "HttpHeaderConfig", As::kBlock, &kHeader},
                           {"http_request_method", "HttpRequestMethodConfig", As::kBlock, &kValues},
                           {"query_string", "QueryStringConfig/Values", As::kBlocks, &kQuery},
                           {"source_ip", "SourceIpConfig", As::kBlock, &kValues}};
const Fields kRule = {{"arn", "RuleArn", As::kText},
                      {"listener_arn", "ListenerArn", As::kText},
                      {"priority", "Priority", As::kNumberText},
                      {"condition", "Conditions", As::kBlocks, &kCondition},
                      {"action", "Actions", As::kBlocks, &kAction},
                      {"id", "", As::kIgnore},
                      {"tags_all", "", As::kIgnore}};

const Fields kLoadBalancer = {{"arn", "LoadBalancerArn", As::kText},
                              {"name", "LoadBalancerName"},
                              {"load_balancer_type", "Type"},
                              {"internal", "Internal"},
                              {"id", "", As::kIgnore},
                              {"arn_suffix", "", As::kIgnore},
                              {"tags_all", "", As::kIgnore}};

const Fields kScalableTarget = {{"resource_id", "ResourceId", As::kText},
                                {"min_capacity", "MinCapacity"},
                                {"max_capacity", "MaxCapacity"},
                                {"service_namespace", "ServiceNamespace"},
                                {"scalable_dimension", "ScalableDimension"},
                                {"id", "", As::kIgnore},
                                {"arn", "", As::kIgnore},
                                {"tags_all", "", As::kIgnore}};

const Fields kPredefined = {{"predefined_metric_type", "PredefinedMetricType"}, {"resource_label", "ResourceLabel"}};
const Fields kTargetTracking = {{"target_value", "TargetValue"},
                                {"scale_in_cooldown", "ScaleInCooldown"},
                                {"scale_out_cooldown", "ScaleOutCooldown"},
                                {"disable_scale_in", "DisableScaleIn"},
                                {"predefined_metric_specification", "PredefinedMetricSpecification", As::kBlock, &kPredefined},
                                {"customized_metric_specification", "CustomizedMetricSpecification"}};
const Fields kScalingPolicy = {{"name", "PolicyName"},
                               {"policy_type", "PolicyType"},
                               {"resource_id", "ResourceId", As::kText},
                               {"service_namespace", "ServiceNamespace"},
                               {"scalable_dimension", "ScalableDimension"},
                               {"target_tracking_scaling_policy_configuration", "TargetTrackingScalingPolicyConfiguration",
                                As::kBlock, &kTargetTracking},
                               {"step_scaling_policy_configuration", "StepScalingPolicyConfiguration"},
                               {"id", "", As::kIgnore},
                               {"arn", "", As::kIgnore},
                               {"alarm_arns", "", As::kIgnore}};  // the alarms AWS made for a target-tracking policy

io::Node text(const std::string& s, const io::Node& at) {
  io::Node n = io::Node::string(s);
  n.set_position(at.line(), at.column());
  return n;
}

/// The Field of a rule condition, from the block it holds.
void name_conditions(io::Node& entry) {
  io::Node* conditions = entry.find("Conditions");
  if (conditions == nullptr) return;
  static const std::pair<const char*, const char*> kFields[] = {
      {"HostHeaderConfig", "host-header"}, {"PathPatternConfig", "path-pattern"}, {"HttpHeaderConfig", "http-header"},
      {"HttpRequestMethodConfig", "http-request-method"}, {"QueryStringConfig", "query-string"},
      {"SourceIpConfig", "source-ip"}};
  for (io::Node& c : conditions->items()) {
    for (const auto& [config, field] : kFields) {
      if (c.find(config) != nullptr) c.set("Field", text(field, c));
    }
  }
}

}  // namespace

std::string_view wiring_list(const std::string& type) {
  static const std::map<std::string, std::string_view, std::less<>> kLists = {
      {"aws_lb_target_group", "TargetGroups"}, {"aws_alb_target_group", "TargetGroups"},
      {"aws_lb_listener", "Listeners"},        {"aws_alb_listener", "Listeners"},
      {"aws_lb_listener_rule", "Rules"},       {"aws_alb_listener_rule", "Rules"},
      {"aws_lb", "LoadBalancers"},             {"aws_alb", "LoadBalancers"},
      {"aws_appautoscaling_target", "ScalableTargets"}, {"aws_appautoscaling_policy", "ScalingPolicies"}};
  const auto it = kLists.find(type);
  return it == kLists.end() ? std::string_view() : it->second;
}

const Fields& wiring_fields(std::string_view list) {
  if (list == "TargetGroups") return kTargetGroup;
  if (list == "Listeners") return kListener;
  if (list == "Rules") return kRule;
  if (list == "LoadBalancers") return kLoadBalancer;
  if (list == "ScalableTargets") return kScalableTarget;
  return kScalingPolicy;
}

void finish_wiring_entry(std::string_view list, const TfResource& r, io::Node& entry) {
  if (list == "Listeners") {
    if (const io::Node* cert = entry.find("CertificateArn")) {
      io::Node c = io::Node::object();
      c.set_position(cert->line(), cert->column());
      c.set("CertificateArn", *cert);
      io::Node certs = io::Node::array();
      certs.push(std::move(c));
      entry.set("Certificates", std::move(certs));
    }
  } else if (list == "Rules") {
    name_conditions(entry);
    // The reader finds a rule's listener from the rule's ARN: a placeholder ARN is made under the listener's.
    const io::Node* arn = entry.find("RuleArn");
    const io::Node* listener = entry.find("ListenerArn");
    const auto at = listener != nullptr && listener->is_string() ? listener->text().find(":listener/") : std::string::npos;
    if (arn != nullptr && arn->is_string() && arn->text().find(":listener-rule/") == std::string::npos && at != std::string::npos) {
      std::string made = listener->text();
      made.replace(at, 10, ":listener-rule/");
      entry.set("RuleArn", text(made + "/" + arn->text(), *arn));
    }
  } else if (list == "LoadBalancers") {
    // internal defaults to false (internet-facing); in a plan it is unknown when not set.
    const io::Node* internal = entry.find("Internal");
    const bool is_internal = internal != nullptr && internal->is_bool() && internal->as_bool();
    entry.set("Scheme", text(is_internal ? "internal" : "internet-facing", internal != nullptr ? *internal : *r.values));
    if (entry.find("Type") == nullptr) entry.set("Type", text("application", *r.values));  // the provider's default
  }
}

}  // namespace specconv::iac
