// Load balancers, listeners, rules, target groups and Cloud Map of a plan (see build_network.h).
#include "aws/build_network.h"

#include <algorithm>
#include <map>
#include <set>

#include "ecs/writer.h"

namespace specconv::aws {
namespace {

/// The target group's health check from the readiness probe of the bound container (httpGet)
/// or the load balancer's health check path, in the ranges ELB accepts.
HealthCheck health_from(const model::Workload& w, const model::LoadBalancerBinding& b, bool alb) {
  HealthCheck h;
  std::optional<int64_t> interval;
  std::optional<int64_t> timeout;
  std::optional<int64_t> unhealthy;
  std::optional<int64_t> healthy;
  for (const auto& c : w.containers) {
    if (c.name != b.container || !c.readiness || c.readiness->kind != model::Probe::Kind::kHttpGet) continue;
    const model::Probe& p = *c.readiness;
    h.protocol = p.scheme == "HTTPS" ? "HTTPS" : "HTTP";
    h.path = p.path.empty() ? "/" : p.path;
    if (p.port != 0 && p.port != b.container_port) h.port = std::to_string(p.port);
    interval = p.interval_seconds;
    timeout = p.timeout_seconds;
    unhealthy = p.failure_threshold;
    healthy = p.success_threshold;
  }
  if (!b.health_check_path.empty()) {
    h.path = b.health_check_path;
    if (h.protocol.empty()) h.protocol = "HTTP";
  }
  if (alb && h.protocol.empty()) {
    h.protocol = "HTTP";
    h.path = "/";
  }
  if (h.protocol.empty()) h.path.clear();
  h.interval = std::clamp<int64_t>(interval.value_or(10), 5, 300);
  const bool http = h.protocol == "HTTP" || h.protocol == "HTTPS";
  if (alb || http) h.timeout = std::min(std::clamp<int64_t>(timeout.value_or(5), 2, 120), h.interval - 1);
  h.unhealthy = std::clamp<int64_t>(unhealthy.value_or(3), 2, 10);
  h.healthy = std::clamp<int64_t>(healthy.value_or(2), 2, 10);
  h.http_matcher = http;
  return h;
}

/// The listener of `lb` on the port of `l`, made when new; nullptr (reported) when the port is
/// taken by another protocol.
DraftListener* listener_for(DraftLoadBalancer& dlb, const model::Listener& l, const k8s::LinkedWorkload& lw,
                            LogicalNames& names, Diagnostics& diags) {
  auto& listeners = dlb.listeners;
  auto li = std::find_if(listeners.begin(), listeners.end(), [&](const DraftListener& x) { return x.port == l.port; });
  if (li == listeners.end()) {
    DraftListener nl;
    nl.protocol = l.protocol;
    nl.port = l.port;
    nl.id = names.make(dlb.lb.k8s_name, (dlb.lb.alb ? "" : "Nlb") + std::string("Listener") + l.protocol + std::to_string(l.port));
    listeners.push_back(nl);
    return &listeners.back();
  }
  if (li->protocol != l.protocol) {
    diags.warning("listener-conflict", lw.where,
                  "load balancer \"" + dlb.lb.k8s_name + "\" port " + std::to_string(l.port) + " is both " + li->protocol +
                      " and " + l.protocol + "; " + li->protocol + " is kept");
    return nullptr;
  }
  return &*li;
}

/// The listeners of one binding of a workload to a load balancer, forwarding to target group `tgi`.
void add_listeners(DraftLoadBalancer& dlb, const model::LoadBalancerBinding& b, std::size_t tgi,
                   const k8s::LinkedWorkload& lw, LogicalNames& names, Diagnostics& diags) {
  for (const model::Listener& l : b.listeners) {
    DraftListener* li = listener_for(dlb, l, lw, names, diags);
    if (li == nullptr) continue;
    for (const auto& c : l.certificate_arns) {
      if (std::find(li->certificates.begin(), li->certificates.end(), c) == li->certificates.end()) li->certificates.push_back(c);
    }
    li->redirect = li->redirect || l.redirects_to_https;
    if (!dlb.lb.alb) {
      if (li->default_target_group) {
        diags.warning("listener-conflict", lw.where,
                      "Service \"" + dlb.lb.k8s_name + "\" port " + std::to_string(l.port) + " selects more than one workload; "
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
      li->rules.push_back({"", r.hosts, r.paths, *r.priority, tgi});
    }
  }
}

/// One binding of workload `wi` to a load balancer: the load balancer (made when new), a target
/// group, and the listeners.
void add_binding(const NamespaceInput& in, std::size_t wi, const model::LoadBalancerBinding& b,
                 std::map<std::string, std::size_t>& lb_index, LogicalNames& names, NetworkDraft& draft, Diagnostics& diags) {
  const k8s::LinkedWorkload& lw = *in.workloads[wi].linked;
  const bool alb = b.type == model::LoadBalancerType::kApplication;
  auto [it, fresh] = lb_index.emplace(std::string(alb ? "alb:" : "nlb:") + b.load_balancer_name, draft.load_balancers.size());
  if (fresh) {
    DraftLoadBalancer dlb;
    dlb.lb.k8s_name = b.load_balancer_name;
    dlb.lb.name = elb_name(in.namespace_name, b.load_balancer_name);
    dlb.lb.id = {Kind::kLoadBalancer, names.make(b.load_balancer_name, alb ? "LoadBalancer" : "NetworkLoadBalancer")};
    dlb.lb.alb = alb;
    dlb.lb.scheme = b.scheme == "internet-facing" ? "internet-facing" : "internal";
    if (dlb.lb.scheme == "internet-facing") draft.any_internet_facing = true;
    draft.load_balancers.push_back(std::move(dlb));
  }
  DraftTargetGroup dtg;
  dtg.tg.id = {Kind::kTargetGroup, names.make(b.target_group_name, "TargetGroup")};
  dtg.tg.name = b.target_group_name;
  dtg.tg.protocol = alb ? "HTTP" : (b.listeners.empty() ? "TCP" : b.listeners[0].protocol);
  dtg.tg.port = b.container_port;
  dtg.tg.target_type = lw.workload.network_mode == model::NetworkMode::kHost ? "instance" : "ip";
  dtg.tg.health = health_from(lw.workload, b, alb);
  dtg.workload = wi;
  dtg.container = b.container;
  dtg.container_port = b.container_port;
  draft.target_groups.push_back(std::move(dtg));
  add_listeners(draft.load_balancers[it->second], b, draft.target_groups.size() - 1, lw, names, diags);
}

/// Cloud Map: one registry per ECS service (an ECS limit); the first ClusterIP Service wins.
void add_registries(std::size_t wi, const k8s::LinkedWorkload& lw, std::map<std::string, std::size_t>& discovery_index,
                    LogicalNames& names, NetworkDraft& draft, Diagnostics& diags) {
  const model::Workload& w = lw.workload;
  for (const model::DiscoveryRegistration& r : w.registries) {
    if (const auto& mine = draft.workload_discovery[wi]) {
      if (draft.discovery[*mine].name != r.name) {
        diags.warning("service-discovery-limit", lw.where,
                      "Service \"" + r.name + "\" also selects \"" + w.name + "\", but an ECS service registers in one "
                      "Cloud Map service only: it is reachable as " + draft.discovery[*mine].name + " only");
      }
      continue;
    }
    auto [it, fresh] = discovery_index.emplace(r.name, draft.discovery.size());
    if (fresh) {
      DiscoveryService d;
      d.name = r.name;
      d.id = {Kind::kDiscoveryService, names.make(r.name, "Discovery")};
      d.srv = w.network_mode == model::NetworkMode::kHost;
      draft.discovery.push_back(d);
    }
    draft.workload_discovery[wi] = it->second;
  }
}

/// Kubernetes picks the rule of the matching host first, then the longest matching path (Exact
/// before Prefix of the same length); ALB takes the lowest priority that matches. So: rules with a
/// host first, then longer paths first, Exact before Prefix, then Ingress order; numbered 1, 2, ...
void order_rules(const std::string& k8s_name, DraftListener& l, LogicalNames& names) {
  auto specificity = [](const DraftRule& r) -> int64_t {
    if (r.paths.empty()) return 0;
    const std::string& p = r.paths[0];
    const bool exact = r.paths.size() == 1 && p.find('*') == std::string::npos;
    const int64_t len = p == "/*" ? 1 : static_cast<int64_t>(p.size());
    return len * 2 + (exact ? 1 : 0);
  };
  std::stable_sort(l.rules.begin(), l.rules.end(), [&](const DraftRule& a, const DraftRule& b) {
    if (a.hosts.empty() != b.hosts.empty()) return !a.hosts.empty();
    if (specificity(a) != specificity(b)) return specificity(a) > specificity(b);
    return a.priority < b.priority;
  });
  int64_t priority = 0;
  for (auto& r : l.rules) r.priority = ++priority;
  for (auto& r : l.rules) r.id = names.make(k8s_name, "Rule" + std::to_string(l.port) + "P" + std::to_string(r.priority));
}

/// The default action of a listener: redirect to the load balancer's HTTPS listener (443 when
/// there is none), forward, or (ALB) a fixed 404; nullopt for an NLB listener with no target.
std::optional<ListenerAction> action_of(const DraftLoadBalancer& dlb, const DraftListener& l,
                                        const std::vector<std::optional<Ref<TargetGroup>>>& tg_refs) {
  ListenerAction a;
  if (l.redirect) {
    a.type = ListenerAction::Type::kRedirectToHttps;
    for (const auto& x : dlb.listeners) {
      if (x.protocol == "HTTPS") a.https_port = x.port;
    }
  } else if (l.default_target_group) {
    a.type = ListenerAction::Type::kForward;
    a.target_group = *tg_refs[*l.default_target_group];
  } else if (dlb.lb.alb) {
    a.type = ListenerAction::Type::kFixed404;
  } else {
    return std::nullopt;
  }
  return a;
}

}  // namespace

NetworkDraft draft_network(const NamespaceInput& in, LogicalNames& names, Diagnostics& diags) {
  NetworkDraft draft;
  std::map<std::string, std::size_t> lb_index;  // "alb:<name>" / "nlb:<name>"
  std::map<std::string, std::size_t> discovery_index;
  for (std::size_t wi = 0; wi < in.workloads.size(); ++wi) {
    draft.workload_discovery.emplace_back();
    if (in.workloads[wi].service.is_null()) continue;  // tasks only: not reachable through a load balancer
    const k8s::LinkedWorkload& lw = *in.workloads[wi].linked;
    for (const model::LoadBalancerBinding& b : lw.workload.load_balancers) add_binding(in, wi, b, lb_index, names, draft, diags);
    add_registries(wi, lw, discovery_index, names, draft, diags);
  }
  for (auto& dlb : draft.load_balancers) {
    for (auto& l : dlb.listeners) {
      if (l.protocol == "HTTPS" && l.certificates.empty()) draft.any_https_without_certificate = true;
      if (l.redirect) {  // listeners that redirect carry no rules
        l.rules.clear();
        l.default_target_group.reset();
        continue;
      }
      order_rules(dlb.lb.k8s_name, l, names);
      for (const auto& r : l.rules) draft.target_groups[r.target_group].attached = true;
      if (l.default_target_group) draft.target_groups[*l.default_target_group].attached = true;
    }
  }
  return draft;
}

std::vector<ServiceWiring> add_network(const NamespaceInput& in, NetworkDraft draft, LogicalNames& names, Plan& plan) {
  std::vector<ServiceWiring> wiring(in.workloads.size());
  std::vector<std::optional<Ref<TargetGroup>>> tg_refs;  // per draft target group, when attached
  for (auto& dtg : draft.target_groups) {
    tg_refs.emplace_back();
    if (!dtg.attached) continue;
    tg_refs.back() = Ref<TargetGroup>{plan.target_groups.size()};
    wiring[dtg.workload].targets.push_back({*tg_refs.back(), ecs::ecs_name(dtg.container), dtg.container_port});
    plan.target_groups.push_back(std::move(dtg.tg));
  }
  std::vector<std::vector<AnyRef>> attached_by(draft.target_groups.size());
  for (auto& dlb : draft.load_balancers) {
    const bool used = std::any_of(dlb.listeners.begin(), dlb.listeners.end(), [](const DraftListener& l) {
      return l.redirect || l.default_target_group || !l.rules.empty();
    });
    if (!used) continue;
    const Ref<LoadBalancer> lb_ref{plan.load_balancers.size()};
    plan.load_balancers.push_back(dlb.lb);
    for (auto& l : dlb.listeners) {
      const std::optional<ListenerAction> action = action_of(dlb, l, tg_refs);
      if (!action) continue;
      const Ref<Listener> listener_ref{plan.listeners.size()};
      plan.listeners.push_back({{Kind::kListener, l.id}, lb_ref, l.protocol, l.port, l.certificates, *action});
      if (l.certificates.size() > 1) {
        plan.listener_certificates.push_back({{Kind::kListenerCertificate, names.make(l.id, "Certificates")}, listener_ref,
                                              {l.certificates.begin() + 1, l.certificates.end()}});
      }
      for (auto& r : l.rules) {
        attached_by[r.target_group].push_back({Kind::kListenerRule, plan.rules.size()});
        plan.rules.push_back({{Kind::kListenerRule, r.id}, listener_ref, r.hosts, r.paths, r.priority, *tg_refs[r.target_group]});
      }
      if (l.default_target_group) attached_by[*l.default_target_group].push_back({Kind::kListener, listener_ref.index});
    }
  }
  for (std::size_t i = 0; i < draft.target_groups.size(); ++i) {
    for (const AnyRef& r : attached_by[i]) {
      auto& deps = wiring[draft.target_groups[i].workload].depends_on;
      if (std::none_of(deps.begin(), deps.end(), [&](const AnyRef& x) { return x.kind == r.kind && x.index == r.index; })) {
        deps.push_back(r);
      }
    }
  }
  if (!draft.discovery.empty()) {
    plan.cloud_map = Namespace{{Kind::kNamespace, "ServiceDiscoveryNamespace"},
                               in.namespace_name + ".svc.cluster.local",
                               "Kubernetes namespace " + in.namespace_name};
  }
  plan.discovery = std::move(draft.discovery);
  for (std::size_t wi = 0; wi < in.workloads.size(); ++wi) {
    const auto d = draft.workload_discovery[wi];
    if (!d) continue;
    ServiceRegistry reg{Ref<DiscoveryService>{*d}, "", std::nullopt};
    if (plan.discovery[*d].srv) {
      for (const auto& r : in.workloads[wi].linked->workload.registries) {
        if (r.name != plan.discovery[*d].name) continue;
        reg.container = ecs::ecs_name(r.container);
        reg.container_port = r.container_port;
        break;
      }
    }
    wiring[wi].registry = reg;
  }
  return wiring;
}

}  // namespace specconv::aws
