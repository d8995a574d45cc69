// Gateway API routing of one workload's ALB target groups (k8s/gateway.h), on model values.
#include "k8s/gateway.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "mapping/names.h"

namespace specconv::k8s {
namespace {

const std::string kAlb = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop/50dc6c495c0c9188";

model::LoadBalancerBinding binding(const std::string& target_group, std::vector<model::HttpRoute> routes) {
  model::LoadBalancerBinding lb;
  lb.target_group_arn = target_group;
  lb.container = "app";
  lb.container_port = 8080;
  lb.type = model::LoadBalancerType::kApplication;
  lb.load_balancer_arn = kAlb;
  lb.routes = std::move(routes);
  lb.wiring_known = true;
  return lb;
}

model::HttpRoute route(std::vector<std::string> hosts, std::vector<std::string> paths) {
  model::HttpRoute r;
  r.hosts = std::move(hosts);
  r.paths = std::move(paths);
  return r;
}

struct Routed {
  std::vector<Object> objects;
  Diagnostics diags;
  [[nodiscard]] std::vector<const Object*> of_kind(const std::string& kind) const {
    std::vector<const Object*> out;
    for (const auto& o : objects) {
      if (o.kind == kind) out.push_back(&o);
    }
    return out;
  }
  [[nodiscard]] int count(const std::string& code) const {
    int n = 0;
    for (const auto& d : diags.all()) n += d.code == code ? 1 : 0;
    return n;
  }
};

Routed emit(const model::Workload& w, EmitOptions opt = {}) {
  Routed r;
  opt.gateway_api = true;
  const std::string name = "web";
  const std::string scheme = "internal";
  add_gateway_routing({w, name, scheme, opt}, r.diags, r.objects);
  return r;
}

model::Workload workload(std::vector<model::LoadBalancerBinding> lbs) {
  model::Workload w;
  w.name = "web";
  w.has_service = true;
  w.service_name = "web";
  w.load_balancers = std::move(lbs);
  return w;
}

const io::Node& at(const Object& o, std::initializer_list<const char*> path) {
  const io::Node* n = &o.doc;
  for (const char* key : path) {
    n = n->find(key);
    if (n == nullptr) throw std::runtime_error(std::string("no ") + key + " in " + o.kind);
  }
  return *n;
}

TEST(GatewayRouting, HttpsListenerWithoutCertificateIsReportedNotInvented) {
  model::LoadBalancerBinding lb = binding("tg/web", {route({}, {"/*"})});
  lb.listeners = {model::Listener{"HTTPS", 443, {}, false, "", ""}};
  const Routed r = emit(workload({lb}));
  ASSERT_EQ(r.of_kind("LoadBalancerConfiguration").size(), 1U);
  EXPECT_EQ(at(*r.of_kind("LoadBalancerConfiguration").front(), {"spec"}).find("listenerConfigurations"), nullptr);
  EXPECT_EQ(r.count("missing-certificate"), 1);
}

TEST(GatewayRouting, CertificatesGoToTheLoadBalancerConfiguration) {
  model::LoadBalancerBinding lb = binding("tg/web", {route({}, {"/*"})});
  lb.listeners = {model::Listener{"HTTPS", 8443, {"arn:cert/a", "arn:cert/b"}, false, "", ""}};
  const Routed r = emit(workload({lb}));
  const io::Node& lc = at(*r.of_kind("LoadBalancerConfiguration").front(), {"spec", "listenerConfigurations"}).items().front();
  EXPECT_EQ(lc.find("protocolPort")->text(), "HTTPS:8443");
  EXPECT_EQ(lc.find("defaultCertificate")->text(), "arn:cert/a");
  EXPECT_EQ(lc.find("certificates")->items().front().text(), "arn:cert/b");
  EXPECT_EQ(r.count("missing-certificate"), 0);
}

TEST(GatewayRouting, HttpsRedirectIsARequestRedirectRouteAndServiceRoutesUseHttpsOnly) {
  model::LoadBalancerBinding lb = binding("tg/web", {route({"shop.example.com"}, {"/*"})});
  lb.listeners = {model::Listener{"HTTPS", 443, {"arn:cert/a"}, false, "", ""},
                  model::Listener{"HTTP", 80, {}, true, "HTTP_302", "8443"}};
  const Routed r = emit(workload({lb}));
  const auto routes = r.of_kind("HTTPRoute");
  ASSERT_EQ(routes.size(), 2U);
  EXPECT_EQ(routes[0]->name, "shop-https-redirect");
  const io::Node& redirect = at(*routes[0], {"spec", "rules"}).items().front().find("filters")->items().front();
  EXPECT_EQ(redirect.find("type")->text(), "RequestRedirect");
  EXPECT_EQ(redirect.find("requestRedirect")->find("statusCode")->as_int(), 302);
  EXPECT_EQ(redirect.find("requestRedirect")->find("port")->as_int(), 8443);
  EXPECT_EQ(at(*routes[0], {"spec", "parentRefs"}).items().front().find("sectionName")->text(), "http-80");
  const io::Node& parents = at(*routes[1], {"spec", "parentRefs"});
  ASSERT_EQ(parents.size(), 1U);
  EXPECT_EQ(parents.items().front().find("sectionName")->text(), "https-443");
}

TEST(GatewayRouting, EachSetOfHostsIsAnHttpRouteOfItsOwn) {
  const Routed r = emit(workload({binding("tg/web", {route({"A.example.com", "b.example.com"}, {"/*"}),
                                                  route({"api.example.com"}, {"/v1/*"}),
                                                  route({"b.example.com", "a.example.com"}, {"/x"})})}));
  const auto routes = r.of_kind("HTTPRoute");
  ASSERT_EQ(routes.size(), 2U);
  EXPECT_EQ(routes[0]->name, "web");
  EXPECT_EQ(at(*routes[0], {"spec", "hostnames"}).items().front().text(), "a.example.com");
  EXPECT_EQ(at(*routes[0], {"spec", "rules"}).size(), 2U);
  EXPECT_EQ(routes[1]->name, "web-2");
  const io::Node& path = *at(*routes[1], {"spec", "rules"}).items().front().find("matches")->items().front().find("path");
  EXPECT_EQ(path.find("type")->text(), "PathPrefix");
  EXPECT_EQ(path.find("value")->text(), "/v1");
}

TEST(GatewayRouting, HeaderValuesAndMethodsAreAlternativeMatches) {
  model::HttpRoute r = route({}, {"/cart"});
  r.methods = {"GET", "POST"};
  r.headers = {model::HeaderCondition{"X-Env", {"blue", "green-*"}}};
  const Routed run = emit(workload({binding("tg/web", {r})}));
  const io::Node& matches = *at(*run.of_kind("HTTPRoute").front(), {"spec", "rules"}).items().front().find("matches");
  ASSERT_EQ(matches.size(), 4U);
  const io::Node& second = matches.items()[1];
  EXPECT_EQ(second.find("method")->text(), "GET");
  EXPECT_EQ(second.find("headers")->items().front().find("type")->text(), "RegularExpression");
  EXPECT_EQ(second.find("headers")->items().front().find("value")->text(), "^green-.*$");
  EXPECT_EQ(second.find("path")->find("type")->text(), "Exact");
  EXPECT_EQ(run.count("approximated-match"), 1);
}

TEST(GatewayRouting, RulesWithoutAGatewayApiFormAreLeftOutAndReported) {
  model::HttpRoute custom = route({}, {"/*"});
  custom.methods = {"PURGE"};
  const Routed r = emit(workload({binding("tg/web", {custom, route({"api-*.example.com"}, {"/*"})})}));
  EXPECT_TRUE(r.of_kind("HTTPRoute").empty());
  EXPECT_EQ(r.count("unconvertible-route"), 2);
}

TEST(GatewayRouting, QueryStringPairsAreAlternativeQueryParamMatches) {
  model::HttpRoute r = route({}, {"/search"});
  r.queries = {model::QueryCondition{{{"version", "v2"}, {"beta", "tr?e"}}}};
  const Routed run = emit(workload({binding("tg/web", {r})}));
  const io::Node& matches = *at(*run.of_kind("HTTPRoute").front(), {"spec", "rules"}).items().front().find("matches");
  ASSERT_EQ(matches.size(), 2U);
  const io::Node& first = matches.items()[0].find("queryParams")->items().front();
  EXPECT_EQ(first.find("name")->text(), "version");
  EXPECT_EQ(first.find("type")->text(), "Exact");
  const io::Node& second = matches.items()[1].find("queryParams")->items().front();
  EXPECT_EQ(second.find("type")->text(), "RegularExpression");
  EXPECT_EQ(second.find("value")->text(), "^tr.e$");
  EXPECT_EQ(run.count("approximated-match"), 1);
  model::HttpRoute any_key = route({}, {"/*"});
  any_key.queries = {model::QueryCondition{{{"", "debug"}}}};
  EXPECT_EQ(emit(workload({binding("tg/web", {any_key})})).count("unconvertible-route"), 1);
}

TEST(GatewayRouting, ASourceIpConditionIsAListenerRuleConfigurationOnTheRule) {
  model::HttpRoute r = route({}, {"/admin/*"});
  r.source_ips = {{"10.0.0.0/8", "192.168.0.0/16"}};
  const Routed run = emit(workload({binding("tg/web", {r, route({}, {"/*"})})}));
  ASSERT_EQ(run.of_kind("ListenerRuleConfiguration").size(), 1U);
  const Object& lrc = *run.of_kind("ListenerRuleConfiguration").front();
  EXPECT_EQ(lrc.name, "web-source-ip-1");
  const io::Node& condition = at(lrc, {"spec", "conditions"}).items().front();
  EXPECT_EQ(condition.find("field")->text(), "source-ip");
  EXPECT_EQ(condition.find("sourceIPConfig")->find("values")->size(), 2U);
  const io::Node& rules = at(*run.of_kind("HTTPRoute").front(), {"spec", "rules"});
  const io::Node& ref = rules.items()[0].find("filters")->items().front();
  EXPECT_EQ(ref.find("type")->text(), "ExtensionRef");
  EXPECT_EQ(ref.find("extensionRef")->find("kind")->text(), "ListenerRuleConfiguration");
  EXPECT_EQ(ref.find("extensionRef")->find("name")->text(), "web-source-ip-1");
  EXPECT_EQ(rules.items()[1].find("filters"), nullptr);  // the rule without the condition is open to all
  model::HttpRoute two = r;
  two.source_ips.push_back({"172.16.0.0/12"});
  EXPECT_EQ(emit(workload({binding("tg/web", {two})})).count("unconvertible-route"), 1);
}

model::HttpRoute split(std::vector<model::WeightedTarget> targets) {
  model::HttpRoute r = route({}, {"/*"});
  r.split = std::move(targets);
  return r;
}

TEST(GatewayRouting, AWeightedRuleIsWrittenOnceByItsFirstInputServiceWithEveryBackend) {
  const std::vector<model::WeightedTarget> targets = {
      {"tg/gone", 20, "", 0}, {"tg/web", 70, "web", 8080}, {"tg/canary", 10, "Web_Canary", 9090}};
  const Routed owner = emit(workload({binding("tg/web", {split(targets)})}));
  const io::Node& refs = *at(*owner.of_kind("HTTPRoute").front(), {"spec", "rules"}).items().front().find("backendRefs");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs.items()[0].find("weight")->as_int(), 70);
  // the name the canary workload's Service gets (renamed as every workload name is)
  EXPECT_EQ(refs.items()[1].find("name")->text(), mapping::to_k8s_name("Web_Canary", mapping::NameKind::kRfc1035Label).name);
  EXPECT_EQ(refs.items()[1].find("port")->as_int(), 9090);
  EXPECT_EQ(owner.count("unconvertible-route"), 1);  // tg/gone: no input service uses it
  const Routed other = emit(workload({binding("tg/canary", {split(targets)})}));
  EXPECT_TRUE(other.of_kind("HTTPRoute").empty());
}

TEST(GatewayRouting, TargetGroupConfigurationCarriesTargetTypeAndHealthCheck) {
  model::LoadBalancerBinding lb = binding("tg/web", {});
  lb.health_check_path = "/healthz";
  lb.health_check_protocol = "HTTP";
  lb.healthy_threshold = 2;
  const Routed r = emit(workload({lb}));
  const Object& tgc = *r.of_kind("TargetGroupConfiguration").front();
  EXPECT_EQ(at(tgc, {"spec", "targetReference", "name"}).text(), "web");
  EXPECT_EQ(at(tgc, {"spec", "defaultConfiguration", "targetType"}).text(), "ip");
  EXPECT_EQ(at(tgc, {"spec", "defaultConfiguration", "healthCheckConfig", "healthCheckPath"}).text(), "/healthz");
  EXPECT_EQ(at(tgc, {"spec", "defaultConfiguration", "healthCheckConfig", "healthyThresholdCount"}).as_int(), 2);
}

TEST(GatewayRouting, TheGatewayClassIsReferencedAndCreatedOnlyOnRequest) {
  const model::Workload w = workload({binding("tg/web", {})});
  EXPECT_TRUE(emit(w).of_kind("GatewayClass").empty());
  EXPECT_EQ(at(*emit(w).of_kind("Gateway").front(), {"spec", "gatewayClassName"}).text(), "aws-alb");
  EmitOptions opt;
  opt.create_gateway_class = true;
  opt.gateway_class = "alb";
  const Routed r = emit(w, opt);
  ASSERT_EQ(r.of_kind("GatewayClass").size(), 1U);
  EXPECT_EQ(at(*r.of_kind("GatewayClass").front(), {"spec", "controllerName"}).text(), "gateway.k8s.aws/alb");
  EXPECT_EQ(at(*r.of_kind("Gateway").front(), {"spec", "gatewayClassName"}).text(), "alb");
}

}  // namespace
}  // namespace specconv::k8s

namespace specconv::k8s {
namespace {

// The same wiring with the default routing: what an Ingress cannot say is reported, not lost silently.
TEST(GatewayRouting, WithIngressRoutingHeaderMethodAndWeightConditionsAreReportedAsDropped) {
  model::HttpRoute r = route({}, {"/*"});
  r.headers = {model::HeaderCondition{"X-Env", {"blue"}}};
  r.split = {{"tg/web", 90, "web", 8080}, {"tg/canary", 10, "canary", 8080}};
  model::Workload w = workload({binding("tg/web", {r})});
  model::Container c;
  c.name = "app";
  c.image = "app:1";
  c.ports = {model::Port{8080, std::nullopt, model::Protocol::kTcp, "", ""}};
  w.containers = {c};
  Diagnostics diags;
  const Emitted out = emit_workload(w, carry::EcsCarry{}, EmitOptions{}, diags);
  int dropped = 0;
  for (const auto& d : diags.all()) dropped += d.code == "unsupported-field" ? 1 : 0;
  EXPECT_EQ(dropped, 2);
  EXPECT_TRUE(std::any_of(out.objects.begin(), out.objects.end(), [](const Object& o) { return o.kind == "Ingress"; }));
}

}  // namespace
}  // namespace specconv::k8s
