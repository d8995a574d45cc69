// The namespace wiring plan and its CloudFormation / API-call renderings (see template.h).
#include "cfn/template.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "ecs/writer.h"
#include "io/json_write.h"

namespace specconv::cfn {
namespace {

using io::Node;
using io::str;

// ---------------------------------------------------------------- small helpers

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

/// ELBv2 listener rule conditions (host-header, path-pattern), shared by the template and the
/// API call plan.
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

Node list_of(Node one) {
  Node a = Node::array();
  a.push(std::move(one));
  return a;
}

/// IAM statement: may pass any role to ECS tasks (what EventBridge Scheduler needs to run them).
Node pass_role_to_ecs_tasks_statement();

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

void erase_member(Node& obj, const std::string& key) {
  auto& m = obj.members();
  m.erase(std::remove_if(m.begin(), m.end(), [&](const Node::Member& x) { return x.first == key; }), m.end());
}

/// Unique logical ids within one template.
class Ids {
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

std::string placeholder_or(const std::string& v, const char* placeholder) { return v.empty() ? placeholder : v; }

/// The ECS name of a Kubernetes name, restricted to what an ELB name allows ([A-Za-z0-9-], 32).
std::string elb_name(const std::string& ns, const std::string& name) {
  std::string base = (ns == "default" ? "" : ns + "-") + name;
  std::string out;
  for (char c : base) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
  if (out.size() > 32) out = out.substr(0, 32);
  while (!out.empty() && out.back() == '-') out.pop_back();
  while (!out.empty() && out.front() == '-') out.erase(out.begin());
  if (out.rfind("internal-", 0) == 0) out = "i" + out;
  return out.empty() ? "lb" : out;
}

// ---------------------------------------------------------------- the plan

struct HealthCheck {
  std::string protocol;  // HTTP, HTTPS, TCP; "" = the target group's default
  std::string path;
  std::string port;      // "" = traffic port
  std::optional<int64_t> interval;
  std::optional<int64_t> timeout;
  std::optional<int64_t> unhealthy;
};

struct TargetGroupPlan {
  std::string id;
  std::string name;
  bool alb = true;
  std::string protocol;  // HTTP, TCP, UDP
  int64_t port = 0;
  std::string target_type = "ip";
  HealthCheck health;
  std::size_t workload = 0;
  std::string container;
  int64_t container_port = 0;
  bool attached = false;
  std::vector<std::string> attached_by;  // listener / rule ids
};

struct RulePlan {
  std::string id;
  std::vector<std::string> hosts;
  std::vector<std::string> paths;
  int64_t priority = 0;
  std::size_t target_group = 0;
};

struct ListenerPlan {
  std::string id;
  std::string protocol;
  int64_t port = 0;
  std::vector<std::string> certificates;
  bool redirect = false;
  std::optional<std::size_t> default_target_group;
  std::vector<RulePlan> rules;
};

/// The default action of an HTTP listener that redirects to the load balancer's HTTPS listener
/// (port 443 when there is none), shared by the template and the API plan.
Node redirect_to_https_action(const std::vector<ListenerPlan>& listeners) {
  int64_t https_port = 443;
  for (const auto& x : listeners) {
    if (x.protocol == "HTTPS") https_port = x.port;
  }
  Node rc = Node::object();
  rc.set("Protocol", str("HTTPS"));
  rc.set("Port", str(std::to_string(https_port)));
  rc.set("StatusCode", str("HTTP_301"));
  Node action = Node::object();
  action.set("Type", str("redirect"));
  action.set("RedirectConfig", std::move(rc));
  return action;
}

struct LoadBalancerPlan {
  std::string id;
  std::string name;  // ELB name
  std::string k8s_name;
  bool alb = true;
  std::string scheme = "internal";
  std::vector<ListenerPlan> listeners;
};

struct DiscoveryPlan {
  std::string id;
  std::string name;
  bool srv = false;
};

struct Plan {
  std::vector<LoadBalancerPlan> lbs;
  std::vector<TargetGroupPlan> tgs;
  std::vector<DiscoveryPlan> discovery;
  std::vector<std::optional<std::size_t>> workload_discovery;  // per workload
  std::vector<std::string> workload_ids;                       // per workload: logical id base
  bool any_https_without_certificate = false;
  bool any_internet_facing = false;
};

HealthCheck health_from(const model::Workload& w, const model::LoadBalancerBinding& b, bool alb) {
  HealthCheck h;
  for (const auto& c : w.containers) {
    if (c.name != b.container || !c.readiness || c.readiness->kind != model::Probe::Kind::kHttpGet) continue;
    const model::Probe& p = *c.readiness;
    h.protocol = p.scheme == "HTTPS" ? "HTTPS" : "HTTP";
    h.path = p.path.empty() ? "/" : p.path;
    if (p.port != 0 && p.port != b.container_port) h.port = std::to_string(p.port);
    h.interval = p.interval_seconds;
    h.timeout = p.timeout_seconds;
    h.unhealthy = p.failure_threshold;
  }
  if (!b.health_check_path.empty()) {
    h.path = b.health_check_path;
    if (h.protocol.empty()) h.protocol = "HTTP";
  }
  if (alb && h.protocol.empty()) {
    h.protocol = "HTTP";
    h.path = "/";
  }
  return h;
}

Plan make_plan(const NamespaceInput& in, Ids& ids, Diagnostics& diags) {
  Plan plan;
  std::map<std::string, std::size_t> lb_index;  // "alb:<name>" / "nlb:<name>"
  std::map<std::string, std::size_t> discovery_index;
  for (std::size_t wi = 0; wi < in.workloads.size(); ++wi) {
    const k8s::LinkedWorkload& lw = *in.workloads[wi].linked;
    const model::Workload& w = lw.workload;
    plan.workload_ids.push_back(logical_id(ecs::ecs_name(w.name)));
    plan.workload_discovery.emplace_back();
    if (in.workloads[wi].service.is_null()) continue;  // tasks only: not reachable through a load balancer
    const bool host_mode = w.network_mode == model::NetworkMode::kHost;
    for (const model::LoadBalancerBinding& b : w.load_balancers) {
      const bool alb = b.type == model::LoadBalancerType::kApplication;
      const std::string key = std::string(alb ? "alb:" : "nlb:") + b.load_balancer_name;
      auto [it, fresh] = lb_index.emplace(key, plan.lbs.size());
      if (fresh) {
        LoadBalancerPlan lb;
        lb.k8s_name = b.load_balancer_name;
        lb.name = elb_name(in.namespace_name, b.load_balancer_name);
        lb.id = ids.make(b.load_balancer_name, alb ? "LoadBalancer" : "NetworkLoadBalancer");
        lb.alb = alb;
        lb.scheme = b.scheme == "internet-facing" ? "internet-facing" : "internal";
        if (lb.scheme == "internet-facing") plan.any_internet_facing = true;
        plan.lbs.push_back(std::move(lb));
      }
      LoadBalancerPlan& lb = plan.lbs[it->second];
      TargetGroupPlan tg;
      tg.id = ids.make(b.target_group_name, "TargetGroup");
      tg.name = b.target_group_name;
      tg.alb = alb;
      tg.protocol = alb ? "HTTP" : (b.listeners.empty() ? "TCP" : b.listeners[0].protocol);
      tg.port = b.container_port;
      tg.target_type = host_mode ? "instance" : "ip";
      tg.health = health_from(w, b, alb);
      tg.workload = wi;
      tg.container = b.container;
      tg.container_port = b.container_port;
      const std::size_t tgi = plan.tgs.size();
      plan.tgs.push_back(tg);
      for (const model::Listener& l : b.listeners) {
        auto li = std::find_if(lb.listeners.begin(), lb.listeners.end(),
                               [&](const ListenerPlan& x) { return x.port == l.port; });
        if (li == lb.listeners.end()) {
          ListenerPlan nl;
          nl.protocol = l.protocol;
          nl.port = l.port;
          nl.id = ids.make(lb.k8s_name, (alb ? "" : "Nlb") + std::string("Listener") + l.protocol + std::to_string(l.port));
          lb.listeners.push_back(nl);
          li = lb.listeners.end() - 1;
        } else if (li->protocol != l.protocol) {
          diags.warning("listener-conflict", lw.where,
                        "load balancer \"" + lb.k8s_name + "\" port " + std::to_string(l.port) + " is both " + li->protocol +
                            " and " + l.protocol + "; " + li->protocol + " is kept");
          continue;
        }
        for (const auto& c : l.certificate_arns) {
          if (std::find(li->certificates.begin(), li->certificates.end(), c) == li->certificates.end()) li->certificates.push_back(c);
        }
        li->redirect = li->redirect || l.redirects_to_https;
        if (!alb) {
          if (li->default_target_group) {
            diags.warning("listener-conflict", lw.where,
                          "Service \"" + lb.k8s_name + "\" port " + std::to_string(l.port) + " selects more than one workload; "
                          "the Network Load Balancer listener forwards to the first one only");
          } else {
            li->default_target_group = tgi;
          }
          continue;
        }
        for (const model::HttpRoute& r : b.routes) {
          if (!r.priority) {
            if (!li->default_target_group) li->default_target_group = tgi;
            continue;
          }
          RulePlan rule;
          rule.hosts = r.hosts;
          rule.paths = r.paths;
          rule.priority = *r.priority;
          rule.target_group = tgi;
          li->rules.push_back(rule);
        }
      }
    }
    // Cloud Map: one registry per ECS service (an ECS limit); the first ClusterIP Service wins.
    for (std::size_t ri = 0; ri < w.registries.size(); ++ri) {
      const model::DiscoveryRegistration& r = w.registries[ri];
      if (plan.workload_discovery[wi]) {
        if (plan.discovery[*plan.workload_discovery[wi]].name != r.name) {
          diags.warning("service-discovery-limit", lw.where,
                        "Service \"" + r.name + "\" also selects \"" + w.name + "\", but an ECS service registers in one "
                        "Cloud Map service only: it is reachable as " + plan.discovery[*plan.workload_discovery[wi]].name +
                        " only");
        }
        continue;
      }
      auto [it, fresh] = discovery_index.emplace(r.name, plan.discovery.size());
      if (fresh) {
        DiscoveryPlan d;
        d.name = r.name;
        d.id = ids.make(r.name, "Discovery");
        d.srv = host_mode;
        plan.discovery.push_back(d);
      }
      plan.workload_discovery[wi] = it->second;
    }
  }
  // Rules in priority order; listener ids for DependsOn.
  for (auto& lb : plan.lbs) {
    // Listeners that redirect carry no rules.
    for (auto& l : lb.listeners) {
      if (l.protocol == "HTTPS" && l.certificates.empty()) plan.any_https_without_certificate = true;
      if (l.redirect) {
        l.rules.clear();
        l.default_target_group.reset();
        continue;
      }
      // Kubernetes picks the rule of the matching host first, then the longest matching path (Exact
      // before Prefix of the same length); ALB takes the lowest priority that matches. So: rules
      // with a host first, then longer paths first, Exact before Prefix, then Ingress order.
      auto specificity = [](const RulePlan& r) -> int64_t {
        if (r.paths.empty()) return 0;
        const std::string& p = r.paths[0];
        const bool exact = r.paths.size() == 1 && p.find('*') == std::string::npos;
        const int64_t len = p == "/*" ? 1 : static_cast<int64_t>(p.size());
        return len * 2 + (exact ? 1 : 0);
      };
      std::stable_sort(l.rules.begin(), l.rules.end(), [&](const RulePlan& a, const RulePlan& b) {
        if (a.hosts.empty() != b.hosts.empty()) return !a.hosts.empty();
        if (specificity(a) != specificity(b)) return specificity(a) > specificity(b);
        return a.priority < b.priority;
      });
      int64_t priority = 0;
      for (auto& r : l.rules) r.priority = ++priority;
      for (auto& r : l.rules) {
        r.id = ids.make(lb.k8s_name, "Rule" + std::to_string(l.port) + "P" + std::to_string(r.priority));
        plan.tgs[r.target_group].attached = true;
        plan.tgs[r.target_group].attached_by.push_back(r.id);
      }
      if (l.default_target_group) {
        plan.tgs[*l.default_target_group].attached = true;
        plan.tgs[*l.default_target_group].attached_by.push_back(l.id);
      }
    }
  }
  return plan;
}

// ---------------------------------------------------------------- CloudFormation property names

std::string cfn_key(const std::string& k, const std::string& parent) {
  if (k == "efsVolumeConfiguration") return "EFSVolumeConfiguration";
  if (k == "fsxWindowsFileServerVolumeConfiguration") return "FSxWindowsFileServerVolumeConfiguration";
  if (parent == "efsVolumeConfiguration" && k == "fileSystemId") return "FilesystemId";
  if (k == "iam") return "IAM";
  if (parent == "proxyConfiguration" && k == "properties") return "ProxyConfigurationProperties";
  if (k == "placementStrategy") return "PlacementStrategies";
  std::string out = k;
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

bool free_map(const std::string& key) {
  return key == "dockerLabels" || key == "options" || key == "driverOpts" || key == "labels";
}

Node convert_keys(const Node& n, const std::string& parent) {
  if (n.is_array()) {
    Node a = Node::array();
    for (const Node& x : n.items()) a.push(convert_keys(x, parent));
    return a;
  }
  if (!n.is_object()) return n;
  Node o = Node::object();
  for (const auto& [k, v] : n.members()) {
    if (free_map(parent)) o.set(k, v);
    else o.set(cfn_key(k, parent), convert_keys(v, k));
  }
  return o;
}

const char* kTrustEcsTasks = "ecs-tasks.amazonaws.com";

Node pass_role_to_ecs_tasks_statement() {
  Node pass = Node::object();
  pass.set("Effect", str("Allow"));
  pass.set("Action", Node::strings({"iam:PassRole"}));
  pass.set("Resource", str("*"));
  Node pass_cond = Node::object();
  pass_cond.set("iam:PassedToService", str(kTrustEcsTasks));
  Node string_like = Node::object();
  string_like.set("StringLike", std::move(pass_cond));
  pass.set("Condition", std::move(string_like));
  return pass;
}

Node trust_policy(bool as_cfn) {
  Node principal = Node::object();
  principal.set("Service", str(kTrustEcsTasks));
  Node st = Node::object();
  st.set("Effect", str("Allow"));
  st.set("Principal", std::move(principal));
  st.set("Action", str("sts:AssumeRole"));
  Node doc = Node::object();
  doc.set("Version", str("2012-10-17"));
  doc.set("Statement", list_of(std::move(st)));
  (void)as_cfn;
  return doc;
}

bool is_arn(const std::string& s) { return s.rfind("arn:", 0) == 0; }

/// Everything the namespace's tasks read: SSM parameters (String from ConfigMaps, SecureString
/// from Secrets with the ssm store) and Secrets Manager secrets.
struct Stores {
  struct Param {
    std::string id;
    std::string name;
    std::string value;
    std::string object;
  };
  std::vector<Param> params;
  struct Secret {
    std::string id;
    std::string name;
    std::vector<std::string> keys;
  };
  std::vector<Secret> secrets;
  std::map<std::string, std::string> param_id;   // parameter name -> logical id
  std::map<std::string, std::string> secret_id;  // Kubernetes secret name -> logical id
};

Stores make_stores(const NamespaceInput& in, const Options& o, Ids& ids, Diagnostics& diags) {
  Stores s;
  for (const k8s::KeyedObject* cm : in.config_maps) {
    for (const std::string& key : cm->keys) {
      auto v = std::find_if(cm->values.begin(), cm->values.end(), [&](const auto& kv) { return kv.first == key; });
      const std::string name = k8s::ssm_parameter_name(o.parameter_prefix, in.namespace_name, cm->meta.name, key);
      if (v == cm->values.end()) {
        diags.warning("config-value-skipped", cm->meta.where,
                      "ConfigMap \"" + cm->meta.name + "\" key \"" + key + "\" is binaryData: no SSM String parameter is made for it");
        continue;
      }
      if (v->second.empty() || v->second.size() > 8192) {
        diags.warning("config-value-skipped", cm->meta.where,
                      "ConfigMap \"" + cm->meta.name + "\" key \"" + key + "\" is " +
                          (v->second.empty() ? std::string("empty") : "longer than 8 KB") +
                          ", which an SSM parameter cannot hold: no parameter " + name + " is made");
        continue;
      }
      Stores::Param p;
      p.id = ids.make(cm->meta.name + "-" + key, "Parameter");
      p.name = name;
      p.value = v->second;
      p.object = cm->meta.name;
      s.param_id[name] = p.id;
      s.params.push_back(std::move(p));
    }
  }
  if (o.secrets_manager) {
    for (const k8s::KeyedObject* sec : in.secrets) {
      Stores::Secret x;
      x.id = ids.make(sec->meta.name, "Secret");
      x.name = in.namespace_name + "/" + sec->meta.name;
      x.keys = sec->keys;
      s.secret_id[sec->meta.name] = x.id;
      s.secrets.push_back(std::move(x));
    }
  } else if (!in.secrets.empty()) {
    std::vector<std::string> names;
    for (const auto* sec : in.secrets) names.push_back(sec->meta.name);
    diags.note("secure-string-parameters", in.secrets.front()->meta.where,
               "Secrets " + join(names, ", ") + " of namespace " + in.namespace_name +
                   " are read from SSM SecureString parameters, which CloudFormation and this plan cannot create with "
                   "values: create them with the file written by --emit-secret-values (or use --secret-store "
                   "secretsmanager to get Secrets Manager secrets in the template)");
  }
  return s;
}

void task_role_note(const k8s::LinkedWorkload& lw, Diagnostics& diags) {
  const std::string& role = lw.workload.task_role;
  if (role.empty()) return;
  if (is_arn(role)) {
    diags.note("irsa-task-role", lw.where,
               "task role " + role + " comes from the IRSA annotation: its trust policy must also allow " +
                   kTrustEcsTasks + " (sts:AssumeRole), as IRSA roles trust the EKS OIDC provider only");
  } else {
    diags.warning("irsa-task-role", lw.where,
                  "the IRSA annotation names \"" + role + "\", not an ARN: a role of that name trusting " + kTrustEcsTasks +
                      " is created, without permissions; attach the policies the workload needs");
  }
}

/// Cluster ARN for a scheduler target.
Node cluster_arn() { return sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${Cluster}"); }

}  // namespace

std::string eventbridge_cron(const std::string& schedule, std::string& why) {
  std::string s = schedule;
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s == "@yearly" || s == "@annually") s = "0 0 1 1 *";
  else if (s == "@monthly") s = "0 0 1 * *";
  else if (s == "@weekly") s = "0 0 * * 0";
  else if (s == "@daily" || s == "@midnight") s = "0 0 * * *";
  else if (s == "@hourly") s = "0 * * * *";
  std::vector<std::string> f;
  std::string cur;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) f.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (f.size() != 5) {
    why = "\"" + schedule + "\" is not a five-field cron expression";
    return "";
  }
  if (f[0].rfind("TZ=", 0) == 0 || f[0].rfind("CRON_TZ=", 0) == 0) {
    why = "a time zone inside the schedule is not converted";
    return "";
  }
  // Day of week: numbers move from 0-7 (Sunday 0 and 7) to 1-7 (Sunday 1); names stay.
  std::string dow;
  std::string num;
  auto flush = [&]() {
    if (num.empty()) return;
    const int v = std::stoi(num);
    dow += std::to_string(v == 7 ? 1 : v + 1);
    num.clear();
  };
  bool after_slash = false;
  for (char c : f[4]) {
    if (c >= '0' && c <= '9' && !after_slash) {
      num += c;
      continue;
    }
    flush();
    if (c == '/') after_slash = true;
    else if (c == ',' || c == '-') after_slash = false;
    dow += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  flush();
  std::string dom = f[2];
  if (dom != "*" && dow != "*") {
    why = "day of month and day of week are both set (Kubernetes runs on either); EventBridge needs one of them to be ?";
    return "";
  }
  if (dow == "*") dow = "?";
  else dom = "?";
  return "cron(" + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow + " *)";
}

std::string logical_id(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])) != 0) out = "R" + out;
  return out;
}

Node to_cfn_properties(const Node& api_input) { return convert_keys(api_input, ""); }

// ---------------------------------------------------------------- CloudFormation

Node cloudformation_template(const NamespaceInput& in, const Options& o, Diagnostics& diags) {
  Ids ids;
  for (const char* reserved : {"VpcId", "Subnets", "SecurityGroups", "PublicSubnets", "LoadBalancerSecurityGroups",
                               "Cluster", "ExecutionRoleArn", "CertificateArn", "ServiceDiscoveryNamespaceName",
                               "ServiceDiscoveryNamespace", "TaskExecutionRole", "CreateExecutionRole", "SchedulerRole"}) {
    (void)ids.make(reserved, "");
  }
  const Plan plan = make_plan(in, ids, diags);
  const Stores stores = make_stores(in, o, ids, diags);

  bool any_service = false;
  bool any_awsvpc_service = false;
  bool any_schedule = false;
  for (const auto& wi : in.workloads) {
    if (wi.linked->workload.kind == model::WorkloadKind::kCronJob) {
      any_schedule = true;
      any_service = true;  // the schedule targets the cluster
      if (wi.linked->workload.network_mode != model::NetworkMode::kHost) any_awsvpc_service = true;
    }
    if (wi.service.is_null()) continue;
    any_service = true;
    if (wi.service.find("networkConfiguration") != nullptr) any_awsvpc_service = true;
  }
  bool any_alb = false;
  for (const auto& lb : plan.lbs) any_alb = any_alb || lb.alb;
  const bool need_vpc = !plan.tgs.empty() || !plan.discovery.empty();

  Node t = Node::object();
  t.set("AWSTemplateFormatVersion", str("2010-09-09"));
  t.set("Description", str("specconv: ECS resources for Kubernetes namespace " + in.namespace_name));

  // Parameters: what manifests cannot say.
  Node params = Node::object();
  auto param = [&](const std::string& name, const std::string& type, const std::string& description,
                   const std::optional<std::string>& def) {
    Node p = Node::object();
    p.set("Type", str(type));
    p.set("Description", str(description));
    if (def) p.set("Default", str(*def));
    params.set(name, std::move(p));
  };
  if (need_vpc) param("VpcId", "AWS::EC2::VPC::Id", "VPC of the target groups and the Cloud Map namespace", std::nullopt);
  if (any_awsvpc_service || !plan.lbs.empty()) {
    param("Subnets", "List<AWS::EC2::Subnet::Id>", "private subnets of the tasks (awsvpc) and of internal load balancers",
          o.subnets.empty() ? std::nullopt : std::optional<std::string>(join(o.subnets, ",")));
  }
  if (any_awsvpc_service) {
    param("SecurityGroups", "List<AWS::EC2::SecurityGroup::Id>",
          "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)",
          o.security_groups.empty() ? std::nullopt : std::optional<std::string>(join(o.security_groups, ",")));
  }
  if (plan.any_internet_facing) {
    param("PublicSubnets", "List<AWS::EC2::Subnet::Id>", "public subnets of internet-facing load balancers", std::nullopt);
  }
  if (any_alb) {
    param("LoadBalancerSecurityGroups", "List<AWS::EC2::SecurityGroup::Id>",
          "security groups of the Application Load Balancers (must reach the tasks' ports)", std::nullopt);
  }
  if (any_service) param("Cluster", "String", "ECS cluster of the services", o.cluster.empty() ? "default" : o.cluster);
  param("ExecutionRoleArn", "String",
        "task execution role ARN; empty: the template creates one (ECR pulls, logs, and reading this namespace's "
        "parameters and secrets)",
        o.execution_role_arn);
  if (plan.any_https_without_certificate) {
    param("CertificateArn", "String", "ACM certificate of the HTTPS listeners that name none", std::nullopt);
  }
  if (!plan.discovery.empty()) {
    param("ServiceDiscoveryNamespaceName", "String",
          "Cloud Map private DNS namespace: <service>.<this name> resolves to the tasks (the default keeps the "
          "Kubernetes names <service>.<namespace>.svc.cluster.local working)",
          in.namespace_name + ".svc.cluster.local");
  }
  t.set("Parameters", std::move(params));

  Node conditions = Node::object();
  {
    Node eq = Node::array();
    eq.push(cfn_ref("ExecutionRoleArn"));
    eq.push(str(""));
    Node c = Node::object();
    c.set("Fn::Equals", std::move(eq));
    conditions.set("CreateExecutionRole", std::move(c));
  }
  t.set("Conditions", std::move(conditions));

  Node res = Node::object();
  auto resource = [&](const std::string& id, const std::string& type, Node props) -> Node& {
    Node r = Node::object();
    r.set("Type", str(type));
    r.set("Properties", std::move(props));
    return res.set(id, std::move(r));
  };
  Node execution_role_value;
  {
    Node a = Node::array();
    a.push(str("CreateExecutionRole"));
    a.push(get_att("TaskExecutionRole", "Arn"));
    a.push(cfn_ref("ExecutionRoleArn"));
    execution_role_value = Node::object();
    execution_role_value.set("Fn::If", std::move(a));
  }

  // Execution role (only when no ARN is given).
  {
    Node props = Node::object();
    props.set("AssumeRolePolicyDocument", trust_policy(true));
    props.set("ManagedPolicyArns",
              list_of(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")));
    std::string prefix = o.parameter_prefix.empty() ? "/" : o.parameter_prefix;
    if (prefix.front() != '/') prefix.insert(prefix.begin(), '/');
    if (prefix.back() != '/') prefix += '/';
    Node ssm = Node::object();
    ssm.set("Effect", str("Allow"));
    ssm.set("Action", Node::strings({"ssm:GetParameters"}));
    ssm.set("Resource", sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter" + prefix +
                            in.namespace_name + "/*"));
    Node sm = Node::object();
    sm.set("Effect", str("Allow"));
    sm.set("Action", Node::strings({"secretsmanager:GetSecretValue"}));
    sm.set("Resource", sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:" +
                           in.namespace_name + "/*"));
    Node statements = Node::array();
    statements.push(std::move(ssm));
    statements.push(std::move(sm));
    Node doc = Node::object();
    doc.set("Version", str("2012-10-17"));
    doc.set("Statement", std::move(statements));
    Node policy = Node::object();
    policy.set("PolicyName", str("read-" + ecs::ecs_name(in.namespace_name) + "-configuration"));
    policy.set("PolicyDocument", std::move(doc));
    props.set("Policies", list_of(std::move(policy)));
    Node& r = resource("TaskExecutionRole", "AWS::IAM::Role", std::move(props));
    r.set("Condition", str("CreateExecutionRole"));
  }

  // CronJobs: an EventBridge Scheduler role allowed to run the tasks.
  if (any_schedule) {
    Node principal = Node::object();
    principal.set("Service", str("scheduler.amazonaws.com"));
    Node st = Node::object();
    st.set("Effect", str("Allow"));
    st.set("Principal", std::move(principal));
    st.set("Action", str("sts:AssumeRole"));
    Node trust = Node::object();
    trust.set("Version", str("2012-10-17"));
    trust.set("Statement", list_of(std::move(st)));
    Node run = Node::object();
    run.set("Effect", str("Allow"));
    run.set("Action", Node::strings({"ecs:RunTask"}));
    run.set("Resource", str("*"));
    Node cond = Node::object();
    cond.set("ecs:cluster", cluster_arn());
    Node arn_equals = Node::object();
    arn_equals.set("ArnEquals", std::move(cond));
    run.set("Condition", std::move(arn_equals));
    Node pass = pass_role_to_ecs_tasks_statement();
    Node statements = Node::array();
    statements.push(std::move(run));
    statements.push(std::move(pass));
    Node doc = Node::object();
    doc.set("Version", str("2012-10-17"));
    doc.set("Statement", std::move(statements));
    Node policy = Node::object();
    policy.set("PolicyName", str("run-" + ecs::ecs_name(in.namespace_name) + "-cronjobs"));
    policy.set("PolicyDocument", std::move(doc));
    Node props = Node::object();
    props.set("AssumeRolePolicyDocument", std::move(trust));
    props.set("Policies", list_of(std::move(policy)));
    resource("SchedulerRole", "AWS::IAM::Role", std::move(props));
  }

  // Configuration and secrets.
  for (const auto& p : stores.params) {
    Node props = Node::object();
    props.set("Name", str(p.name));
    props.set("Description", str("ConfigMap " + in.namespace_name + "/" + p.object));
    props.set("Type", str("String"));
    props.set("Value", str(p.value));
    if (p.value.size() > 4096) props.set("Tier", str("Advanced"));
    resource(p.id, "AWS::SSM::Parameter", std::move(props));
  }
  for (const auto& s : stores.secrets) {
    Node props = Node::object();
    props.set("Name", str(s.name));
    props.set("Description", str("Secret " + s.name + " (keys " + join(s.keys, ", ") +
                                 "); no value here: put it with the file written by specconv --emit-secret-values"));
    resource(s.id, "AWS::SecretsManager::Secret", std::move(props));
  }

  // Cloud Map.
  if (!plan.discovery.empty()) {
    Node props = Node::object();
    props.set("Name", cfn_ref("ServiceDiscoveryNamespaceName"));
    props.set("Vpc", cfn_ref("VpcId"));
    props.set("Description", str("Kubernetes namespace " + in.namespace_name));
    resource("ServiceDiscoveryNamespace", "AWS::ServiceDiscovery::PrivateDnsNamespace", std::move(props));
  }
  for (const auto& d : plan.discovery) {
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
    props.set("NamespaceId", cfn_ref("ServiceDiscoveryNamespace"));
    props.set("DnsConfig", std::move(dns));
    props.set("HealthCheckCustomConfig", std::move(hc));
    resource(d.id, "AWS::ServiceDiscovery::Service", std::move(props));
  }

  // Target groups, load balancers, listeners, rules.
  for (const auto& tg : plan.tgs) {
    if (!tg.attached) continue;
    Node props = Node::object();
    props.set("Name", str(tg.name));
    props.set("Protocol", str(tg.protocol));
    props.set("Port", Node::integer(tg.port));
    props.set("TargetType", str(tg.target_type));
    props.set("VpcId", cfn_ref("VpcId"));
    const HealthCheck& h = tg.health;
    if (!h.protocol.empty()) {
      props.set("HealthCheckProtocol", str(h.protocol));
      if (!h.path.empty()) props.set("HealthCheckPath", str(h.path));
    }
    if (!h.port.empty()) props.set("HealthCheckPort", str(h.port));
    const int64_t interval = std::clamp<int64_t>(h.interval.value_or(10), 5, 300);
    int64_t timeout = std::clamp<int64_t>(h.timeout.value_or(5), 2, 120);
    if (timeout >= interval) timeout = interval - 1;
    props.set("HealthCheckIntervalSeconds", Node::integer(interval));
    if (tg.alb || h.protocol == "HTTP" || h.protocol == "HTTPS") props.set("HealthCheckTimeoutSeconds", Node::integer(timeout));
    props.set("HealthyThresholdCount", Node::integer(2));
    props.set("UnhealthyThresholdCount", Node::integer(std::clamp<int64_t>(h.unhealthy.value_or(3), 2, 10)));
    if (h.protocol == "HTTP" || h.protocol == "HTTPS") {
      Node m = Node::object();
      m.set("HttpCode", str("200-399"));  // what a Kubernetes httpGet probe accepts
      props.set("Matcher", std::move(m));
    }
    resource(tg.id, "AWS::ElasticLoadBalancingV2::TargetGroup", std::move(props));
  }
  Node outputs = Node::object();
  for (const auto& lb : plan.lbs) {
    bool used = false;
    for (const auto& l : lb.listeners) used = used || l.redirect || l.default_target_group || !l.rules.empty();
    if (!used) continue;
    Node props = Node::object();
    props.set("Name", str(lb.name));
    props.set("Type", str(lb.alb ? "application" : "network"));
    props.set("Scheme", str(lb.scheme));
    props.set("Subnets", cfn_ref(lb.scheme == "internet-facing" ? "PublicSubnets" : "Subnets"));
    if (lb.alb) props.set("SecurityGroups", cfn_ref("LoadBalancerSecurityGroups"));
    resource(lb.id, "AWS::ElasticLoadBalancingV2::LoadBalancer", std::move(props));
    Node out = Node::object();
    out.set("Description", str(std::string(lb.alb ? "Ingress " : "Service ") + in.namespace_name + "/" + lb.k8s_name));
    out.set("Value", get_att(lb.id, "DNSName"));
    outputs.set(lb.id + "DnsName", std::move(out));
    for (const auto& l : lb.listeners) {
      Node action = Node::object();
      if (l.redirect) {
        action = redirect_to_https_action(lb.listeners);
      } else if (l.default_target_group) {
        action.set("Type", str("forward"));
        action.set("TargetGroupArn", cfn_ref(plan.tgs[*l.default_target_group].id));
      } else if (lb.alb) {
        Node fr = Node::object();
        fr.set("StatusCode", str("404"));
        fr.set("ContentType", str("text/plain"));
        fr.set("MessageBody", str("no route"));
        action.set("Type", str("fixed-response"));
        action.set("FixedResponseConfig", std::move(fr));
      } else {
        continue;
      }
      Node lp = Node::object();
      lp.set("LoadBalancerArn", cfn_ref(lb.id));
      lp.set("Port", Node::integer(l.port));
      lp.set("Protocol", str(l.protocol));
      if (l.protocol == "HTTPS") {
        Node certs = Node::array();
        if (l.certificates.empty()) {
          Node c = Node::object();
          c.set("CertificateArn", cfn_ref("CertificateArn"));
          certs.push(std::move(c));
        }
        for (const auto& arn : l.certificates) {
          Node c = Node::object();
          c.set("CertificateArn", str(arn));
          certs.push(std::move(c));
          break;  // the listener's default certificate; others are listener certificates
        }
        lp.set("Certificates", std::move(certs));
      }
      lp.set("DefaultActions", list_of(std::move(action)));
      resource(l.id, "AWS::ElasticLoadBalancingV2::Listener", std::move(lp));
      if (l.certificates.size() > 1) {
        Node certs = Node::array();
        for (std::size_t i = 1; i < l.certificates.size(); ++i) {
          Node c = Node::object();
          c.set("CertificateArn", str(l.certificates[i]));
          certs.push(std::move(c));
        }
        Node cp = Node::object();
        cp.set("ListenerArn", cfn_ref(l.id));
        cp.set("Certificates", std::move(certs));
        resource(ids.make(l.id, "Certificates"), "AWS::ElasticLoadBalancingV2::ListenerCertificate", std::move(cp));
      }
      for (const auto& r : l.rules) {
        Node conds = rule_conditions(r.hosts, r.paths);
        Node fwd = Node::object();
        fwd.set("Type", str("forward"));
        fwd.set("TargetGroupArn", cfn_ref(plan.tgs[r.target_group].id));
        Node rp = Node::object();
        rp.set("ListenerArn", cfn_ref(l.id));
        rp.set("Priority", Node::integer(r.priority));
        rp.set("Conditions", std::move(conds));
        rp.set("Actions", list_of(std::move(fwd)));
        resource(r.id, "AWS::ElasticLoadBalancingV2::ListenerRule", std::move(rp));
      }
    }
  }

  // Task definitions, roles, services, scaling.
  for (std::size_t wi = 0; wi < in.workloads.size(); ++wi) {
    const WorkloadInput& w = in.workloads[wi];
    const k8s::LinkedWorkload& lw = *w.linked;
    const std::string base = plan.workload_ids[wi];
    task_role_note(lw, diags);
    Node td = to_cfn_properties(w.task_definition);
    const std::string td_id = ids.make(base, "TaskDefinition");
    if (!lw.workload.task_role.empty() && !is_arn(lw.workload.task_role)) {
      const std::string role_id = ids.make(base, "TaskRole");
      Node rp = Node::object();
      rp.set("RoleName", str(lw.workload.task_role));
      rp.set("AssumeRolePolicyDocument", trust_policy(true));
      resource(role_id, "AWS::IAM::Role", std::move(rp));
      td.set("TaskRoleArn", get_att(role_id, "Arn"));
    }
    if (o.execution_role_arn.empty() && w.task_definition.find("executionRoleArn") != nullptr) {
      // restored from an annotation: kept as written
    } else {
      td.set("ExecutionRoleArn", execution_role_value);
    }
    // Secrets Manager references to secrets of this template: the full ARN from the resource.
    if (Node* defs = td.find("ContainerDefinitions")) {
      for (Node& c : defs->items()) {
        Node* secrets = c.find("Secrets");
        if (secrets == nullptr) continue;
        for (Node& s : secrets->items()) {
          Node* vf = s.find("ValueFrom");
          if (vf == nullptr || !vf->is_string()) continue;
          const std::string v = vf->text();
          const std::string marker = ":secret:" + in.namespace_name + "/";
          const auto at = v.find(marker);
          if (at == std::string::npos) continue;
          const std::string rest = v.substr(at + marker.size());  // <secret>:<key>::
          const auto colon = rest.find(':');
          auto id = stores.secret_id.find(rest.substr(0, colon));
          if (id == stores.secret_id.end()) continue;
          *vf = sub("${" + id->second + "}" + (colon == std::string::npos ? "" : rest.substr(colon)));
        }
      }
    }
    // Order the task definition after the stores its containers read (so a stack never starts
    // a task whose parameters are missing).
    Node depends = Node::array();
    std::set<std::string> dep_seen;
    for (const auto& c : lw.workload.containers) {
      for (const auto& s : c.secret_env) {
        auto p = stores.param_id.find(s.reference);
        std::string id;
        if (p != stores.param_id.end()) id = p->second;
        else if (auto q = stores.secret_id.find(s.object); q != stores.secret_id.end() && s.store == model::SecretStore::kSecretsManager) id = q->second;
        if (!id.empty() && dep_seen.insert(id).second) depends.push(str(id));
      }
    }
    Node& td_res = resource(td_id, "AWS::ECS::TaskDefinition", std::move(td));
    if (depends.size() > 0) td_res.set("DependsOn", std::move(depends));
    if (lw.workload.kind == model::WorkloadKind::kCronJob) {
      std::string why;
      const std::string expr = eventbridge_cron(lw.schedule, why);
      if (expr.empty()) {
        diags.warning("schedule-not-converted", lw.where,
                      "CronJob \"" + lw.workload.name + "\": " + why + "; no schedule is made (the task definition is)");
        continue;
      }
      Node ecs_params = Node::object();
      ecs_params.set("TaskDefinitionArn", cfn_ref(td_id));
      ecs_params.set("LaunchType", str(o.fargate ? "FARGATE" : "EC2"));
      if (lw.workload.network_mode != model::NetworkMode::kHost) {
        Node vpc = Node::object();
        vpc.set("Subnets", cfn_ref("Subnets"));
        vpc.set("SecurityGroups", lw.security_groups.empty() ? cfn_ref("SecurityGroups") : Node::strings(lw.security_groups));
        vpc.set("AssignPublicIp", str("DISABLED"));
        Node nc = Node::object();
        nc.set("AwsvpcConfiguration", std::move(vpc));
        ecs_params.set("NetworkConfiguration", std::move(nc));
      }
      ecs_params.set("TaskCount", Node::integer(1));
      Node target = Node::object();
      target.set("Arn", cluster_arn());
      target.set("RoleArn", get_att("SchedulerRole", "Arn"));
      target.set("EcsParameters", std::move(ecs_params));
      Node window = Node::object();
      window.set("Mode", str("OFF"));
      Node props = Node::object();
      props.set("Description", str("CronJob " + in.namespace_name + "/" + lw.workload.name + " (" + lw.schedule + ")"));
      props.set("ScheduleExpression", str(expr));
      props.set("ScheduleExpressionTimezone", str("UTC"));
      props.set("FlexibleTimeWindow", std::move(window));
      props.set("Target", std::move(target));
      resource(ids.make(base, "Schedule"), "AWS::Scheduler::Schedule", std::move(props));
    }
    if (w.service.is_null()) continue;

    Node svc = to_cfn_properties(w.service);
    erase_member(svc, "ClientToken");
    svc.set("Cluster", cfn_ref("Cluster"));
    svc.set("TaskDefinition", cfn_ref(td_id));
    Node lbs = Node::array();
    Node svc_depends = Node::array();
    std::set<std::string> seen_dep;
    for (const auto& tg : plan.tgs) {
      if (tg.workload != wi || !tg.attached) continue;
      Node lb = Node::object();
      lb.set("ContainerName", str(ecs::ecs_name(tg.container)));
      lb.set("ContainerPort", Node::integer(tg.container_port));
      lb.set("TargetGroupArn", cfn_ref(tg.id));
      lbs.push(std::move(lb));
      for (const auto& d : tg.attached_by) {
        if (seen_dep.insert(d).second) svc_depends.push(str(d));
      }
    }
    erase_member(svc, "LoadBalancers");
    erase_member(svc, "HealthCheckGracePeriodSeconds");
    if (lbs.size() > 0) {
      svc.set("LoadBalancers", std::move(lbs));
      if (const Node* g = w.service.find("healthCheckGracePeriodSeconds")) svc.set("HealthCheckGracePeriodSeconds", *g);
    }
    if (const auto d = plan.workload_discovery[wi]) {
      Node reg = Node::object();
      reg.set("RegistryArn", get_att(plan.discovery[*d].id, "Arn"));
      if (plan.discovery[*d].srv) {
        for (const auto& r : lw.workload.registries) {
          if (r.name != plan.discovery[*d].name) continue;
          reg.set("ContainerName", str(ecs::ecs_name(r.container)));
          if (r.container_port) reg.set("ContainerPort", Node::integer(*r.container_port));
          break;
        }
      }
      svc.set("ServiceRegistries", list_of(std::move(reg)));
    }
    if (Node* nc = svc.find("NetworkConfiguration")) {
      if (Node* vpc = nc->find("AwsvpcConfiguration")) {
        vpc->set("Subnets", cfn_ref("Subnets"));
        vpc->set("SecurityGroups", lw.security_groups.empty() ? cfn_ref("SecurityGroups") : Node::strings(lw.security_groups));
      }
    }
    // Keep the property order of the API input for the members set above.
    const std::string svc_id = ids.make(base, "Service");
    Node& svc_res = resource(svc_id, "AWS::ECS::Service", std::move(svc));
    if (svc_depends.size() > 0) svc_res.set("DependsOn", std::move(svc_depends));

    // Application Auto Scaling from the envelopes the writer made.
    std::string target_id;
    for (const Node& call : w.autoscaling.items()) {
      const Node* api = call.find("api");
      const Node* input = call.find("input");
      if (api == nullptr || input == nullptr) continue;
      if (api->text() == "application-autoscaling:RegisterScalableTarget") {
        target_id = ids.make(base, "ScalableTarget");
        Node rid = Node::array();
        Node parts = Node::array();
        parts.push(str("service"));
        parts.push(cfn_ref("Cluster"));
        parts.push(get_att(svc_id, "Name"));
        rid.push(str("/"));
        rid.push(std::move(parts));
        Node join_node = Node::object();
        join_node.set("Fn::Join", std::move(rid));
        Node p = Node::object();
        p.set("MaxCapacity", *input->find("MaxCapacity"));
        p.set("MinCapacity", *input->find("MinCapacity"));
        p.set("ResourceId", std::move(join_node));
        p.set("ScalableDimension", str("ecs:service:DesiredCount"));
        p.set("ServiceNamespace", str("ecs"));
        Node& r = resource(target_id, "AWS::ApplicationAutoScaling::ScalableTarget", std::move(p));
        r.set("DependsOn", list_of(str(svc_id)));
      } else if (api->text() == "application-autoscaling:PutScalingPolicy" && !target_id.empty()) {
        Node p = Node::object();
        const Node* name = input->find("PolicyName");
        p.set("PolicyName", name != nullptr ? *name : str(base));
        p.set("PolicyType", str("TargetTrackingScaling"));
        p.set("ScalingTargetId", cfn_ref(target_id));
        if (const Node* cfg = input->find("TargetTrackingScalingPolicyConfiguration")) {
          p.set("TargetTrackingScalingPolicyConfiguration", *cfg);
        }
        resource(ids.make(base + "-" + (name != nullptr ? name->text() : "policy"), "ScalingPolicy"),
                 "AWS::ApplicationAutoScaling::ScalingPolicy", std::move(p));
      }
    }
  }
  if (!plan.discovery.empty()) {
    Node out = Node::object();
    out.set("Description", str("Cloud Map namespace: <service>.<name> resolves to the tasks"));
    out.set("Value", cfn_ref("ServiceDiscoveryNamespaceName"));
    outputs.set("ServiceDiscoveryNamespaceName", std::move(out));
  }
  t.set("Resources", std::move(res));
  if (outputs.size() > 0) t.set("Outputs", std::move(outputs));
  return t;
}

// ---------------------------------------------------------------- API calls

Node api_calls(const NamespaceInput& in, const Options& o, Diagnostics& diags) {
  Ids ids;
  const Plan plan = make_plan(in, ids, diags);
  const Stores stores = make_stores(in, o, ids, diags);
  const std::string region = placeholder_or(o.region, "REGION");
  const std::string account = placeholder_or(o.account_id, "ACCOUNT_ID");
  const std::string elb_arn = "arn:aws:elasticloadbalancing:" + region + ":" + account + ":";
  Node calls = Node::array();
  auto call = [&](const std::string& api, Node input) {
    Node c = Node::object();
    c.set("api", str(api));
    c.set("input", std::move(input));
    calls.push(std::move(c));
  };
  for (const auto& p : stores.params) {
    Node i = Node::object();
    i.set("Name", str(p.name));
    i.set("Description", str("ConfigMap " + in.namespace_name + "/" + p.object));
    i.set("Value", str(p.value));
    i.set("Type", str("String"));
    i.set("Overwrite", Node::boolean(true));
    if (p.value.size() > 4096) i.set("Tier", str("Advanced"));
    call("ssm:PutParameter", std::move(i));
  }
  for (const auto& s : stores.secrets) {
    Node i = Node::object();
    i.set("Name", str(s.name));
    i.set("Description", str("Secret " + s.name + " (keys " + join(s.keys, ", ") +
                             "); no value here: put it with the file written by specconv --emit-secret-values"));
    call("secretsmanager:CreateSecret", std::move(i));
  }
  for (const auto& w : in.workloads) {
    const auto& role = w.linked->workload.task_role;
    task_role_note(*w.linked, diags);
    if (!role.empty() && !is_arn(role)) {
      Node i = Node::object();
      i.set("RoleName", str(role));
      i.set("AssumeRolePolicyDocument", str(io::to_json(trust_policy(false), -1)));
      call("iam:CreateRole", std::move(i));
    }
  }
  if (!plan.discovery.empty()) {
    Node i = Node::object();
    i.set("Name", str(in.namespace_name + ".svc.cluster.local"));
    i.set("Vpc", str("vpc-REPLACE_ME"));
    i.set("Description", str("Kubernetes namespace " + in.namespace_name));
    call("servicediscovery:CreatePrivateDnsNamespace", std::move(i));
  }
  for (const auto& d : plan.discovery) {
    Node rec = Node::object();
    rec.set("Type", str(d.srv ? "SRV" : "A"));
    rec.set("TTL", Node::integer(10));
    Node dns = Node::object();
    dns.set("RoutingPolicy", str("MULTIVALUE"));
    dns.set("DnsRecords", list_of(std::move(rec)));
    Node hc = Node::object();
    hc.set("FailureThreshold", Node::integer(1));
    Node i = Node::object();
    i.set("Name", str(d.name));
    i.set("NamespaceId", str("ns-REPLACE_ME"));
    i.set("DnsConfig", std::move(dns));
    i.set("HealthCheckCustomConfig", std::move(hc));
    call("servicediscovery:CreateService", std::move(i));
  }
  for (const auto& w : in.workloads) call("ecs:RegisterTaskDefinition", w.task_definition);
  auto tg_arn = [&](const TargetGroupPlan& tg) { return elb_arn + "targetgroup/" + tg.name + "/REPLACE_ME"; };
  for (const auto& tg : plan.tgs) {
    if (!tg.attached) continue;
    Node i = Node::object();
    i.set("Name", str(tg.name));
    i.set("Protocol", str(tg.protocol));
    i.set("Port", Node::integer(tg.port));
    i.set("VpcId", str("vpc-REPLACE_ME"));
    const HealthCheck& h = tg.health;
    if (!h.protocol.empty()) i.set("HealthCheckProtocol", str(h.protocol));
    if (!h.port.empty()) i.set("HealthCheckPort", str(h.port));
    const int64_t interval = std::clamp<int64_t>(h.interval.value_or(10), 5, 300);
    int64_t timeout = std::clamp<int64_t>(h.timeout.value_or(5), 2, 120);
    if (timeout >= interval) timeout = interval - 1;
    if (!h.path.empty() && !h.protocol.empty()) i.set("HealthCheckPath", str(h.path));
    i.set("HealthCheckIntervalSeconds", Node::integer(interval));
    if (tg.alb || h.protocol == "HTTP" || h.protocol == "HTTPS") i.set("HealthCheckTimeoutSeconds", Node::integer(timeout));
    i.set("HealthyThresholdCount", Node::integer(2));
    i.set("UnhealthyThresholdCount", Node::integer(std::clamp<int64_t>(h.unhealthy.value_or(3), 2, 10)));
    if (h.protocol == "HTTP" || h.protocol == "HTTPS") {
      Node m = Node::object();
      m.set("HttpCode", str("200-399"));
      i.set("Matcher", std::move(m));
    }
    i.set("TargetType", str(tg.target_type));
    call("elbv2:CreateTargetGroup", std::move(i));
  }
  std::vector<std::pair<std::string, Node>> listeners_and_rules;
  for (const auto& lb : plan.lbs) {
    bool used = false;
    for (const auto& l : lb.listeners) used = used || l.redirect || l.default_target_group || !l.rules.empty();
    if (!used) continue;
    Node i = Node::object();
    i.set("Name", str(lb.name));
    i.set("Subnets", Node::strings({o.subnets.empty() ? std::string(ecs::kSubnetPlaceholder) : o.subnets[0]}));
    if (!o.subnets.empty()) i.set("Subnets", Node::strings(o.subnets));
    if (lb.alb) i.set("SecurityGroups", Node::strings({ecs::kSecurityGroupPlaceholder}));
    i.set("Scheme", str(lb.scheme));
    i.set("Type", str(lb.alb ? "application" : "network"));
    call("elbv2:CreateLoadBalancer", std::move(i));
    const std::string lb_arn = elb_arn + "loadbalancer/" + (lb.alb ? "app/" : "net/") + lb.name + "/REPLACE_ME";
    for (const auto& l : lb.listeners) {
      Node action = Node::object();
      if (l.redirect) {
        action = redirect_to_https_action(lb.listeners);
      } else if (l.default_target_group) {
        action.set("Type", str("forward"));
        action.set("TargetGroupArn", str(tg_arn(plan.tgs[*l.default_target_group])));
      } else if (lb.alb) {
        Node fr = Node::object();
        fr.set("StatusCode", str("404"));
        fr.set("ContentType", str("text/plain"));
        fr.set("MessageBody", str("no route"));
        action.set("Type", str("fixed-response"));
        action.set("FixedResponseConfig", std::move(fr));
      } else {
        continue;
      }
      Node li = Node::object();
      li.set("LoadBalancerArn", str(lb_arn));
      li.set("Protocol", str(l.protocol));
      li.set("Port", Node::integer(l.port));
      if (l.protocol == "HTTPS") {
        Node certs = Node::array();
        for (const auto& c : l.certificates) {
          Node x = Node::object();
          x.set("CertificateArn", str(c));
          certs.push(std::move(x));
        }
        if (l.certificates.empty()) {
          Node x = Node::object();
          x.set("CertificateArn", str("arn:aws:acm:" + region + ":" + account + ":certificate/REPLACE_ME"));
          certs.push(std::move(x));
        }
        li.set("Certificates", std::move(certs));
      }
      li.set("DefaultActions", list_of(std::move(action)));
      call("elbv2:CreateListener", std::move(li));
      const std::string listener_arn = elb_arn + "listener/" + (lb.alb ? "app/" : "net/") + lb.name + "/REPLACE_ME/" +
                                       l.protocol + "-" + std::to_string(l.port);
      for (const auto& r : l.rules) {
        Node conds = rule_conditions(r.hosts, r.paths);
        Node fwd = Node::object();
        fwd.set("Type", str("forward"));
        fwd.set("TargetGroupArn", str(tg_arn(plan.tgs[r.target_group])));
        Node ri = Node::object();
        ri.set("ListenerArn", str(listener_arn));
        ri.set("Conditions", std::move(conds));
        ri.set("Priority", Node::integer(r.priority));
        ri.set("Actions", list_of(std::move(fwd)));
        call("elbv2:CreateRule", std::move(ri));
      }
    }
  }
  for (std::size_t wi = 0; wi < in.workloads.size(); ++wi) {
    const WorkloadInput& w = in.workloads[wi];
    if (w.service.is_null()) continue;
    Node svc = w.service;
    if (const auto d = plan.workload_discovery[wi]) {
      Node reg = Node::object();
      reg.set("registryArn", str("arn:aws:servicediscovery:" + region + ":" + account + ":service/srv-REPLACE_ME"));
      if (plan.discovery[*d].srv) {
        for (const auto& r : w.linked->workload.registries) {
          if (r.name != plan.discovery[*d].name) continue;
          reg.set("containerName", str(ecs::ecs_name(r.container)));
          if (r.container_port) reg.set("containerPort", Node::integer(*r.container_port));
          break;
        }
      }
      // serviceRegistries sits after loadBalancers in the API reference order.
      Node ordered = Node::object();
      for (auto& [k, v] : svc.members()) {
        if (k == "desiredCount" || k == "launchType") {
          if (ordered.find("serviceRegistries") == nullptr) ordered.set("serviceRegistries", list_of(reg));
        }
        ordered.set(k, v);
      }
      if (ordered.find("serviceRegistries") == nullptr) ordered.set("serviceRegistries", list_of(reg));
      svc = std::move(ordered);
    }
    call("ecs:CreateService", std::move(svc));
    for (const Node& c : w.autoscaling.items()) calls.push(c);
  }
  // CronJobs: a role EventBridge Scheduler assumes to run the tasks (IAM names the account with 12
  // digits: 000000000000 stands for an unknown --account-id), then one schedule each.
  const std::string scheduler_role = ecs::ecs_name(in.namespace_name) + "-ecs-scheduler";
  bool scheduler_role_made = false;
  for (const auto& w : in.workloads) {
    const k8s::LinkedWorkload& lw = *w.linked;
    if (lw.workload.kind != model::WorkloadKind::kCronJob) continue;
    if (!scheduler_role_made) {
      scheduler_role_made = true;
      Node principal = Node::object();
      principal.set("Service", str("scheduler.amazonaws.com"));
      Node st = Node::object();
      st.set("Effect", str("Allow"));
      st.set("Principal", std::move(principal));
      st.set("Action", str("sts:AssumeRole"));
      Node trust = Node::object();
      trust.set("Version", str("2012-10-17"));
      trust.set("Statement", list_of(std::move(st)));
      Node cr = Node::object();
      cr.set("RoleName", str(scheduler_role));
      cr.set("AssumeRolePolicyDocument", str(io::to_json(trust, -1)));
      call("iam:CreateRole", std::move(cr));
      Node run = Node::object();
      run.set("Effect", str("Allow"));
      run.set("Action", Node::strings({"ecs:RunTask"}));
      run.set("Resource", str("*"));
      Node pass = pass_role_to_ecs_tasks_statement();
      Node statements = Node::array();
      statements.push(std::move(run));
      statements.push(std::move(pass));
      Node doc = Node::object();
      doc.set("Version", str("2012-10-17"));
      doc.set("Statement", std::move(statements));
      Node pr = Node::object();
      pr.set("RoleName", str(scheduler_role));
      pr.set("PolicyName", str("run-" + ecs::ecs_name(in.namespace_name) + "-cronjobs"));
      pr.set("PolicyDocument", str(io::to_json(doc, -1)));
      call("iam:PutRolePolicy", std::move(pr));
    }
    std::string why;
    const std::string expr = eventbridge_cron(lw.schedule, why);
    if (expr.empty()) {
      diags.warning("schedule-not-converted", lw.where,
                    "CronJob \"" + lw.workload.name + "\": " + why + "; no schedule is made (the task definition is)");
      continue;
    }
    const std::string family = ecs::ecs_name(lw.workload.name);
    Node ecs_params = Node::object();
    ecs_params.set("TaskDefinitionArn", str("arn:aws:ecs:" + region + ":" + account + ":task-definition/" + family));
    ecs_params.set("LaunchType", str(o.fargate ? "FARGATE" : "EC2"));
    if (lw.workload.network_mode != model::NetworkMode::kHost) {
      Node vpc = Node::object();
      vpc.set("Subnets", Node::strings(o.subnets.empty() ? std::vector<std::string>{ecs::kSubnetPlaceholder} : o.subnets));
      const std::vector<std::string> sgs = !lw.security_groups.empty() ? lw.security_groups : o.security_groups;
      vpc.set("SecurityGroups", Node::strings(sgs.empty() ? std::vector<std::string>{ecs::kSecurityGroupPlaceholder} : sgs));
      vpc.set("AssignPublicIp", str("DISABLED"));
      Node nc = Node::object();
      nc.set("awsvpcConfiguration", std::move(vpc));
      ecs_params.set("NetworkConfiguration", std::move(nc));
    }
    ecs_params.set("TaskCount", Node::integer(1));
    Node target = Node::object();
    target.set("Arn", str("arn:aws:ecs:" + region + ":" + account + ":cluster/" + (o.cluster.empty() ? "default" : o.cluster)));
    target.set("RoleArn", str("arn:aws:iam::" + (o.account_id.empty() ? std::string("000000000000") : o.account_id) +
                              ":role/" + scheduler_role));
    target.set("EcsParameters", std::move(ecs_params));
    Node window = Node::object();
    window.set("Mode", str("OFF"));
    Node i = Node::object();
    i.set("Name", str(family));
    i.set("Description", str("CronJob " + in.namespace_name + "/" + lw.workload.name + " (" + lw.schedule + ")"));
    i.set("ScheduleExpression", str(expr));
    i.set("ScheduleExpressionTimezone", str("UTC"));
    i.set("FlexibleTimeWindow", std::move(window));
    i.set("Target", std::move(target));
    call("scheduler:CreateSchedule", std::move(i));
  }
  return calls;
}

}  // namespace specconv::cfn
