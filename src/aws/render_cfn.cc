// Plan -> CloudFormation template (see render_cfn.h). One pass over the plan, in the order of the
// template: roles, stores, Cloud Map, target groups, load balancers with their listeners, then
// each workload's task role, task definition, schedule, service and scaling.
#include "aws/render_cfn.h"

#include <algorithm>
#include <optional>

#include "aws/shapes.h"
#include "io/key_spelling.h"

namespace specconv::aws {
namespace {

using io::Node;
using io::str;

Node cfn_ref(const std::string& id) {
  Node n = Node::object();
  n.set("Ref", str(id));
  return n;
}

Node get_att(const std::string& id, const std::string& attribute) {
  Node a = Node::array();
  a.push(str(id));
  a.push(str(attribute));
  Node n = Node::object();
  n.set("Fn::GetAtt", std::move(a));
  return n;
}

Node sub(const std::string& text) {
  Node n = Node::object();
  n.set("Fn::Sub", str(text));
  return n;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

void erase_member(Node& obj, const std::string& key) {
  auto& m = obj.members();
  m.erase(std::remove_if(m.begin(), m.end(), [&](const Node::Member& x) { return x.first == key; }), m.end());
}

/// Cluster ARN for a scheduler target.
Node cluster_arn() { return sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${Cluster}"); }

Node security_groups(const std::vector<std::string>& own) { return own.empty() ? cfn_ref("SecurityGroups") : Node::strings(own); }

/// The template being written: its Resources and Outputs.
struct Template {
  Node resources = Node::object();
  Node outputs = Node::object();

  Node& add(const std::string& id, const std::string& type, Node props) {
    Node r = Node::object();
    r.set("Type", str(type));
    r.set("Properties", std::move(props));
    return resources.set(id, std::move(r));
  }
};

/// Parameters: what manifests cannot say (the plan's inputs).
Node parameters(const Plan& plan) {
  const Options& o = plan.options;
  Node params = Node::object();
  auto param = [&](const std::string& name, const std::string& type, const std::string& description,
                   const std::optional<std::string>& def) {
    Node p = Node::object();
    p.set("Type", str(type));
    p.set("Description", str(description));
    if (def) p.set("Default", str(*def));
    params.set(name, std::move(p));
  };
  const Inputs& in = plan.inputs;
  if (in.vpc) param("VpcId", "AWS::EC2::VPC::Id", "VPC of the target groups and the Cloud Map namespace", std::nullopt);
  if (in.subnets) {
    param("Subnets", "List<AWS::EC2::Subnet::Id>", "private subnets of the tasks (awsvpc) and of internal load balancers",
          o.subnets.empty() ? std::nullopt : std::optional<std::string>(join(o.subnets, ",")));
  }
  if (in.security_groups) {
    param("SecurityGroups", "List<AWS::EC2::SecurityGroup::Id>",
          "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)",
          o.security_groups.empty() ? std::nullopt : std::optional<std::string>(join(o.security_groups, ",")));
  }
  if (in.public_subnets) {
    param("PublicSubnets", "List<AWS::EC2::Subnet::Id>", "public subnets of internet-facing load balancers", std::nullopt);
  }
  if (in.load_balancer_security_groups) {
    param("LoadBalancerSecurityGroups", "List<AWS::EC2::SecurityGroup::Id>",
          "security groups of the Application Load Balancers (must reach the tasks' ports)", std::nullopt);
  }
  if (in.cluster) param("Cluster", "String", "ECS cluster of the services", o.cluster.empty() ? "default" : o.cluster);
  param("ExecutionRoleArn", "String",
        "task execution role ARN; empty: the template creates one (ECR pulls, logs, and reading this namespace's "
        "parameters and secrets)",
        o.execution_role_arn);
  if (in.certificate) param("CertificateArn", "String", "ACM certificate of the HTTPS listeners that name none", std::nullopt);
  if (in.namespace_name) {
    param("ServiceDiscoveryNamespaceName", "String",
          "Cloud Map private DNS namespace: <service>.<this name> resolves to the tasks (the default keeps the "
          "Kubernetes names <service>.<namespace>.svc.cluster.local working)",
          plan.cloud_map ? plan.cloud_map->default_name : plan.namespace_name + ".svc.cluster.local");
  }
  return params;
}

/// The execution role (made only when no ARN is given: Condition CreateExecutionRole) and the
/// scheduler role.
void add_roles(const Plan& plan, Template& t) {
  const Role& exec = *plan.execution_role;
  std::string prefix = plan.options.parameter_prefix.empty() ? "/" : plan.options.parameter_prefix;
  if (prefix.front() != '/') prefix.insert(prefix.begin(), '/');
  if (prefix.back() != '/') prefix += '/';
  auto read = [](const char* action, const std::string& resource) {
    Node st = Node::object();
    st.set("Effect", str("Allow"));
    st.set("Action", Node::strings({action}));
    st.set("Resource", sub(resource));
    return st;
  };
  Node statements = Node::array();
  statements.push(read("ssm:GetParameters", "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter" + prefix +
                                                plan.namespace_name + "/*"));
  statements.push(read("secretsmanager:GetSecretValue",
                       "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:" + plan.namespace_name + "/*"));
  auto inline_policy = [](const std::string& name, Node statements_) {
    Node policy = Node::object();
    policy.set("PolicyName", str(name));
    policy.set("PolicyDocument", policy_document(std::move(statements_)));
    return list_of(std::move(policy));
  };
  Node props = Node::object();
  props.set("AssumeRolePolicyDocument", trust_policy(kEcsTasksService));
  props.set("ManagedPolicyArns", list_of(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")));
  props.set("Policies", inline_policy(exec.policy_name, std::move(statements)));
  t.add(exec.id.name, "AWS::IAM::Role", std::move(props)).set("Condition", str("CreateExecutionRole"));
  for (const Role& r : plan.roles) {
    if (r.purpose != Role::Purpose::kScheduler) continue;
    Node sp = Node::object();
    sp.set("AssumeRolePolicyDocument", trust_policy(kSchedulerService));
    sp.set("Policies", inline_policy(r.policy_name, scheduler_statements(cluster_arn())));
    t.add(r.id.name, "AWS::IAM::Role", std::move(sp));
  }
}

/// SSM parameters, secrets, the Cloud Map namespace and services.
void add_stores_and_discovery(const Plan& plan, Template& t) {
  for (const Parameter& p : plan.parameters) {
    Node props = Node::object();
    props.set("Name", str(p.name));
    props.set("Description", str(p.description));
    props.set("Type", str("String"));
    props.set("Value", str(p.value));
    if (p.advanced) props.set("Tier", str("Advanced"));
    t.add(p.id.name, "AWS::SSM::Parameter", std::move(props));
  }
  for (const Secret& s : plan.secrets) t.add(s.id.name, "AWS::SecretsManager::Secret", secret_properties(s));
  if (plan.cloud_map) {
    Node props = Node::object();
    props.set("Name", cfn_ref("ServiceDiscoveryNamespaceName"));
    props.set("Vpc", cfn_ref("VpcId"));
    props.set("Description", str(plan.cloud_map->description));
    t.add(plan.cloud_map->id.name, "AWS::ServiceDiscovery::PrivateDnsNamespace", std::move(props));
  }
  for (const DiscoveryService& d : plan.discovery) {
    t.add(d.id.name, "AWS::ServiceDiscovery::Service", discovery_service_properties(d, cfn_ref(plan.cloud_map->id.name)));
  }
}

void add_target_groups(const Plan& plan, Template& t) {
  for (const TargetGroup& tg : plan.target_groups) {
    t.add(tg.id.name, "AWS::ElasticLoadBalancingV2::TargetGroup",
          target_group_properties(tg, cfn_ref("VpcId"), MemberOrder::kCloudFormation));
  }
}

/// A listener, its further certificates and its rules.
void add_listener(const Plan& plan, const Listener& l, std::size_t index, Template& t) {
  Node lp = Node::object();
  lp.set("LoadBalancerArn", cfn_ref(plan.get(l.load_balancer).id.name));
  lp.set("Port", Node::integer(l.port));
  lp.set("Protocol", str(l.protocol));
  if (l.protocol == "HTTPS") {
    // The listener's default certificate; the others are listener certificates.
    Node c = Node::object();
    c.set("CertificateArn", l.certificates.empty() ? cfn_ref("CertificateArn") : str(l.certificates.front()));
    lp.set("Certificates", list_of(std::move(c)));
  }
  const Node tg = l.action.type == ListenerAction::Type::kForward ? cfn_ref(plan.get(l.action.target_group).id.name) : Node();
  lp.set("DefaultActions", list_of(listener_action(l.action, tg)));
  t.add(l.id.name, "AWS::ElasticLoadBalancingV2::Listener", std::move(lp));
  for (const ListenerCertificate& lc : plan.listener_certificates) {
    if (lc.listener.index != index) continue;
    Node certs = Node::array();
    for (const auto& arn : lc.certificates) {
      Node c = Node::object();
      c.set("CertificateArn", str(arn));
      certs.push(std::move(c));
    }
    Node cp = Node::object();
    cp.set("ListenerArn", cfn_ref(l.id.name));
    cp.set("Certificates", std::move(certs));
    t.add(lc.id.name, "AWS::ElasticLoadBalancingV2::ListenerCertificate", std::move(cp));
  }
  for (const ListenerRule& r : plan.rules) {
    if (r.listener.index != index) continue;
    Node rp = Node::object();
    rp.set("ListenerArn", cfn_ref(l.id.name));
    rp.set("Priority", Node::integer(r.priority));
    rp.set("Conditions", rule_conditions(r.hosts, r.paths));
    rp.set("Actions", list_of(forward_action(cfn_ref(plan.get(r.target_group).id.name))));
    t.add(r.id.name, "AWS::ElasticLoadBalancingV2::ListenerRule", std::move(rp));
  }
}

/// Load balancers (with a DNS name output each) and their listeners.
void add_load_balancers(const Plan& plan, Template& t) {
  for (std::size_t i = 0; i < plan.load_balancers.size(); ++i) {
    const LoadBalancer& lb = plan.load_balancers[i];
    Node props = Node::object();
    props.set("Name", str(lb.name));
    props.set("Type", str(lb.alb ? "application" : "network"));
    props.set("Scheme", str(lb.scheme));
    props.set("Subnets", cfn_ref(lb.scheme == "internet-facing" ? "PublicSubnets" : "Subnets"));
    if (lb.alb) props.set("SecurityGroups", cfn_ref("LoadBalancerSecurityGroups"));
    t.add(lb.id.name, "AWS::ElasticLoadBalancingV2::LoadBalancer", std::move(props));
    Node out = Node::object();
    out.set("Description", str(std::string(lb.alb ? "Ingress " : "Service ") + plan.namespace_name + "/" + lb.k8s_name));
    out.set("Value", get_att(lb.id.name, "DNSName"));
    t.outputs.set(lb.id.name + "DnsName", std::move(out));
    for (std::size_t li = 0; li < plan.listeners.size(); ++li) {
      if (plan.listeners[li].load_balancer.index == i) add_listener(plan, plan.listeners[li], li, t);
    }
  }
}

Node depends_on(const Plan& plan, const std::vector<AnyRef>& refs) {
  Node deps = Node::array();
  for (const AnyRef& r : refs) deps.push(str(plan.identity(r).name));
  return deps;
}

/// A task definition (and its task role): the plan's roles and secrets wired in.
void add_task_definition(const Plan& plan, const Workload& w, const Node& execution_role, Template& t) {
  const TaskDefinition& def = plan.get(w.task_definition);
  Node td = io::to_pascal_keys(def.body);
  if (w.task_role) {
    const Role& role = plan.get(*w.task_role);
    Node rp = Node::object();
    rp.set("RoleName", str(role.role_name));
    rp.set("AssumeRolePolicyDocument", trust_policy(kEcsTasksService));
    t.add(role.id.name, "AWS::IAM::Role", std::move(rp));
    td.set("TaskRoleArn", get_att(role.id.name, "Arn"));
  }
  if (def.plan_execution_role) td.set("ExecutionRoleArn", execution_role);
  if (Node* defs = td.find("ContainerDefinitions"); defs != nullptr && plan.options.region.empty()) {
    for (Node& c : defs->items()) {
      Node* lc = c.find("LogConfiguration");
      Node* options = lc != nullptr ? lc->find("Options") : nullptr;
      Node* region = options != nullptr ? options->find("awslogs-region") : nullptr;
      if (region != nullptr && region->is_string() && region->text() == "REGION") *region = cfn_ref("AWS::Region");
    }
  }
  for (const SecretUse& u : def.secret_uses) {
    Node& entry = td.find("ContainerDefinitions")->items()[u.container].find("Secrets")->items()[u.entry];
    entry.set("ValueFrom", sub("${" + plan.get(u.secret).id.name + "}" + u.suffix));
  }
  Node& res = t.add(def.id.name, "AWS::ECS::TaskDefinition", std::move(td));
  if (!def.depends_on.empty()) res.set("DependsOn", depends_on(plan, def.depends_on));
}

/// An ECS service: the API input respelled, wired to the plan's cluster, task definition, target
/// groups, Cloud Map service and subnets.
void add_service(const Plan& plan, const Service& s, Template& t) {
  Node svc = io::to_pascal_keys(s.body);
  erase_member(svc, "ClientToken");
  svc.set("Cluster", cfn_ref("Cluster"));
  svc.set("TaskDefinition", cfn_ref(plan.get(s.task_definition).id.name));
  erase_member(svc, "LoadBalancers");
  erase_member(svc, "HealthCheckGracePeriodSeconds");
  if (!s.targets.empty()) {
    Node lbs = Node::array();
    for (const ServiceTarget& target : s.targets) {
      Node lb = Node::object();
      lb.set("ContainerName", str(target.container));
      lb.set("ContainerPort", Node::integer(target.container_port));
      lb.set("TargetGroupArn", cfn_ref(plan.get(target.target_group).id.name));
      lbs.push(std::move(lb));
    }
    svc.set("LoadBalancers", std::move(lbs));
    if (const Node* g = s.body.find("healthCheckGracePeriodSeconds")) svc.set("HealthCheckGracePeriodSeconds", *g);
  }
  if (s.registry) {
    Node reg = Node::object();
    reg.set("RegistryArn", get_att(plan.get(s.registry->service).id.name, "Arn"));
    if (!s.registry->container.empty()) reg.set("ContainerName", str(s.registry->container));
    if (s.registry->container_port) reg.set("ContainerPort", Node::integer(*s.registry->container_port));
    svc.set("ServiceRegistries", list_of(std::move(reg)));
  }
  if (Node* nc = svc.find("NetworkConfiguration")) {
    if (Node* vpc = nc->find("AwsvpcConfiguration")) {
      vpc->set("Subnets", cfn_ref("Subnets"));
      vpc->set("SecurityGroups", security_groups(s.security_groups));
    }
  }
  Node& res = t.add(s.id.name, "AWS::ECS::Service", std::move(svc));
  if (!s.depends_on.empty()) res.set("DependsOn", depends_on(plan, s.depends_on));
}

/// Application Auto Scaling of a service: its scalable target and target-tracking policies.
void add_scaling(const Plan& plan, const Workload& w, Template& t) {
  for (const Ref<ScalableTarget>& ref : w.scalable_targets) {
    const ScalableTarget& st = plan.get(ref);
    Node parts = Node::array();
    parts.push(str("service"));
    parts.push(cfn_ref("Cluster"));
    parts.push(get_att(plan.get(st.service).id.name, "Name"));
    Node rid = Node::array();
    rid.push(str("/"));
    rid.push(std::move(parts));
    Node join_node = Node::object();
    join_node.set("Fn::Join", std::move(rid));
    Node p = Node::object();
    p.set("MaxCapacity", *st.input.find("MaxCapacity"));
    p.set("MinCapacity", *st.input.find("MinCapacity"));
    p.set("ResourceId", std::move(join_node));
    p.set("ScalableDimension", str("ecs:service:DesiredCount"));
    p.set("ServiceNamespace", str("ecs"));
    t.add(st.id.name, "AWS::ApplicationAutoScaling::ScalableTarget", std::move(p))
        .set("DependsOn", list_of(str(plan.get(st.service).id.name)));
  }
  for (std::size_t pi : w.scaling_policies) {
    const ScalingPolicy& sp = plan.scaling_policies[pi];
    Node p = Node::object();
    p.set("PolicyName", str(sp.policy_name));
    p.set("PolicyType", str("TargetTrackingScaling"));
    p.set("ScalingTargetId", cfn_ref(plan.get(sp.target).id.name));
    if (const Node* cfg = sp.input.find("TargetTrackingScalingPolicyConfiguration")) {
      p.set("TargetTrackingScalingPolicyConfiguration", *cfg);
    }
    t.add(sp.id.name, "AWS::ApplicationAutoScaling::ScalingPolicy", std::move(p));
  }
}

/// The log groups the task definitions' default awslogs configurations write to.
void add_log_groups(const Plan& plan, Template& t) {
  for (const LogGroup& g : plan.log_groups) {
    Node props = Node::object();
    props.set("LogGroupName", str(g.name));
    props.set("RetentionInDays", Node::integer(g.retention_days));
    t.add(g.id.name, "AWS::Logs::LogGroup", std::move(props));
  }
}

void add_workloads(const Plan& plan, Template& t) {
  Node execution_role = Node::object();
  {
    Node a = Node::array();
    a.push(str("CreateExecutionRole"));
    a.push(get_att(plan.execution_role->id.name, "Arn"));
    a.push(cfn_ref("ExecutionRoleArn"));
    execution_role.set("Fn::If", std::move(a));
  }
  for (const Workload& w : plan.workloads) {
    add_task_definition(plan, w, execution_role, t);
    if (w.schedule) {
      const Schedule& s = plan.schedules[w.schedule->index];
      t.add(s.id.name, "AWS::Scheduler::Schedule",
            schedule_properties(Node::object(), s, plan.options.fargate,
                                {cluster_arn(), get_att(plan.get(s.role).id.name, "Arn"),
                                 cfn_ref(plan.get(s.task_definition).id.name), cfn_ref("Subnets"),
                                 security_groups(s.security_groups)}));
    }
    if (w.service) add_service(plan, plan.get(*w.service), t);
    add_scaling(plan, w, t);
  }
}

}  // namespace

Node render_cfn(const Plan& plan) {
  Template t;
  add_roles(plan, t);
  add_stores_and_discovery(plan, t);
  add_target_groups(plan, t);
  add_load_balancers(plan, t);
  add_log_groups(plan, t);
  add_workloads(plan, t);
  if (plan.cloud_map) {
    Node out = Node::object();
    out.set("Description", str("Cloud Map namespace: <service>.<name> resolves to the tasks"));
    out.set("Value", cfn_ref("ServiceDiscoveryNamespaceName"));
    t.outputs.set("ServiceDiscoveryNamespaceName", std::move(out));
  }
  Node doc = Node::object();
  doc.set("AWSTemplateFormatVersion", str("2010-09-09"));
  doc.set("Description", str("specconv: ECS resources for Kubernetes namespace " + plan.namespace_name));
  doc.set("Parameters", parameters(plan));
  Node eq = Node::array();
  eq.push(cfn_ref("ExecutionRoleArn"));
  eq.push(str(""));
  Node c = Node::object();
  c.set("Fn::Equals", std::move(eq));
  Node conditions = Node::object();
  conditions.set("CreateExecutionRole", std::move(c));
  doc.set("Conditions", std::move(conditions));
  doc.set("Resources", std::move(t.resources));
  if (t.outputs.size() > 0) doc.set("Outputs", std::move(t.outputs));
  return doc;
}

}  // namespace specconv::aws
