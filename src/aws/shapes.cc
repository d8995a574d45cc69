// Document parts shared by the renderers of a plan (see shapes.h).
#include "aws/shapes.h"

namespace specconv::aws {

using io::Node;
using io::str;

namespace {

/// An object of these members, in this order.
Node object_with(std::vector<Node::Member> members) {
  Node o = Node::object();
  for (auto& [k, v] : members) o.set(std::move(k), std::move(v));
  return o;
}

/// Health check timing, thresholds and matcher of a target group (after protocol, port and path).
void add_health_timing(Node& props, const HealthCheck& h) {
  props.set("HealthCheckIntervalSeconds", Node::integer(h.interval));
  if (h.timeout) props.set("HealthCheckTimeoutSeconds", Node::integer(*h.timeout));
  props.set("HealthyThresholdCount", Node::integer(h.healthy));
  props.set("UnhealthyThresholdCount", Node::integer(h.unhealthy));
  if (h.http_matcher) {
    Node m = Node::object();
    m.set("HttpCode", str("200-399"));  // what a Kubernetes httpGet probe accepts
    props.set("Matcher", std::move(m));
  }
}

}  // namespace

Node list_of(Node one) {
  Node a = Node::array();
  a.push(std::move(one));
  return a;
}

Node policy_document(Node statements) {
  return object_with({{"Version", str("2012-10-17")}, {"Statement", std::move(statements)}});
}

Node trust_policy(const std::string& service) {
  Node principal = Node::object();
  principal.set("Service", str(service));
  Node st = Node::object();
  st.set("Effect", str("Allow"));
  st.set("Principal", std::move(principal));
  st.set("Action", str("sts:AssumeRole"));
  return policy_document(list_of(std::move(st)));
}

Node scheduler_statements(const Node& cluster_arn) {
  Node run = Node::object();
  run.set("Effect", str("Allow"));
  run.set("Action", Node::strings({"ecs:RunTask"}));
  run.set("Resource", str("*"));
  if (!cluster_arn.is_null()) {
    Node cond = Node::object();
    cond.set("ecs:cluster", cluster_arn);
    Node arn_equals = Node::object();
    arn_equals.set("ArnEquals", std::move(cond));
    run.set("Condition", std::move(arn_equals));
  }
  // May pass any role to ECS tasks (what EventBridge Scheduler needs to run them).
  Node pass = Node::object();
  pass.set("Effect", str("Allow"));
  pass.set("Action", Node::strings({"iam:PassRole"}));
  pass.set("Resource", str("*"));
  Node pass_cond = Node::object();
  pass_cond.set("iam:PassedToService", str(kEcsTasksService));
  Node string_like = Node::object();
  string_like.set("StringLike", std::move(pass_cond));
  pass.set("Condition", std::move(string_like));
  Node statements = Node::array();
  statements.push(std::move(run));
  statements.push(std::move(pass));
  return statements;
}

Node rule_conditions(const std::vector<std::string>& hosts, const std::vector<std::string>& paths) {
  Node conds = Node::array();
  auto condition = [&](const char* field, const char* config, const std::vector<std::string>& values) {
    if (values.empty()) return;
    Node cfg = Node::object();
    cfg.set("Values", Node::strings(values));
    Node c = Node::object();
    c.set("Field", str(field));
    c.set(config, std::move(cfg));
    conds.push(std::move(c));
  };
  condition("host-header", "HostHeaderConfig", hosts);
  condition("path-pattern", "PathPatternConfig", paths);
  return conds;
}

Node forward_action(Node target_group) {
  return object_with({{"Type", str("forward")}, {"TargetGroupArn", std::move(target_group)}});
}

Node listener_action(const ListenerAction& a, Node target_group) {
  Node action = Node::object();
  switch (a.type) {
    case ListenerAction::Type::kForward: return forward_action(std::move(target_group));
    case ListenerAction::Type::kRedirectToHttps: {
      Node rc = Node::object();
      rc.set("Protocol", str("HTTPS"));
      rc.set("Port", str(std::to_string(a.https_port)));
      rc.set("StatusCode", str("HTTP_301"));
      action.set("Type", str("redirect"));
      action.set("RedirectConfig", std::move(rc));
      break;
    }
    case ListenerAction::Type::kFixed404: {
      Node fr = Node::object();
      fr.set("StatusCode", str("404"));
      fr.set("ContentType", str("text/plain"));
      fr.set("MessageBody", str("no route"));
      action.set("Type", str("fixed-response"));
      action.set("FixedResponseConfig", std::move(fr));
      break;
    }
  }
  return action;
}


Node discovery_service_properties(const DiscoveryService& d, Node namespace_id) {
  Node rec = Node::object();
  rec.set("Type", str(d.srv ? "SRV" : "A"));
  rec.set("TTL", Node::integer(10));
  Node dns = Node::object();
  dns.set("RoutingPolicy", str("MULTIVALUE"));
  dns.set("DnsRecords", list_of(std::move(rec)));
  Node hc = Node::object();
  hc.set("FailureThreshold", Node::integer(1));
  Node props = Node::object();
  props.set("Name", str(d.name));
  props.set("NamespaceId", std::move(namespace_id));
  props.set("DnsConfig", std::move(dns));
  props.set("HealthCheckCustomConfig", std::move(hc));
  return props;
}

Node secret_properties(const Secret& s) { return object_with({{"Name", str(s.name)}, {"Description", str(s.description)}}); }

Node target_group_properties(const TargetGroup& tg, Node vpc, MemberOrder order) {
  const bool api = order == MemberOrder::kApiReference;
  Node p = object_with({{"Name", str(tg.name)}, {"Protocol", str(tg.protocol)}, {"Port", Node::integer(tg.port)}});
  if (!api) p.set("TargetType", str(tg.target_type));
  p.set("VpcId", std::move(vpc));
  const HealthCheck& h = tg.health;
  if (!h.protocol.empty()) p.set("HealthCheckProtocol", str(h.protocol));
  if (!api && !h.path.empty()) p.set("HealthCheckPath", str(h.path));
  if (!h.port.empty()) p.set("HealthCheckPort", str(h.port));
  if (api && !h.path.empty()) p.set("HealthCheckPath", str(h.path));
  add_health_timing(p, h);
  if (api) p.set("TargetType", str(tg.target_type));
  return p;
}

Node schedule_properties(Node props, const Schedule& s, bool fargate, ScheduleTarget target) {
  Node ecs_params = Node::object();
  ecs_params.set("TaskDefinitionArn", std::move(target.task_definition_arn));
  ecs_params.set("LaunchType", str(fargate ? "FARGATE" : "EC2"));
  if (s.awsvpc) {
    Node vpc = Node::object();
    vpc.set("Subnets", std::move(target.subnets));
    vpc.set("SecurityGroups", std::move(target.security_groups));
    vpc.set("AssignPublicIp", str("DISABLED"));
    Node nc = Node::object();
    nc.set(target.awsvpc_key, std::move(vpc));
    ecs_params.set("NetworkConfiguration", std::move(nc));
  }
  ecs_params.set("TaskCount", Node::integer(1));
  Node t = Node::object();
  t.set("Arn", std::move(target.cluster_arn));
  t.set("RoleArn", std::move(target.role_arn));
  t.set("EcsParameters", std::move(ecs_params));
  Node window = Node::object();
  window.set("Mode", str("OFF"));
  props.set("Description", str(s.description));
  props.set("ScheduleExpression", str(s.expression));
  props.set("ScheduleExpressionTimezone", str(s.time_zone));
  if (s.disabled) props.set("State", str("DISABLED"));
  props.set("FlexibleTimeWindow", std::move(window));
  props.set("Target", std::move(t));
  return props;
}

}  // namespace specconv::aws
