// Gateway API routing for the ALB target groups of one workload (see gateway.h).
#include "k8s/gateway.h"

#include <algorithm>
#include <set>

#include "k8s/alb_patterns.h"
#include "k8s/object_meta.h"
#include "k8s/pod_spec.h"
#include "mapping/names.h"

namespace specconv::k8s {
namespace {

using io::Node;
using io::str;

constexpr const char* kGatewayApi = "gateway.networking.k8s.io/v1";
constexpr const char* kLbcApi = "gateway.k8s.aws/v1beta1";
constexpr const char* kLbcGroup = "gateway.k8s.aws";
constexpr const char* kController = "gateway.k8s.aws/alb";
// Gateway API limits: HTTPRouteRule.matches, HTTPRouteSpec.rules (a further route takes the rest).
constexpr std::size_t kMaxMatches = 64;
constexpr std::size_t kMaxRules = 16;

bool network_balanced(const model::LoadBalancerBinding& lb) {
  return lb.type == model::LoadBalancerType::kNetwork || lb.type == model::LoadBalancerType::kClassic;
}

bool https(const model::Listener& l) { return l.protocol == "HTTPS"; }

/// The ALB target groups of the workload, grouped per load balancer (input order).
std::vector<std::vector<const model::LoadBalancerBinding*>> albs(const model::Workload& w) {
  std::vector<std::vector<const model::LoadBalancerBinding*>> out;
  for (const auto& lb : w.load_balancers) {
    if (network_balanced(lb)) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.front()->load_balancer_arn == lb.load_balancer_arn; });
    if (same == out.end()) out.push_back({&lb});
    else same->push_back(&lb);
  }
  return out;
}

/// One ALB as a Gateway: its name and HTTP/HTTPS listeners (once per protocol and port).
struct Balancer {
  std::string name;
  std::vector<model::Listener> listeners;
};

void add_listener(std::vector<model::Listener>& list, const model::Listener& l) {
  if (l.protocol != "HTTP" && l.protocol != "HTTPS") return;
  const bool seen = std::any_of(list.begin(), list.end(), [&](const auto& o) { return o.protocol == l.protocol && o.port == l.port; });
  if (!seen) list.push_back(l);
}

Balancer balancer(const std::vector<const model::LoadBalancerBinding*>& group, const std::string& workload) {
  Balancer b;
  const model::LoadBalancerBinding& first = *group.front();
  b.name = mapping::alb_group_name(first.load_balancer_arn);
  if (b.name.empty()) b.name = workload;
  // Every listener of the ALB the input describes, so that the workloads sharing it write one Gateway.
  for (const auto& l : first.balancer_listeners) add_listener(b.listeners, l);
  for (const auto* lb : group) {
    for (const auto& l : lb->listeners) add_listener(b.listeners, l);
  }
  if (b.listeners.empty()) b.listeners.push_back(model::Listener{"HTTP", 80, {}, false, "", ""});
  return b;
}

Node gateway(const Balancer& b, const GatewayInput& in) {
  Node gw = object(kGatewayApi, "Gateway", metadata(b.name, in.opt, true));
  Node spec = Node::object();
  spec.set("gatewayClassName", str(in.opt.gateway_class));
  Node ref = Node::object();
  ref.set("group", str(kLbcGroup));
  ref.set("kind", str("LoadBalancerConfiguration"));
  ref.set("name", str(b.name));
  Node infra = Node::object();
  infra.set("parametersRef", std::move(ref));
  spec.set("infrastructure", std::move(infra));
  Node listeners = Node::array();
  for (const auto& l : b.listeners) {
    Node gl = Node::object();
    gl.set("name", str(gateway_listener_name(l)));
    gl.set("protocol", str(https(l) ? "HTTPS" : "HTTP"));
    gl.set("port", Node::integer(l.port));
    listeners.push(std::move(gl));
  }
  spec.set("listeners", std::move(listeners));
  gw.set("spec", std::move(spec));
  return gw;
}

/// The scheme and the certificates of the HTTPS listeners (the controller takes no
/// certificateRefs); an HTTPS listener without one in the input is reported, not invented.
Node load_balancer_configuration(const Balancer& b, const GatewayInput& in, Diagnostics& diags) {
  Node lbc = object(kLbcApi, "LoadBalancerConfiguration", metadata(b.name, in.opt, true));
  Node spec = Node::object();
  spec.set("scheme", str(in.scheme));
  Node listeners = Node::array();
  for (const auto& l : b.listeners) {
    if (!https(l)) continue;
    if (l.certificate_arns.empty()) {
      diags.warning("missing-certificate", service_location(in.w, "/loadBalancers"),
                    "HTTPS listener " + std::to_string(l.port) + " has no certificate in the input (describe-listeners "
                    "output); set listenerConfigurations[].defaultCertificate for HTTPS:" + std::to_string(l.port) +
                    " in LoadBalancerConfiguration \"" + b.name + "\"");
      continue;
    }
    Node lc = Node::object();
    lc.set("protocolPort", str("HTTPS:" + std::to_string(l.port)));
    lc.set("defaultCertificate", str(l.certificate_arns.front()));
    if (l.certificate_arns.size() > 1) {
      lc.set("certificates", Node::strings(std::vector<std::string>(l.certificate_arns.begin() + 1, l.certificate_arns.end())));
    }
    listeners.push(std::move(lc));
  }
  if (listeners.size() > 0) spec.set("listenerConfigurations", std::move(listeners));
  lbc.set("spec", std::move(spec));
  return lbc;
}

Node list_of(Node item) {
  Node list = Node::array();
  list.push(std::move(item));
  return list;
}

/// [{type: `type`, `key`: `config`}]: the one filter of an HTTPRoute rule.
Node one_filter(const char* type, const char* key, Node config) {
  Node filter = Node::object();
  filter.set("type", str(type));
  filter.set(key, std::move(config));
  return list_of(std::move(filter));
}

Node parent_ref(const std::string& gateway, const std::string& section) {
  Node p = Node::object();
  p.set("name", str(gateway));
  p.set("sectionName", str(section));
  return p;
}

/// HTTPRoute <gateway>-https-redirect on the listeners whose default action redirects to HTTPS.
void add_redirect(const Balancer& b, const GatewayInput& in, std::vector<Object>& objects) {
  Node parents = Node::array();
  std::string status, port;
  for (const auto& l : b.listeners) {
    if (!l.redirects_to_https || https(l)) continue;
    parents.push(parent_ref(b.name, gateway_listener_name(l)));
    if (status.empty()) status = l.redirect_status_code;
    if (port.empty()) port = l.redirect_port;
  }
  const bool has_https = std::any_of(b.listeners.begin(), b.listeners.end(), https);
  if (parents.size() == 0 || !has_https) return;
  Node redirect = Node::object();
  redirect.set("scheme", str("https"));
  // Without a port the redirect goes to 443, the https scheme's port.
  if (!port.empty() && port != "443" && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    redirect.set("port", Node::integer(std::stoll(port)));
  }
  if (status == "HTTP_301" || status == "HTTP_302") redirect.set("statusCode", Node::integer(status == "HTTP_301" ? 301 : 302));
  Node rule = Node::object();
  rule.set("filters", one_filter("RequestRedirect", "requestRedirect", std::move(redirect)));
  Node spec = Node::object();
  spec.set("parentRefs", std::move(parents));
  spec.set("rules", list_of(std::move(rule)));
  const std::string name = b.name + "-https-redirect";
  Node route = object(kGatewayApi, "HTTPRoute", metadata(name, in.opt, true));
  route.set("spec", std::move(spec));
  objects.push_back({"HTTPRoute", name, std::move(route)});
}

/// The listeners the workload's routes attach to: those that forward to its target groups (all
/// of the Gateway's when the input does not say), without the ones that only redirect.
Node route_parents(const Balancer& b, const std::vector<const model::LoadBalancerBinding*>& group) {
  std::vector<model::Listener> serving;
  for (const auto* lb : group) {
    for (const auto& l : lb->listeners) add_listener(serving, l);
  }
  if (serving.empty()) serving = b.listeners;
  const bool has_https = std::any_of(b.listeners.begin(), b.listeners.end(), https);
  Node parents = Node::array();
  for (const auto& l : serving) {
    if (l.redirects_to_https && has_https && !https(l)) continue;
    parents.push(parent_ref(b.name, gateway_listener_name(l)));
  }
  return parents;
}

/// One condition whose values are alternatives: (name, ALB value pattern) pairs.
using Alternatives = std::vector<std::pair<std::string, std::string>>;

std::vector<Alternatives> header_alternatives(const model::HttpRoute& r) {
  std::vector<Alternatives> out;
  for (const auto& h : r.headers) {
    Alternatives a;
    for (const auto& v : h.values) a.emplace_back(h.name, v);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Alternatives> query_alternatives(const model::HttpRoute& r) {
  std::vector<Alternatives> out;
  for (const auto& q : r.queries) out.push_back(q.pairs);
  return out;
}

std::size_t choices(const std::vector<Alternatives>& conditions) {
  std::size_t n = 1;
  for (const auto& c : conditions) n *= c.size();
  return n;
}

/// Why a listener rule has no HTTPRoute rule ("" when it has one).
std::string unconvertible(const model::HttpRoute& r) {
  static const std::set<std::string> kMethods = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"};
  for (const auto& m : r.methods) {
    if (kMethods.count(m) == 0) return "request method \"" + m + "\" is not one the Gateway API can match";
  }
  for (const auto& h : r.hosts) {
    const std::string host = mapping::ascii_lower(h);
    const std::string plain = host.rfind("*.", 0) == 0 ? host.substr(2) : host;
    if (has_wildcard(plain) || !mapping::is_valid_name(plain, mapping::NameKind::kRfc1123Subdomain)) {
      return "host \"" + h + "\" is not a Gateway API hostname (only a leading \"*.\" wildcard is)";
    }
  }
  for (const auto& q : r.queries) {
    for (const auto& [key, value] : q.pairs) {
      if (key.empty() || has_wildcard(key)) return "a query-string condition without an exact key (\"" + key + "=" + value + "\")";
    }
  }
  if (r.source_ips.size() > 1) return "it has several source-ip conditions";
  const std::size_t combinations = std::max<std::size_t>(1, r.paths.size()) * std::max<std::size_t>(1, r.methods.size()) *
                                   choices(header_alternatives(r)) * choices(query_alternatives(r));
  if (combinations > kMaxMatches) return "its conditions make " + std::to_string(combinations) + " matches (at most 64)";
  return "";
}

/// The header or query parameter matches of one choice per condition (`pick` numbers the choice
/// and is left with what the next conditions choose by): Exact, or for a value with ALB
/// wildcards a RegularExpression.
Node value_matches(const std::vector<Alternatives>& conditions, std::size_t& pick) {
  Node out = Node::array();
  for (const auto& c : conditions) {
    const auto& [name, v] = c[pick % c.size()];
    pick /= c.size();
    Node m = Node::object();
    m.set("type", str(has_wildcard(v) ? "RegularExpression" : "Exact"));
    m.set("name", str(name));
    m.set("value", str(has_wildcard(v) ? alb_value_regex(v) : v));
    out.push(std::move(m));
  }
  return out;
}

void warn_wildcards(const GatewayInput& in, const std::vector<Alternatives>& conditions, const char* what, Diagnostics& diags) {
  for (const auto& c : conditions) {
    for (const auto& [name, v] : c) {
      if (!has_wildcard(v)) continue;
      diags.warning("approximated-match", service_location(in.w, "/loadBalancers"),
                    std::string("ALB ") + what + " pattern " + name + ": \"" + v + "\" becomes the RegularExpression match \"" +
                        alb_value_regex(v) + "\" (implementation-specific in the Gateway API)");
    }
  }
}

Node path_match(const GatewayInput& in, const std::string& pattern, Diagnostics& diags) {
  bool approx = false;
  auto [value, type] = alb_path(pattern, &approx);
  if (approx) {
    diags.warning("approximated-path", service_location(in.w, "/loadBalancers"),
                  "ALB path pattern \"" + pattern + "\" has no exact HTTPRoute form; using PathPrefix " + value);
  }
  Node path = Node::object();
  path.set("type", str(type == "Prefix" ? "PathPrefix" : "Exact"));
  path.set("value", str(value));
  return path;
}

/// The matches of a listener rule: every path × method × header value × query pair combination
/// (ALB conditions hold together, the values of one condition are alternatives).
Node rule_matches(const GatewayInput& in, const model::HttpRoute& r, Diagnostics& diags) {
  const std::vector<std::string> paths = r.paths.empty() ? std::vector<std::string>{"/*"} : r.paths;
  const std::vector<std::string> methods = r.methods.empty() ? std::vector<std::string>{""} : r.methods;
  const std::vector<Alternatives> headers = header_alternatives(r), queries = query_alternatives(r);
  warn_wildcards(in, headers, "header", diags);
  warn_wildcards(in, queries, "query-string", diags);
  Node matches = Node::array();
  for (const auto& p : paths) {
    const Node path = path_match(in, p, diags);
    for (const auto& method : methods) {
      for (std::size_t pick = 0; pick < choices(headers) * choices(queries); ++pick) {
        Node m = Node::object();
        m.set("path", path);
        std::size_t rest = pick;
        if (!headers.empty()) m.set("headers", value_matches(headers, rest));
        if (!queries.empty()) m.set("queryParams", value_matches(queries, rest));
        if (!method.empty()) m.set("method", str(method));
        matches.push(std::move(m));
      }
    }
  }
  return matches;
}

Node backend_ref(const std::string& service, int64_t port, std::optional<int64_t> weight) {
  Node b = Node::object();
  b.set("name", str(service));
  b.set("port", Node::integer(port));
  if (weight) b.set("weight", Node::integer(*weight));
  return b;
}

/// The backends of a rule: this workload's Service, or for a rule that splits traffic every
/// input service's, weighted; nullopt when another workload writes the rule.
std::optional<Node> rule_backends(const GatewayInput& in, const model::LoadBalancerBinding& lb, const model::HttpRoute& r,
                                  Diagnostics& diags) {
  Node refs = Node::array();
  if (r.split.empty()) {
    refs.push(backend_ref(in.name, lb.container_port, std::nullopt));
    return refs;
  }
  const auto owner = std::find_if(r.split.begin(), r.split.end(), [](const auto& t) { return !t.service.empty(); });
  if (owner == r.split.end() || owner->target_group_arn != lb.target_group_arn) return std::nullopt;
  for (const auto& t : r.split) {
    if (t.service.empty()) {
      diags.warning("unconvertible-route", service_location(in.w, "/loadBalancers"),
                    "the listener rule also forwards to target group " + t.target_group_arn +
                        ", which no input service uses; that backend is left out of the HTTPRoute rule");
      continue;
    }
    const std::string service = mapping::to_k8s_name(t.service, mapping::NameKind::kRfc1035Label).name;
    refs.push(backend_ref(service, t.container_port, t.weight));
  }
  return refs;
}

/// A source-ip condition as the controller's ListenerRuleConfiguration (added to `objects`, named
/// <workload>-source-ip-<n>), and the ExtensionRef filter that puts it on an HTTPRoute rule.
Node source_ip_filter(const GatewayInput& in, const std::vector<std::string>& cidrs, std::vector<Object>& objects) {
  const auto n = std::count_if(objects.begin(), objects.end(), [](const Object& o) { return o.kind == "ListenerRuleConfiguration"; });
  const std::string name = in.name + "-source-ip-" + std::to_string(n + 1);
  Node source = Node::object();
  source.set("values", Node::strings(cidrs));
  Node condition = Node::object();
  condition.set("field", str("source-ip"));
  condition.set("sourceIPConfig", std::move(source));
  Node spec = Node::object();
  spec.set("conditions", list_of(std::move(condition)));
  Node lrc = object(kLbcApi, "ListenerRuleConfiguration", labelled_metadata(in.name, name, in.opt, true));
  lrc.set("spec", std::move(spec));
  objects.push_back({"ListenerRuleConfiguration", name, std::move(lrc)});
  Node ref = Node::object();
  ref.set("group", str(kLbcGroup));
  ref.set("kind", str("ListenerRuleConfiguration"));
  ref.set("name", str(name));
  return one_filter("ExtensionRef", "extensionRef", std::move(ref));
}

/// The workload's routes as HTTPRoute rules, one list per set of hosts (in order of appearance)
/// and per 16 rules; the ListenerRuleConfigurations they name go to `objects`.
std::vector<std::pair<std::vector<std::string>, Node>> rules_by_hosts(const GatewayInput& in,
                                                                      const std::vector<const model::LoadBalancerBinding*>& group,
                                                                      Diagnostics& diags, std::vector<Object>& objects) {
  std::vector<std::pair<std::vector<std::string>, Node>> out;
  for (const auto* lb : group) {
    std::vector<model::HttpRoute> routes = lb->routes;
    if (routes.empty()) routes.push_back(model::catch_all_route());
    for (const auto& r : routes) {
      if (const std::string why = unconvertible(r); !why.empty()) {
        diags.warning("unconvertible-route", service_location(in.w, "/loadBalancers"),
                      "a listener rule is left out of the HTTPRoute: " + why);
        continue;
      }
      std::optional<Node> backends = rule_backends(in, *lb, r, diags);
      if (!backends) continue;
      std::vector<std::string> hosts;
      for (const auto& h : r.hosts) hosts.push_back(mapping::ascii_lower(h));
      std::sort(hosts.begin(), hosts.end());
      hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
      auto list = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == hosts && e.second.size() < kMaxRules; });
      if (list == out.end()) list = out.emplace(out.end(), hosts, Node::array());
      Node rule = Node::object();
      rule.set("matches", rule_matches(in, r, diags));
      if (!r.source_ips.empty()) rule.set("filters", source_ip_filter(in, r.source_ips.front(), objects));
      rule.set("backendRefs", std::move(*backends));
      list->second.push(std::move(rule));
    }
  }
  return out;
}

/// The workload's HTTPRoutes on one Gateway: <name>, then <name>-2, ... per further list of rules.
void add_routes(const Balancer& b, const std::vector<const model::LoadBalancerBinding*>& group, const GatewayInput& in,
                Diagnostics& diags, std::vector<Object>& objects, int& count) {
  for (auto& [hosts, rules] : rules_by_hosts(in, group, diags, objects)) {
    const std::string name = ++count == 1 ? in.name : in.name + "-" + std::to_string(count);
    Node spec = Node::object();
    spec.set("parentRefs", route_parents(b, group));
    if (!hosts.empty()) spec.set("hostnames", Node::strings(hosts));
    spec.set("rules", std::move(rules));
    Node route = object(kGatewayApi, "HTTPRoute", labelled_metadata(in.name, name, in.opt, true));
    route.set("spec", std::move(spec));
    objects.push_back({"HTTPRoute", name, std::move(route)});
  }
}

/// Target type and health check of the workload's target group (the first ALB one).
void add_target_group_configuration(const GatewayInput& in, const model::LoadBalancerBinding& lb,
                                    std::vector<Object>& objects) {
  Node hc = Node::object();
  if (!lb.health_check_path.empty()) hc.set("healthCheckPath", str(lb.health_check_path));
  if (lb.health_check_protocol == "HTTP" || lb.health_check_protocol == "HTTPS") {
    hc.set("healthCheckProtocol", str(lb.health_check_protocol));
  }
  if (lb.health_check_interval_seconds) hc.set("healthCheckInterval", Node::integer(*lb.health_check_interval_seconds));
  if (lb.health_check_timeout_seconds) hc.set("healthCheckTimeout", Node::integer(*lb.health_check_timeout_seconds));
  if (lb.healthy_threshold) hc.set("healthyThresholdCount", Node::integer(*lb.healthy_threshold));
  if (lb.unhealthy_threshold) hc.set("unhealthyThresholdCount", Node::integer(*lb.unhealthy_threshold));
  Node defaults = Node::object();
  defaults.set("targetType", str("ip"));  // pods are registered by IP, as the Ingress's target-type says
  if (hc.size() > 0) defaults.set("healthCheckConfig", std::move(hc));
  Node target = Node::object();
  target.set("name", str(in.name));
  Node spec = Node::object();
  spec.set("targetReference", std::move(target));
  spec.set("defaultConfiguration", std::move(defaults));
  Node tgc = object(kLbcApi, "TargetGroupConfiguration", labelled_metadata(in.name, in.name, in.opt, true));
  tgc.set("spec", std::move(spec));
  objects.push_back({"TargetGroupConfiguration", in.name, std::move(tgc)});
}

void add_gateway_class(const GatewayInput& in, std::vector<Object>& objects) {
  Node gc = object(kGatewayApi, "GatewayClass", metadata(in.opt.gateway_class, in.opt, false));
  Node spec = Node::object();
  spec.set("controllerName", str(kController));
  gc.set("spec", std::move(spec));
  objects.push_back({"GatewayClass", in.opt.gateway_class, std::move(gc)});
}

}  // namespace

std::string gateway_listener_name(const model::Listener& l) {
  return std::string(https(l) ? "https" : "http") + "-" + std::to_string(l.port);
}

void add_gateway_routing(const GatewayInput& in, Diagnostics& diags, std::vector<Object>& objects) {
  const auto groups = albs(in.w);
  if (groups.empty()) return;
  if (in.opt.create_gateway_class) add_gateway_class(in, objects);
  int routes = 0;
  for (const auto& group : groups) {
    const Balancer b = balancer(group, in.name);
    objects.push_back({"LoadBalancerConfiguration", b.name, load_balancer_configuration(b, in, diags)});
    objects.push_back({"Gateway", b.name, gateway(b, in)});
    add_redirect(b, in, objects);
    add_routes(b, group, in, diags, objects, routes);
  }
  add_target_group_configuration(in, *groups.front().front(), objects);
}

}  // namespace specconv::k8s
