// Plan -> ordered AWS API calls (see render_api.h). One pass over the plan in creation order:
// stores, task roles, Cloud Map, task definitions, target groups, load balancers with their
// listeners and rules, services with their scaling, then the scheduler role and the schedules.
#include "aws/render_api.h"

#include "aws/shapes.h"
#include "ecs/writer.h"
#include "io/json_write.h"

namespace specconv::aws {
namespace {

using io::Node;
using io::str;

std::string placeholder_or(const std::string& v, const char* placeholder) { return v.empty() ? placeholder : v; }

/// The calls being written, and how ARNs of the plan's resources are spelled.
struct Calls {
  Node list = Node::array();
  std::string region;
  std::string account;

  void add(const std::string& api, Node input) {
    Node c = Node::object();
    c.set("api", str(api));
    c.set("input", std::move(input));
    list.push(std::move(c));
  }
  /// iam:CreateRole of a role assumed by `service` (the policy document as a JSON string).
  void create_role(const std::string& name, const char* service) {
    Node i = Node::object();
    i.set("RoleName", str(name));
    i.set("AssumeRolePolicyDocument", str(io::to_json(trust_policy(service), -1)));
    add("iam:CreateRole", std::move(i));
  }
  std::string elb_arn(const std::string& rest) const { return "arn:aws:elasticloadbalancing:" + region + ":" + account + ":" + rest; }
  std::string target_group_arn(const TargetGroup& tg) const { return elb_arn("targetgroup/" + tg.name + "/REPLACE_ME"); }
  std::string load_balancer_path(const LoadBalancer& lb) const { return std::string(lb.alb ? "app/" : "net/") + lb.name + "/REPLACE_ME"; }
};

std::vector<std::string> or_placeholder(const std::vector<std::string>& v, const char* placeholder) {
  return v.empty() ? std::vector<std::string>{placeholder} : v;
}

/// SSM parameters, secrets (without values) and the task roles.
void add_stores_and_task_roles(const Plan& plan, Calls& calls) {
  for (const Parameter& p : plan.parameters) {
    Node i = Node::object();
    i.set("Name", str(p.name));
    i.set("Description", str(p.description));
    i.set("Value", str(p.value));
    i.set("Type", str("String"));
    i.set("Overwrite", Node::boolean(true));
    if (p.advanced) i.set("Tier", str("Advanced"));
    calls.add("ssm:PutParameter", std::move(i));
  }
  for (const Secret& s : plan.secrets) calls.add("secretsmanager:CreateSecret", secret_properties(s));
  for (const Role& r : plan.roles) {
    if (r.purpose == Role::Purpose::kTask) calls.create_role(r.role_name, kEcsTasksService);
  }
}

void add_cloud_map(const Plan& plan, Calls& calls) {
  if (plan.cloud_map) {
    Node i = Node::object();
    i.set("Name", str(plan.cloud_map->default_name));
    i.set("Vpc", str("vpc-REPLACE_ME"));
    i.set("Description", str(plan.cloud_map->description));
    calls.add("servicediscovery:CreatePrivateDnsNamespace", std::move(i));
  }
  for (const DiscoveryService& d : plan.discovery) {
    calls.add("servicediscovery:CreateService", discovery_service_properties(d, str("ns-REPLACE_ME")));
  }
}

void add_target_groups(const Plan& plan, Calls& calls) {
  for (const TargetGroup& tg : plan.target_groups) {
    calls.add("elbv2:CreateTargetGroup", target_group_properties(tg, str("vpc-REPLACE_ME"), MemberOrder::kApiReference));
  }
}

/// A listener and its rules (all of its certificates in the listener).
void add_listener(const Plan& plan, const Listener& l, std::size_t index, Calls& calls) {
  const LoadBalancer& lb = plan.get(l.load_balancer);
  Node li = Node::object();
  li.set("LoadBalancerArn", str(calls.elb_arn("loadbalancer/" + calls.load_balancer_path(lb))));
  li.set("Protocol", str(l.protocol));
  li.set("Port", Node::integer(l.port));
  if (l.protocol == "HTTPS") {
    Node certs = Node::array();
    for (const auto& c : l.certificates.empty()
                             ? std::vector<std::string>{"arn:aws:acm:" + calls.region + ":" + calls.account + ":certificate/REPLACE_ME"}
                             : l.certificates) {
      Node x = Node::object();
      x.set("CertificateArn", str(c));
      certs.push(std::move(x));
    }
    li.set("Certificates", std::move(certs));
  }
  const Node tg = l.action.type == ListenerAction::Type::kForward ? str(calls.target_group_arn(plan.get(l.action.target_group)))
                                                                   : Node();
  li.set("DefaultActions", list_of(listener_action(l.action, tg)));
  calls.add("elbv2:CreateListener", std::move(li));
  const std::string listener_arn =
      calls.elb_arn("listener/" + calls.load_balancer_path(lb) + "/" + l.protocol + "-" + std::to_string(l.port));
  for (const ListenerRule& r : plan.rules) {
    if (r.listener.index != index) continue;
    Node ri = Node::object();
    ri.set("ListenerArn", str(listener_arn));
    ri.set("Conditions", rule_conditions(r.hosts, r.paths));
    ri.set("Priority", Node::integer(r.priority));
    ri.set("Actions", list_of(forward_action(str(calls.target_group_arn(plan.get(r.target_group))))));
    calls.add("elbv2:CreateRule", std::move(ri));
  }
}

void add_load_balancers(const Plan& plan, Calls& calls) {
  for (std::size_t i = 0; i < plan.load_balancers.size(); ++i) {
    const LoadBalancer& lb = plan.load_balancers[i];
    Node in = Node::object();
    in.set("Name", str(lb.name));
    in.set("Subnets", Node::strings(or_placeholder(plan.options.subnets, ecs::kSubnetPlaceholder)));
    if (lb.alb) in.set("SecurityGroups", Node::strings({ecs::kSecurityGroupPlaceholder}));
    in.set("Scheme", str(lb.scheme));
    in.set("Type", str(lb.alb ? "application" : "network"));
    calls.add("elbv2:CreateLoadBalancer", std::move(in));
    for (std::size_t li = 0; li < plan.listeners.size(); ++li) {
      if (plan.listeners[li].load_balancer.index == i) add_listener(plan, plan.listeners[li], li, calls);
    }
  }
}

/// CreateService as the writer made it, registered in its Cloud Map service (serviceRegistries
/// after loadBalancers, in the API reference order); then its scaling calls.
void add_service(const Plan& plan, const Service& s, const Workload& w, Calls& calls) {
  Node svc = s.body;
  if (s.registry) {
    Node reg = Node::object();
    // Names the Cloud Map service whose id replaces REPLACE_ME: a namespace may hold several.
    reg.set("registryArn", str("arn:aws:servicediscovery:" + calls.region + ":" + calls.account + ":service/srv-REPLACE_ME-" +
                               plan.get(s.registry->service).name));
    if (!s.registry->container.empty()) reg.set("containerName", str(s.registry->container));
    if (s.registry->container_port) reg.set("containerPort", Node::integer(*s.registry->container_port));
    Node ordered = Node::object();
    for (auto& [k, v] : svc.members()) {
      if ((k == "desiredCount" || k == "launchType") && ordered.find("serviceRegistries") == nullptr) {
        ordered.set("serviceRegistries", list_of(reg));
      }
      ordered.set(k, v);
    }
    if (ordered.find("serviceRegistries") == nullptr) ordered.set("serviceRegistries", list_of(reg));
    svc = std::move(ordered);
  }
  calls.add("ecs:CreateService", std::move(svc));
  for (const Ref<ScalableTarget>& t : w.scalable_targets) {
    calls.add("application-autoscaling:RegisterScalableTarget", plan.get(t).input);
  }
  for (std::size_t pi : w.scaling_policies) {
    calls.add("application-autoscaling:PutScalingPolicy", plan.scaling_policies[pi].input);
  }
}

/// The role EventBridge Scheduler assumes to run the tasks (IAM names the account with 12 digits:
/// 000000000000 stands for an unknown --account-id), then one schedule per CronJob.
void add_schedules(const Plan& plan, Calls& calls) {
  const Options& o = plan.options;
  for (const Role& r : plan.roles) {
    if (r.purpose != Role::Purpose::kScheduler) continue;
    calls.create_role(r.role_name, kSchedulerService);
    Node pr = Node::object();
    pr.set("RoleName", str(r.role_name));
    pr.set("PolicyName", str(r.policy_name));
    pr.set("PolicyDocument", str(io::to_json(policy_document(scheduler_statements(Node())), -1)));
    calls.add("iam:PutRolePolicy", std::move(pr));
  }
  const std::string ecs_arn = "arn:aws:ecs:" + calls.region + ":" + calls.account + ":";
  for (const Schedule& s : plan.schedules) {
    Node name = Node::object();
    name.set("Name", str(s.name));
    const std::vector<std::string>& sgs = s.security_groups.empty() ? o.security_groups : s.security_groups;
    ScheduleTarget target{str(ecs_arn + "cluster/" + (o.cluster.empty() ? "default" : o.cluster)),
                          str("arn:aws:iam::" + (o.account_id.empty() ? std::string("000000000000") : o.account_id) +
                              ":role/" + plan.get(s.role).role_name),
                          str(ecs_arn + "task-definition/" + s.name),
                          Node::strings(or_placeholder(o.subnets, ecs::kSubnetPlaceholder)),
                          Node::strings(or_placeholder(sgs, ecs::kSecurityGroupPlaceholder)),
                          "awsvpcConfiguration"};
    calls.add("scheduler:CreateSchedule", schedule_properties(std::move(name), s, o.fargate, std::move(target)));
  }
}

/// The task definitions' log groups (before the tasks that write to them), with their retention.
void add_log_groups(const Plan& plan, Calls& calls) {
  for (const LogGroup& g : plan.log_groups) {
    Node create = Node::object();
    create.set("logGroupName", str(g.name));
    calls.add("logs:CreateLogGroup", std::move(create));
    Node retention = Node::object();
    retention.set("logGroupName", str(g.name));
    retention.set("retentionInDays", Node::integer(g.retention_days));
    calls.add("logs:PutRetentionPolicy", std::move(retention));
  }
}

}  // namespace

Node render_api(const Plan& plan) {
  Calls calls;
  calls.region = placeholder_or(plan.options.region, "REGION");
  calls.account = placeholder_or(plan.options.account_id, "ACCOUNT_ID");
  add_stores_and_task_roles(plan, calls);
  add_cloud_map(plan, calls);
  add_log_groups(plan, calls);
  for (const TaskDefinition& td : plan.task_definitions) calls.add("ecs:RegisterTaskDefinition", td.body);
  add_target_groups(plan, calls);
  add_load_balancers(plan, calls);
  for (const Workload& w : plan.workloads) {
    if (w.service) add_service(plan, plan.get(*w.service), w, calls);
  }
  add_schedules(plan, calls);
  return std::move(calls.list);
}

}  // namespace specconv::aws
