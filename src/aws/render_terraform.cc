// Plan -> Terraform configuration (see render_terraform.h). One pass over the plan, in the order
// of the CloudFormation template (roles, stores, Cloud Map, target groups, load balancers with
// their listeners, then each workload's task role, task definition, schedule, service and
// scaling), after the terraform block, the variables and the locals; outputs last.
#include "aws/render_terraform.h"

#include <map>
#include <optional>
#include <set>

#include "aws/shapes.h"
#include "aws/terraform_args.h"
#include "io/hcl_write.h"

namespace specconv::aws {
namespace {

using io::HclBody;
using io::HclExpr;
using io::Node;

HclExpr raw(std::string text) { return HclExpr::raw(std::move(text)); }
HclExpr text(std::string_view value) { return HclExpr::string(value); }

/// A string template: `literal` escaped, then `${reference}` and `tail` escaped.
HclExpr interpolate(std::string_view literal, const std::string& reference, std::string_view tail = {}) {
  const std::string head = io::hcl_quote(literal);
  const std::string rest = io::hcl_quote(tail);
  return raw(head.substr(0, head.size() - 1) + "${" + reference + "}" + rest.substr(1));
}

const char* terraform_type(Kind kind) {
  switch (kind) {
    case Kind::kParameter: return "aws_ssm_parameter";
    case Kind::kSecret: return "aws_secretsmanager_secret";
    case Kind::kRole: return "aws_iam_role";
    case Kind::kNamespace: return "aws_service_discovery_private_dns_namespace";
    case Kind::kDiscoveryService: return "aws_service_discovery_service";
    case Kind::kTargetGroup: return "aws_lb_target_group";
    case Kind::kLoadBalancer: return "aws_lb";
    case Kind::kListener: return "aws_lb_listener";
    case Kind::kListenerCertificate: return "aws_lb_listener_certificate";
    case Kind::kListenerRule: return "aws_lb_listener_rule";
    case Kind::kTaskDefinition: return "aws_ecs_task_definition";
    case Kind::kService: return "aws_ecs_service";
    case Kind::kScalableTarget: return "aws_appautoscaling_target";
    case Kind::kScalingPolicy: return "aws_appautoscaling_policy";
    case Kind::kSchedule: return "aws_scheduler_schedule";
    case Kind::kLogGroup: return "aws_cloudwatch_log_group";
  }
  return "aws_ssm_parameter";
}

/// The configuration being written, and the Terraform name of each resource of the plan (the
/// snake_case of its logical name, unique in the plan).
struct Module {
  const Plan& plan;
  HclBody file;
  HclBody outputs;
  std::map<std::string, std::string> names;  // logical name -> Terraform name
  std::set<std::string> used;

  explicit Module(const Plan& p) : plan(p) {}

  void name(const Resource& r) {
    const std::string base = io::hcl_identifier(r.name);
    std::string id = base;
    for (int i = 2; !used.insert(id).second; ++i) id = base + "_" + std::to_string(i);
    names.emplace(r.name, id);
  }
  /// `<type>.<name>` of a resource of the plan.
  [[nodiscard]] std::string address(const Resource& r) const { return std::string(terraform_type(r.kind)) + "." + names.at(r.name); }
  [[nodiscard]] std::string attr(const Resource& r, const char* attribute) const { return address(r) + "." + attribute; }
  HclBody& resource(const Resource& r) { return file.block("resource", {terraform_type(r.kind), names.at(r.name)}); }
  void output(const std::string& output_name, const std::string& description, HclExpr value) {
    HclBody& o = outputs.block("output", {output_name});
    o.attribute("description", text(description));
    o.attribute("value", std::move(value));
  }
};

void name_resources(const Plan& plan, Module& m) {
  auto all = [&](const auto& list) {
    for (const auto& r : list) m.name(r.id);
  };
  if (plan.execution_role) m.name(plan.execution_role->id);
  all(plan.roles);
  all(plan.parameters);
  all(plan.secrets);
  if (plan.cloud_map) m.name(plan.cloud_map->id);
  all(plan.discovery);
  all(plan.target_groups);
  all(plan.load_balancers);
  all(plan.listeners);
  all(plan.listener_certificates);
  all(plan.rules);
  all(plan.task_definitions);
  all(plan.services);
  all(plan.scalable_targets);
  all(plan.scaling_policies);
  all(plan.schedules);
  all(plan.log_groups);
}

void add_terraform_block(HclBody& file) {
  HclExpr aws = HclExpr::object({{"source", text("hashicorp/aws")}, {"version", text("~> 5.0")}});
  file.block("terraform").block("required_providers").attribute("aws", std::move(aws));
}

std::optional<HclExpr> list_default(const std::vector<std::string>& values) {
  if (values.empty()) return std::nullopt;
  return HclExpr::strings(values);
}

void variable(HclBody& file, const std::string& name, const char* type, const std::string& description,
              std::optional<HclExpr> default_value) {
  HclBody& v = file.block("variable", {name});
  v.attribute("type", raw(type));
  v.attribute("description", text(description));
  if (default_value) v.attribute("default", std::move(*default_value));
}

/// Variables: what manifests cannot say (the plan's inputs), as render_cfn's Parameters.
void add_variables(const Plan& plan, HclBody& file) {
  const Options& o = plan.options;
  const Inputs& in = plan.inputs;
  if (in.vpc) variable(file, "vpc_id", "string", "VPC of the target groups and the Cloud Map namespace", std::nullopt);
  if (in.subnets) {
    variable(file, "subnets", "list(string)", "private subnets of the tasks (awsvpc) and of internal load balancers",
             list_default(o.subnets));
  }
  if (in.security_groups) {
    variable(file, "security_groups", "list(string)",
             "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)",
             list_default(o.security_groups));
  }
  if (in.public_subnets) variable(file, "public_subnets", "list(string)", "public subnets of internet-facing load balancers", std::nullopt);
  if (in.load_balancer_security_groups) {
    variable(file, "load_balancer_security_groups", "list(string)",
             "security groups of the Application Load Balancers (must reach the tasks' ports)", std::nullopt);
  }
  if (in.cluster) variable(file, "cluster", "string", "ECS cluster of the services", text(o.cluster.empty() ? "default" : o.cluster));
  variable(file, "execution_role_arn", "string",
           "task execution role ARN; empty: this module creates one (ECR pulls, logs, and reading this namespace's "
           "parameters and secrets)",
           text(o.execution_role_arn));
  if (in.certificate) variable(file, "certificate_arn", "string", "ACM certificate of the HTTPS listeners that name none", std::nullopt);
  if (in.namespace_name) {
    variable(file, "service_discovery_namespace_name", "string",
             "Cloud Map private DNS namespace: <service>.<this name> resolves to the tasks (the default keeps the "
             "Kubernetes names <service>.<namespace>.svc.cluster.local working)",
             text(plan.cloud_map ? plan.cloud_map->default_name : plan.namespace_name + ".svc.cluster.local"));
  }
}

/// The partition, region and account of the provider, the execution role ARN and the cluster ARN.
void add_data_and_locals(const Plan& plan, const Module& m, HclBody& file) {
  (void)file.block("data", {"aws_partition", "current"});
  (void)file.block("data", {"aws_region", "current"});
  (void)file.block("data", {"aws_caller_identity", "current"});
  HclBody& locals = file.block("locals");
  locals.attribute("partition", raw("data.aws_partition.current.partition"));
  locals.attribute("region", raw("data.aws_region.current.name"));
  locals.attribute("account_id", raw("data.aws_caller_identity.current.account_id"));
  locals.attribute("execution_role_arn", raw("var.execution_role_arn != \"\" ? var.execution_role_arn : " +
                                             m.address(plan.execution_role->id) + "[0].arn"));
  if (plan.inputs.cluster) {
    locals.attribute("cluster_arn", raw("\"arn:${local.partition}:ecs:${local.region}:${local.account_id}:cluster/${var.cluster}\""));
  }
}

std::string parameter_prefix(const Plan& plan) {
  std::string prefix = plan.options.parameter_prefix.empty() ? "/" : plan.options.parameter_prefix;
  if (prefix.front() != '/') prefix.insert(prefix.begin(), '/');
  if (prefix.back() != '/') prefix += '/';
  return prefix;
}

HclExpr allow(const char* action, HclExpr resource) {
  return HclExpr::object({{"Effect", text("Allow")}, {"Action", HclExpr::strings({action})}, {"Resource", std::move(resource)}});
}

/// jsonencode of an IAM policy document (its statements hold Terraform templates).
HclExpr policy_json(HclExpr statements) {
  return HclExpr::call("jsonencode", HclExpr::object({{"Version", text("2012-10-17")}, {"Statement", std::move(statements)}}));
}

const char* kCreateExecutionRole = "var.execution_role_arn == \"\" ? 1 : 0";

/// The execution role (only when no ARN is given: count 0 or 1), its managed policy and the
/// inline policy that reads this namespace's parameters and secrets.
void add_execution_role(const Plan& plan, Module& m) {
  const Role& exec = *plan.execution_role;
  const std::string& ns = plan.namespace_name;
  HclBody& role = m.resource(exec.id);
  role.attribute("count", raw(kCreateExecutionRole));
  role.attribute("assume_role_policy", HclExpr::call("jsonencode", HclExpr::from_node(trust_policy(kEcsTasksService))));
  const std::string role_name = m.address(exec.id) + "[0].name";
  HclBody& attach = m.file.block("resource", {"aws_iam_role_policy_attachment", m.names.at(exec.id.name)});
  attach.attribute("count", raw(kCreateExecutionRole));
  attach.attribute("role", raw(role_name));
  attach.attribute("policy_arn", raw("\"arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\""));
  HclExpr statements = HclExpr::list(
      {allow("ssm:GetParameters",
             raw("\"arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter" +
                 io::hcl_quote(parameter_prefix(plan) + ns + "/*").substr(1))),
       allow("secretsmanager:GetSecretValue",
             raw("\"arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:" +
                 io::hcl_quote(ns + "/*").substr(1)))});
  HclBody& policy = m.file.block("resource", {"aws_iam_role_policy", m.names.at(exec.id.name)});
  policy.attribute("count", raw(kCreateExecutionRole));
  policy.attribute("name", text(exec.policy_name));
  policy.attribute("role", raw(role_name));
  policy.attribute("policy", policy_json(std::move(statements)));
}

/// The scheduler role: runs tasks on the cluster, passes roles to ECS tasks.
void add_scheduler_roles(const Plan& plan, Module& m) {
  for (const Role& r : plan.roles) {
    if (r.purpose != Role::Purpose::kScheduler) continue;
    m.resource(r.id).attribute("assume_role_policy", HclExpr::call("jsonencode", HclExpr::from_node(trust_policy(kSchedulerService))));
    HclExpr statements = HclExpr::from_node(scheduler_statements(Node::string("")));
    statements.items().front().find("Condition")->find("ArnEquals")->set("ecs:cluster", raw("local.cluster_arn"));
    HclBody& policy = m.file.block("resource", {"aws_iam_role_policy", m.names.at(r.id.name)});
    policy.attribute("name", text(r.policy_name));
    policy.attribute("role", raw(m.attr(r.id, "id")));
    policy.attribute("policy", policy_json(std::move(statements)));
  }
}

/// SSM parameters, secrets (never a value), the Cloud Map namespace and services.
void add_stores_and_discovery(const Plan& plan, Module& m) {
  for (const Parameter& p : plan.parameters) {
    HclBody& r = m.resource(p.id);
    r.attribute("name", text(p.name));
    r.attribute("description", text(p.description));
    r.attribute("type", text("String"));
    r.attribute("value", text(p.value));
    if (p.advanced) r.attribute("tier", text("Advanced"));
  }
  for (const Secret& s : plan.secrets) {
    HclBody& r = m.resource(s.id);
    r.attribute("name", text(s.name));
    r.attribute("description", text(s.description));
  }
  if (plan.cloud_map) {
    HclBody& r = m.resource(plan.cloud_map->id);
    r.attribute("name", raw("var.service_discovery_namespace_name"));
    r.attribute("vpc", raw("var.vpc_id"));
    r.attribute("description", text(plan.cloud_map->description));
  }
  for (const DiscoveryService& d : plan.discovery) {
    HclBody& r = m.resource(d.id);
    r.attribute("name", text(d.name));
    HclBody& dns = r.block("dns_config");
    dns.attribute("namespace_id", raw(m.attr(plan.cloud_map->id, "id")));
    dns.attribute("routing_policy", text("MULTIVALUE"));
    HclBody& rec = dns.block("dns_records");
    rec.attribute("ttl", HclExpr::number(10));
    rec.attribute("type", text(d.srv ? "SRV" : "A"));
    r.block("health_check_custom_config").attribute("failure_threshold", HclExpr::number(1));
  }
}

void add_target_groups(const Plan& plan, Module& m) {
  for (const TargetGroup& tg : plan.target_groups) {
    HclBody& r = m.resource(tg.id);
    r.attribute("name", text(tg.name));
    r.attribute("protocol", text(tg.protocol));
    r.attribute("port", HclExpr::number(tg.port));
    r.attribute("target_type", text(tg.target_type));
    r.attribute("vpc_id", raw("var.vpc_id"));
    const HealthCheck& h = tg.health;
    HclBody& hc = r.block("health_check");
    // The provider's default health check protocol is HTTP for every target group; AWS's (and so
    // the cfn and api outputs') is TCP for a Network Load Balancer's: said explicitly there.
    const bool network = tg.protocol == "TCP" || tg.protocol == "UDP" || tg.protocol == "TLS" || tg.protocol == "TCP_UDP";
    if (!h.protocol.empty() || network) hc.attribute("protocol", text(h.protocol.empty() ? "TCP" : h.protocol));
    if (!h.path.empty()) hc.attribute("path", text(h.path));
    if (!h.port.empty()) hc.attribute("port", text(h.port));
    hc.attribute("interval", HclExpr::number(h.interval));
    if (h.timeout) hc.attribute("timeout", HclExpr::number(*h.timeout));
    hc.attribute("healthy_threshold", HclExpr::number(h.healthy));
    hc.attribute("unhealthy_threshold", HclExpr::number(h.unhealthy));
    if (h.http_matcher) hc.attribute("matcher", text("200-399"));  // what a Kubernetes httpGet probe accepts
  }
}

void add_default_action(const Module& m, const ListenerAction& a, HclBody& listener) {
  HclBody& action = listener.block("default_action");
  switch (a.type) {
    case ListenerAction::Type::kForward:
      action.attribute("type", text("forward"));
      action.attribute("target_group_arn", raw(m.attr(m.plan.get(a.target_group).id, "arn")));
      return;
    case ListenerAction::Type::kRedirectToHttps: {
      action.attribute("type", text("redirect"));
      HclBody& redirect = action.block("redirect");
      redirect.attribute("protocol", text("HTTPS"));
      redirect.attribute("port", text(std::to_string(a.https_port)));
      redirect.attribute("status_code", text("HTTP_301"));
      return;
    }
    case ListenerAction::Type::kFixed404: {
      action.attribute("type", text("fixed-response"));
      HclBody& fixed = action.block("fixed_response");
      fixed.attribute("content_type", text("text/plain"));
      fixed.attribute("message_body", text("no route"));
      fixed.attribute("status_code", text("404"));
      return;
    }
  }
}

void add_rule(const Module& m, const ListenerRule& rule, HclBody& r) {
  const Plan& plan = m.plan;
  r.attribute("listener_arn", raw(m.attr(plan.get(rule.listener).id, "arn")));
  r.attribute("priority", HclExpr::number(rule.priority));
  HclBody& action = r.block("action");
  action.attribute("type", text("forward"));
  action.attribute("target_group_arn", raw(m.attr(plan.get(rule.target_group).id, "arn")));
  if (!rule.hosts.empty()) r.block("condition").block("host_header").attribute("values", HclExpr::strings(rule.hosts));
  if (!rule.paths.empty()) r.block("condition").block("path_pattern").attribute("values", HclExpr::strings(rule.paths));
}

/// A listener, its further certificates (one resource for each) and its rules.
void add_listener(const Listener& l, std::size_t index, Module& m) {
  const Plan& plan = m.plan;
  HclBody& r = m.resource(l.id);
  r.attribute("load_balancer_arn", raw(m.attr(plan.get(l.load_balancer).id, "arn")));
  r.attribute("port", HclExpr::number(l.port));
  r.attribute("protocol", text(l.protocol));
  if (l.protocol == "HTTPS") r.attribute("certificate_arn", l.certificates.empty() ? raw("var.certificate_arn") : text(l.certificates.front()));
  add_default_action(m, l.action, r);
  for (const ListenerCertificate& lc : plan.listener_certificates) {
    if (lc.listener.index != index) continue;
    HclBody& c = m.resource(lc.id);
    c.attribute("for_each", HclExpr::call("toset", HclExpr::strings(lc.certificates)));
    c.attribute("listener_arn", raw(m.attr(l.id, "arn")));
    c.attribute("certificate_arn", raw("each.value"));
  }
  for (const ListenerRule& rule : plan.rules) {
    if (rule.listener.index == index) add_rule(m, rule, m.resource(rule.id));
  }
}

/// Load balancers (with outputs of their DNS names and ARNs) and their listeners.
void add_load_balancers(const Plan& plan, Module& m) {
  for (std::size_t i = 0; i < plan.load_balancers.size(); ++i) {
    const LoadBalancer& lb = plan.load_balancers[i];
    HclBody& r = m.resource(lb.id);
    r.attribute("name", text(lb.name));
    r.attribute("load_balancer_type", text(lb.alb ? "application" : "network"));
    r.attribute("internal", HclExpr::boolean(lb.scheme != "internet-facing"));
    r.attribute("subnets", raw(lb.scheme == "internet-facing" ? "var.public_subnets" : "var.subnets"));
    if (lb.alb) r.attribute("security_groups", raw("var.load_balancer_security_groups"));
    const std::string what = std::string(lb.alb ? "Ingress " : "Service ") + plan.namespace_name + "/" + lb.k8s_name;
    m.output(m.names.at(lb.id.name) + "_dns_name", what + ": DNS name", raw(m.attr(lb.id, "dns_name")));
    m.output(m.names.at(lb.id.name) + "_arn", what + ": ARN", raw(m.attr(lb.id, "arn")));
    for (std::size_t li = 0; li < plan.listeners.size(); ++li) {
      if (plan.listeners[li].load_balancer.index == i) add_listener(plan.listeners[li], li, m);
    }
  }
}

HclExpr depends_on(const Module& m, const std::vector<AnyRef>& refs) {
  std::vector<HclExpr> items;
  for (const AnyRef& r : refs) items.push_back(raw(m.address(m.plan.identity(r))));
  return HclExpr::list(std::move(items));
}

HclExpr security_groups(const std::vector<std::string>& own) {
  return own.empty() ? raw("var.security_groups") : HclExpr::strings(own);
}

/// The container definitions as HCL objects, the plan's secrets referenced by their ARNs.
HclExpr container_definitions(const Module& m, const TaskDefinition& def) {
  HclExpr containers = HclExpr::from_node(def.body.find("containerDefinitions") ? *def.body.find("containerDefinitions") : Node::array());
  for (const SecretUse& u : def.secret_uses) {
    HclExpr& entry = containers.items().at(u.container).find("secrets")->items().at(u.entry);
    entry.set("valueFrom", interpolate("", m.attr(m.plan.get(u.secret).id, "arn"), u.suffix));
  }
  if (m.plan.options.region.empty()) {
    for (HclExpr& c : containers.items()) {
      HclExpr* lc = c.find("logConfiguration");
      HclExpr* options = lc != nullptr ? lc->find("options") : nullptr;
      if (options != nullptr && options->find("awslogs-region") != nullptr) options->set("awslogs-region", raw("local.region"));
    }
  }
  return HclExpr::call("jsonencode", std::move(containers));
}

/// A task definition (and its task role): the plan's roles and secrets wired in.
void add_task_definition(const Workload& w, Module& m) {
  const Plan& plan = m.plan;
  const TaskDefinition& def = plan.get(w.task_definition);
  if (w.task_role) {
    const Role& role = plan.get(*w.task_role);
    HclBody& r = m.resource(role.id);
    r.attribute("name", text(role.role_name));
    r.attribute("assume_role_policy", HclExpr::call("jsonencode", HclExpr::from_node(trust_policy(kEcsTasksService))));
  }
  HclBody& r = m.resource(def.id);
  r.attribute("family", text(def.family));
  r.attribute("container_definitions", container_definitions(m, def));
  std::vector<std::string_view> skip = {"family", "containerDefinitions"};
  if (def.plan_execution_role) skip.emplace_back("executionRoleArn");
  if (w.task_role) skip.emplace_back("taskRoleArn");
  add_terraform_arguments(def.body, r, skip);
  if (def.plan_execution_role) r.attribute("execution_role_arn", raw("local.execution_role_arn"));
  if (w.task_role) r.attribute("task_role_arn", raw(m.attr(plan.get(*w.task_role).id, "arn")));
  if (!def.depends_on.empty()) r.attribute("depends_on", depends_on(m, def.depends_on));
}

void add_service_network(const Service& s, HclBody& r) {
  const Node* nc = s.body.find("networkConfiguration");
  const Node* vpc = nc != nullptr ? nc->find("awsvpcConfiguration") : nullptr;
  if (vpc == nullptr) return;
  HclBody& b = r.block("network_configuration");
  b.attribute("subnets", raw("var.subnets"));
  b.attribute("security_groups", security_groups(s.security_groups));
  add_terraform_arguments(*vpc, b, {"subnets", "securityGroups"});
}

/// An ECS service: the API input respelled, wired to the plan's cluster, task definition, target
/// groups, Cloud Map service and subnets.
void add_service(const Service& s, Module& m) {
  const Plan& plan = m.plan;
  HclBody& r = m.resource(s.id);
  if (const Node* name = s.body.find("serviceName")) r.attribute("name", HclExpr::from_node(*name));
  r.attribute("cluster", raw("var.cluster"));
  r.attribute("task_definition", raw(m.attr(plan.get(s.task_definition).id, "arn")));
  add_terraform_arguments(s.body, r,
                          {"serviceName", "cluster", "taskDefinition", "clientToken", "loadBalancers", "serviceRegistries",
                           "healthCheckGracePeriodSeconds", "networkConfiguration"});
  add_service_network(s, r);
  for (const ServiceTarget& target : s.targets) {
    HclBody& lb = r.block("load_balancer");
    lb.attribute("target_group_arn", raw(m.attr(plan.get(target.target_group).id, "arn")));
    lb.attribute("container_name", text(target.container));
    lb.attribute("container_port", HclExpr::number(target.container_port));
  }
  if (const Node* g = s.body.find("healthCheckGracePeriodSeconds"); g != nullptr && !s.targets.empty()) {
    r.attribute("health_check_grace_period_seconds", HclExpr::from_node(*g));
  }
  if (s.registry) {
    HclBody& reg = r.block("service_registries");
    reg.attribute("registry_arn", raw(m.attr(plan.get(s.registry->service).id, "arn")));
    if (!s.registry->container.empty()) reg.attribute("container_name", text(s.registry->container));
    if (s.registry->container_port) reg.attribute("container_port", HclExpr::number(*s.registry->container_port));
  }
  if (!s.depends_on.empty()) r.attribute("depends_on", depends_on(m, s.depends_on));
}

/// Application Auto Scaling of a service: its scalable target and target-tracking policies.
void add_scaling(const Workload& w, Module& m) {
  const Plan& plan = m.plan;
  for (const Ref<ScalableTarget>& ref : w.scalable_targets) {
    const ScalableTarget& st = plan.get(ref);
    HclBody& r = m.resource(st.id);
    r.attribute("max_capacity", HclExpr::from_node(*st.input.find("MaxCapacity")));
    r.attribute("min_capacity", HclExpr::from_node(*st.input.find("MinCapacity")));
    r.attribute("resource_id", raw("\"service/${var.cluster}/${" + m.attr(plan.get(st.service).id, "name") + "}\""));
    r.attribute("scalable_dimension", text("ecs:service:DesiredCount"));
    r.attribute("service_namespace", text("ecs"));
  }
  for (std::size_t pi : w.scaling_policies) {
    const ScalingPolicy& sp = plan.scaling_policies[pi];
    const Resource& target = plan.get(sp.target).id;
    HclBody& r = m.resource(sp.id);
    r.attribute("name", text(sp.policy_name));
    r.attribute("policy_type", text("TargetTrackingScaling"));
    r.attribute("resource_id", raw(m.attr(target, "resource_id")));
    r.attribute("scalable_dimension", raw(m.attr(target, "scalable_dimension")));
    r.attribute("service_namespace", raw(m.attr(target, "service_namespace")));
    if (const Node* cfg = sp.input.find("TargetTrackingScalingPolicyConfiguration")) {
      add_terraform_arguments(*cfg, r.block("target_tracking_scaling_policy_configuration"));
    }
  }
}

/// An EventBridge Scheduler schedule running a CronJob's task on the cluster.
void add_schedule(const Schedule& s, Module& m) {
  const Plan& plan = m.plan;
  HclBody& r = m.resource(s.id);
  r.attribute("name", text(s.name));
  r.attribute("description", text(s.description));
  r.attribute("schedule_expression", text(s.expression));
  r.attribute("schedule_expression_timezone", text(s.time_zone));
  if (s.disabled) r.attribute("state", text("DISABLED"));
  r.block("flexible_time_window").attribute("mode", text("OFF"));
  HclBody& target = r.block("target");
  target.attribute("arn", raw("local.cluster_arn"));
  target.attribute("role_arn", raw(m.attr(plan.get(s.role).id, "arn")));
  HclBody& ecs = target.block("ecs_parameters");
  ecs.attribute("task_definition_arn", raw(m.attr(plan.get(s.task_definition).id, "arn")));
  ecs.attribute("launch_type", text(plan.options.fargate ? "FARGATE" : "EC2"));
  ecs.attribute("task_count", HclExpr::number(1));
  if (s.awsvpc) {
    HclBody& nc = ecs.block("network_configuration");
    nc.attribute("subnets", raw("var.subnets"));
    nc.attribute("security_groups", security_groups(s.security_groups));
    nc.attribute("assign_public_ip", HclExpr::boolean(false));
  }
}

/// The log groups the task definitions' default awslogs configurations write to.
void add_log_groups(Module& m) {
  for (const LogGroup& g : m.plan.log_groups) {
    HclBody& r = m.resource(g.id);
    r.attribute("name", text(g.name));
    r.attribute("retention_in_days", HclExpr::number(g.retention_days));
  }
}

void add_workloads(Module& m) {
  for (const Workload& w : m.plan.workloads) {
    add_task_definition(w, m);
    const TaskDefinition& def = m.plan.get(w.task_definition);
    m.output(m.names.at(def.id.name) + "_arn", "task definition " + def.family, raw(m.attr(def.id, "arn")));
    if (w.schedule) add_schedule(m.plan.schedules[w.schedule->index], m);
    if (w.service) add_service(m.plan.get(*w.service), m);
    add_scaling(w, m);
  }
}

}  // namespace

std::string render_terraform(const Plan& plan) {
  Module m(plan);
  name_resources(plan, m);
  add_terraform_block(m.file);
  add_variables(plan, m.file);
  add_data_and_locals(plan, m, m.file);
  add_execution_role(plan, m);
  add_scheduler_roles(plan, m);
  add_stores_and_discovery(plan, m);
  add_target_groups(plan, m);
  add_load_balancers(plan, m);
  add_log_groups(m);
  add_workloads(m);
  if (plan.cloud_map) {
    m.output("service_discovery_namespace_name", "Cloud Map namespace: <service>.<name> resolves to the tasks",
             raw(m.attr(plan.cloud_map->id, "name")));
  }
  std::string out = "# specconv: ECS resources for Kubernetes namespace " + plan.namespace_name + "\n\n" + io::write_hcl(m.file);
  if (!m.outputs.empty()) out += "\n" + io::write_hcl(m.outputs);
  return out;
}

}  // namespace specconv::aws
