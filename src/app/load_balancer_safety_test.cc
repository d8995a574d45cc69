// ECS -> Kubernetes load balancers: nothing is exposed that the input kept private, and services
// that share a load balancer in ECS do not silently become several in Kubernetes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/yaml_load.h"
#include "specconv/convert.h"

namespace specconv {
namespace {

std::string task(const std::string& family, int port) {
  return R"({"family": ")" + family + R"(", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "containerDefinitions": [{"name": "app", "image": "nginx", "portMappings": [{"containerPort": )" +
         std::to_string(port) + "}]}]}";
}

std::string service(const std::string& name, const std::string& target_group, int port) {
  return R"({"cluster": "c", "serviceName": ")" + name + R"(", "taskDefinition": ")" + name +
         R"(", "launchType": "FARGATE", "loadBalancers": [{"targetGroupArn": ")" + target_group +
         R"(", "containerName": "app", "containerPort": )" + std::to_string(port) + "}]}";
}

const std::string kRegion = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:";

std::string target_groups(const std::string& protocol, const std::string& lb, const std::vector<std::string>& names) {
  std::string out = R"({"TargetGroups": [)";
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += std::string(i > 0 ? "," : "") + R"({"TargetGroupArn": ")" + kRegion + "targetgroup/" + names[i] +
           R"(/1", "TargetGroupName": ")" + names[i] + R"(", "Protocol": ")" + protocol + R"(", "LoadBalancerArns": [")" + lb +
           R"("], "TargetType": "ip"})";
  }
  return out + "]}";
}

struct Outcome {
  ConvertResult result;
  std::vector<io::Node> objects;
  [[nodiscard]] std::vector<std::string> annotation(const std::string& kind, const std::string& key) const {
    std::vector<std::string> out;
    for (const auto& o : objects) {
      const io::Node* k = o.find("kind");
      const io::Node* md = o.find("metadata");
      const io::Node* ann = md != nullptr ? md->find("annotations") : nullptr;
      const io::Node* v = ann != nullptr ? ann->find(key) : nullptr;
      if (k != nullptr && k->text() == kind) out.push_back(v != nullptr ? v->text() : "<none>");
    }
    return out;
  }
  /// The objects of `kind`.
  [[nodiscard]] std::vector<const io::Node*> of_kind(const std::string& kind) const {
    std::vector<const io::Node*> out;
    for (const auto& o : objects) {
      if (const io::Node* k = o.find("kind"); k != nullptr && k->text() == kind) out.push_back(&o);
    }
    return out;
  }
  [[nodiscard]] int count(const std::string& code) const {
    int n = 0;
    for (const auto& d : result.diagnostics.all()) n += d.code == code ? 1 : 0;
    return n;
  }
};

Outcome convert(const std::vector<InputText>& inputs, const std::string& scheme = "", bool gateway_api = false) {
  ToK8sOptions o;
  o.scheme = scheme;
  o.gateway_api = gateway_api;
  Outcome r;
  r.result = convert_to_k8s(inputs, o);
  Diagnostics d;
  for (const auto& doc : r.result.documents) {
    for (auto& y : io::load_yaml(doc.text, "out", io::Limits{}, d).documents) r.objects.push_back(std::move(y.root));
  }
  return r;
}

const std::string kAlb = kRegion + "loadbalancer/app/Shop-ALB/50dc6c495c0c9188";
const std::string kNlb = kRegion + "loadbalancer/net/iot/1e2f3a4b5c6d7e8f";

std::vector<InputText> two_services_behind(const std::string& lb, const std::string& protocol) {
  return {{"web.json", task("web", 80)},
          {"api.json", task("api", 81)},
          {"web-svc.json", service("web", kRegion + "targetgroup/web/1", 80)},
          {"api-svc.json", service("api", kRegion + "targetgroup/api/1", 81)},
          {"tg.json", target_groups(protocol, lb, {"web", "api"})}};
}

TEST(LoadBalancerSafety, UnknownSchemeIsInternalAndWarned) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"));
  EXPECT_EQ(r.annotation("Ingress", "alb.ingress.kubernetes.io/scheme"), (std::vector<std::string>{"internal", "internal"}));
  EXPECT_EQ(r.count("assumed-scheme"), 2);
}

TEST(LoadBalancerSafety, SchemeFlagSettlesIt) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"), "internet-facing");
  EXPECT_EQ(r.annotation("Ingress", "alb.ingress.kubernetes.io/scheme"),
            (std::vector<std::string>{"internet-facing", "internet-facing"}));
  EXPECT_EQ(r.count("assumed-scheme"), 0);
}

TEST(LoadBalancerSafety, InputSchemeWinsOverTheFlag) {
  std::vector<InputText> in = two_services_behind(kAlb, "HTTP");
  in.push_back({"lbs.json", R"({"LoadBalancers": [{"LoadBalancerArn": ")" + kAlb +
                                R"(", "LoadBalancerName": "Shop-ALB", "Scheme": "internal", "Type": "application"}]})"});
  const Outcome r = convert(in, "internet-facing");
  EXPECT_EQ(r.annotation("Ingress", "alb.ingress.kubernetes.io/scheme"), (std::vector<std::string>{"internal", "internal"}));
}

TEST(LoadBalancerSafety, ServicesSharingAnAlbShareOneIngressGroup) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"));
  EXPECT_EQ(r.annotation("Ingress", "alb.ingress.kubernetes.io/group.name"), (std::vector<std::string>{"shop-alb", "shop-alb"}));
  EXPECT_EQ(r.count("extra-load-balancer"), 0);
}

TEST(LoadBalancerSafety, NoGroupWhenTheAlbIsUnknown) {
  const Outcome r = convert({{"web.json", task("web", 80)}, {"web-svc.json", service("web", kRegion + "targetgroup/web/1", 80)}});
  EXPECT_EQ(r.annotation("Ingress", "alb.ingress.kubernetes.io/group.name"), (std::vector<std::string>{"<none>"}));
}

TEST(LoadBalancerSafety, ServicesSharingAnNlbAreWarnedOfTheExtraNlb) {
  const Outcome r = convert(two_services_behind(kNlb, "TCP"));
  EXPECT_EQ(r.annotation("Service", "service.beta.kubernetes.io/aws-load-balancer-scheme"),
            (std::vector<std::string>{"internal", "internal"}));
  EXPECT_EQ(r.count("extra-load-balancer"), 1);
}

// The same rules with --routing gateway-api: the scheme is the LoadBalancerConfiguration's, and
// services behind one ALB share one Gateway.

std::vector<std::string> gateway_schemes(const Outcome& r) {
  std::vector<std::string> out;
  for (const io::Node* o : r.of_kind("LoadBalancerConfiguration")) out.push_back(o->find("spec")->find("scheme")->text());
  return out;
}

TEST(LoadBalancerSafety, GatewayUnknownSchemeIsInternalAndWarned) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"), "", true);
  EXPECT_EQ(gateway_schemes(r), (std::vector<std::string>{"internal"}));
  EXPECT_EQ(r.count("assumed-scheme"), 2);
  EXPECT_TRUE(r.of_kind("Ingress").empty());
}

TEST(LoadBalancerSafety, GatewaySchemeFlagSettlesIt) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"), "internet-facing", true);
  EXPECT_EQ(gateway_schemes(r), (std::vector<std::string>{"internet-facing"}));
  EXPECT_EQ(r.count("assumed-scheme"), 0);
}

TEST(LoadBalancerSafety, GatewayInputSchemeWinsOverTheFlag) {
  std::vector<InputText> in = two_services_behind(kAlb, "HTTP");
  in.push_back({"lbs.json", R"({"LoadBalancers": [{"LoadBalancerArn": ")" + kAlb +
                                R"(", "LoadBalancerName": "Shop-ALB", "Scheme": "internal", "Type": "application"}]})"});
  const Outcome r = convert(in, "internet-facing", true);
  EXPECT_EQ(gateway_schemes(r), (std::vector<std::string>{"internal"}));
}

TEST(LoadBalancerSafety, ServicesSharingAnAlbShareOneGateway) {
  const Outcome r = convert(two_services_behind(kAlb, "HTTP"), "", true);
  ASSERT_EQ(r.of_kind("Gateway").size(), 1U);
  EXPECT_EQ(r.of_kind("Gateway").front()->find("metadata")->find("name")->text(), "shop-alb");
  const auto routes = r.of_kind("HTTPRoute");
  ASSERT_EQ(routes.size(), 2U);
  for (const io::Node* route : routes) {
    EXPECT_EQ(route->find("spec")->find("parentRefs")->items().front().find("name")->text(), "shop-alb");
  }
}

TEST(LoadBalancerSafety, GatewayPerWorkloadWhenTheAlbIsUnknown) {
  const Outcome r = convert({{"web.json", task("web", 80)}, {"web-svc.json", service("web", kRegion + "targetgroup/web/1", 80)}},
                            "", true);
  ASSERT_EQ(r.of_kind("Gateway").size(), 1U);
  EXPECT_EQ(r.of_kind("Gateway").front()->find("metadata")->find("name")->text(), "web");
  EXPECT_EQ(r.count("assumed-route"), 1);
}

TEST(LoadBalancerSafety, GatewayRoutingLeavesNlbServicesAsLoadBalancerServices) {
  const Outcome r = convert(two_services_behind(kNlb, "TCP"), "", true);
  EXPECT_EQ(r.annotation("Service", "service.beta.kubernetes.io/aws-load-balancer-scheme"),
            (std::vector<std::string>{"internal", "internal"}));
  EXPECT_TRUE(r.of_kind("Gateway").empty());
  EXPECT_EQ(r.count("extra-load-balancer"), 1);
}

std::string rule(const std::string& id, const std::string& host, const std::string& target_group) {
  return R"({"RuleArn": ")" + kRegion + "listener-rule/app/Shop-ALB/50dc6c495c0c9188/0467ef3c8400ae65/" + id +
         R"(", "Priority": ")" + id + R"(", "IsDefault": false, "Conditions": [{"Field": "host-header", "Values": [")" + host +
         R"("]}], "Actions": [{"Type": "forward", "TargetGroupArn": ")" + kRegion + "targetgroup/" + target_group + R"(/1"}]})";
}

TEST(LoadBalancerSafety, TwoWorkloadsWritingOneRouteNameIsAnErrorNotAnOverwrite) {
  // "shop" has two sets of hosts, so HTTPRoutes shop and shop-2; workload "shop-2" has HTTPRoute shop-2 too.
  const std::vector<InputText> in = {
      {"shop.json", task("shop", 80)},
      {"shop-2.json", task("shop-2", 81)},
      {"shop-svc.json", service("shop", kRegion + "targetgroup/shop/1", 80)},
      {"shop-2-svc.json", service("shop-2", kRegion + "targetgroup/shop-2/1", 81)},
      {"tg.json", target_groups("HTTP", kAlb, {"shop", "shop-2"})},
      {"rules.json", R"({"Rules": [)" + rule("10", "a.example.com", "shop") + "," + rule("20", "b.example.com", "shop") + "," +
                         rule("30", "c.example.com", "shop-2") + "]}"}};
  const Outcome r = convert(in, "", true);
  EXPECT_EQ(r.count("duplicate-output"), 1);
  EXPECT_FALSE(r.result.failed_inputs.empty());
  const Outcome ingress = convert(in);
  EXPECT_EQ(ingress.count("duplicate-output"), 0);
}

}  // namespace
}  // namespace specconv
