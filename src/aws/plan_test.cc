// Tests for the AWS plan of a namespace from hand-made linked workloads: build_plan (references,
// order, names, the diagnostics about the plan) and its renderings (every reference of the
// template names a resource or parameter of it; the API calls create each resource before a call
// uses it).
#include "aws/build_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "aws/render_api.h"
#include "aws/render_cfn.h"
#include "aws/render_json.h"
#include "io/json_load.h"
#include "testutil/json.h"

namespace specconv::aws {
namespace {

using io::Node;


model::LoadBalancerBinding alb_binding(const std::string& tg, const std::string& container, std::vector<model::HttpRoute> routes) {
  model::LoadBalancerBinding b;
  b.type = model::LoadBalancerType::kApplication;
  b.load_balancer_name = "shop";
  b.target_group_name = tg;
  b.container = container;
  b.container_port = 8080;
  b.listeners = {{"HTTPS", 443, {"arn:cert-1", "arn:cert-2"}, false}, {"HTTP", 80, {}, true}};
  b.routes = std::move(routes);
  return b;
}

k8s::LinkedWorkload linked(const std::string& name, model::WorkloadKind kind, int line) {
  k8s::LinkedWorkload lw;
  lw.workload.name = name;
  lw.workload.namespace_name = "shop";
  lw.workload.kind = kind;
  lw.workload.has_service = kind != model::WorkloadKind::kCronJob;
  lw.where = {"app.yaml", "", line, 1, 0};
  lw.files = {"app.yaml"};
  return lw;
}

/// web (two Ingress routes, reads Secret db), api (one route, Cloud Map "api"), report (CronJob).
struct Shop {
  std::vector<k8s::LinkedWorkload> workloads;
  k8s::KeyedObject cfg;
  k8s::KeyedObject db;
  NamespaceInput in;

  explicit Shop(const std::string& schedule = "0 9 * * 1-5") {
    workloads.push_back(linked("web", model::WorkloadKind::kService, 10));
    workloads[0].workload.load_balancers.push_back(
        alb_binding("web-tg", "web", {{{}, {"/*"}, 1}, {{"shop.example.com"}, {"/*"}, 2}}));
    model::Container c;
    c.name = "web";
    c.secret_env.push_back({"DB_PASSWORD", model::SecretStore::kSecretsManager, "arn:x", "db", "password"});
    c.secret_env.push_back({"LOG_LEVEL", model::SecretStore::kSsmParameter, "/shop/cfg/LOG_LEVEL", "cfg", "LOG_LEVEL"});
    workloads[0].workload.containers.push_back(c);
    workloads.push_back(linked("api", model::WorkloadKind::kService, 20));
    workloads[1].workload.load_balancers.push_back(alb_binding("api-tg", "api", {{{}, {"/api/v1"}, 3}}));
    workloads[1].workload.registries.push_back({"", "api", "api", std::nullopt, std::nullopt});
    workloads.push_back(linked("report", model::WorkloadKind::kCronJob, 30));
    workloads[2].schedule = schedule;
    cfg.meta.name = "cfg";
    cfg.keys = {"LOG_LEVEL"};
    cfg.values = {{"LOG_LEVEL", "debug"}};
    db.meta.name = "db";
    db.keys = {"password"};
    in.namespace_name = "shop";
    const char* web_td = R"({"family": "web", "containerDefinitions": [{"name": "web", "secrets": [
        {"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:r:a:secret:shop/db:password::"}]}]})";
    in.workloads.push_back({&workloads[0], testutil::parse_json(web_td), testutil::parse_json(R"({"serviceName": "web", "taskDefinition": "web", "desiredCount": 1})"), Node::array()});
    in.workloads.push_back({&workloads[1], testutil::parse_json(R"({"family": "api"})"), testutil::parse_json(R"({"serviceName": "api", "taskDefinition": "api"})"), Node::array()});
    in.workloads.push_back({&workloads[2], testutil::parse_json(R"({"family": "report"})"), Node(), Node::array()});
    in.config_maps = {&cfg};
    in.secrets = {&db};
  }
};

Options secrets_manager() {
  Options o;
  o.secrets_manager = true;
  return o;
}

TEST(AwsPlan, ReferencesResolveToTheResourcesTheyName) {
  Shop shop;
  Diagnostics d;
  const Plan plan = build_plan(shop.in, secrets_manager(), d);
  ASSERT_EQ(plan.task_definitions.size(), 3u);
  ASSERT_EQ(plan.services.size(), 2u);
  const Service& web = plan.services[0];
  EXPECT_EQ(plan.get(web.task_definition).family, "web");
  ASSERT_EQ(web.targets.size(), 1u);
  EXPECT_EQ(plan.get(web.targets[0].target_group).name, "web-tg");
  const Service& api = plan.services[1];
  ASSERT_TRUE(api.registry.has_value());
  EXPECT_EQ(plan.get(api.registry->service).name, "api");
  for (const ListenerRule& r : plan.rules) {
    EXPECT_EQ(plan.get(r.listener).protocol, "HTTPS");
    EXPECT_EQ(plan.get(plan.get(r.listener).load_balancer).k8s_name, "shop");
  }
  ASSERT_EQ(plan.schedules.size(), 1u);
  EXPECT_EQ(plan.get(plan.schedules[0].task_definition).family, "report");
  EXPECT_EQ(plan.get(plan.schedules[0].role).purpose, Role::Purpose::kScheduler);
  EXPECT_EQ(plan.schedules[0].expression, "cron(0 9 ? * 2-6 *)");
  // The Secrets Manager reference in the body points at the plan's secret, with its key suffix.
  ASSERT_EQ(plan.task_definitions[0].secret_uses.size(), 1u);
  EXPECT_EQ(plan.get(plan.task_definitions[0].secret_uses[0].secret).name, "shop/db");
  EXPECT_EQ(plan.task_definitions[0].secret_uses[0].suffix, ":password::");
}

TEST(AwsPlan, RulesInAlbOrderAndListenersWithTheirActions) {
  Shop shop;
  Diagnostics d;
  const Plan plan = build_plan(shop.in, Options{}, d);
  ASSERT_EQ(plan.load_balancers.size(), 1u);
  ASSERT_EQ(plan.listeners.size(), 2u);
  const Listener& https = plan.listeners[0];
  const Listener& http = plan.listeners[1];
  EXPECT_EQ(https.action.type, ListenerAction::Type::kFixed404);  // every route has a priority
  EXPECT_EQ(http.action.type, ListenerAction::Type::kRedirectToHttps);
  EXPECT_EQ(http.action.https_port, 443);
  // A host first, then the longer path, then "/*"; numbered 1, 2, 3; the redirect has none.
  ASSERT_EQ(plan.rules.size(), 3u);
  EXPECT_EQ(plan.rules[0].hosts, std::vector<std::string>{"shop.example.com"});
  EXPECT_EQ(plan.rules[1].paths, std::vector<std::string>{"/api/v1"});
  EXPECT_EQ(plan.get(plan.rules[1].target_group).name, "api-tg");
  for (std::size_t i = 0; i < plan.rules.size(); ++i) EXPECT_EQ(plan.rules[i].priority, static_cast<int64_t>(i + 1));
  // The default certificate on the listener, the other as a listener certificate.
  EXPECT_EQ(https.certificates.front(), "arn:cert-1");
  ASSERT_EQ(plan.listener_certificates.size(), 1u);
  EXPECT_EQ(plan.listener_certificates[0].certificates, std::vector<std::string>{"arn:cert-2"});
}

TEST(AwsPlan, DependenciesComeFromTheResourcesUsed) {
  Shop shop;
  Diagnostics d;
  const Plan plan = build_plan(shop.in, secrets_manager(), d);
  // The web service waits for the rules forwarding to its target group.
  const Service& web = plan.services[0];
  ASSERT_EQ(web.depends_on.size(), 2u);
  for (const AnyRef& r : web.depends_on) {
    ASSERT_EQ(r.kind, Kind::kListenerRule);
    EXPECT_EQ(plan.get(plan.rules[r.index].target_group).name, "web-tg");
  }
  // The task definition waits for the parameter and the secret its container reads.
  std::vector<std::string> deps;
  for (const AnyRef& r : plan.task_definitions[0].depends_on) deps.push_back(plan.identity(r).name);
  EXPECT_EQ(deps, (std::vector<std::string>{"DbSecret", "CfgLOGLEVELParameter"}));
  // Logical names are unique and keep the CloudFormation parameter names free.
  EXPECT_EQ(plan.identity({Kind::kService, 0}).name, "WebService");
  EXPECT_EQ(plan.roles[0].id.name, "SchedulerRole");
}

TEST(AwsPlan, PlanDiagnosticsAreReportedOnceWhateverRendersIt) {
  Shop shop("0 0 1 * 1");  // day of month and day of week: no EventBridge form
  Diagnostics d;
  const Plan plan = build_plan(shop.in, Options{}, d);
  (void)render_cfn(plan);
  (void)render_api(plan);
  std::size_t schedule_warnings = 0;
  std::size_t secure_string_notes = 0;
  for (const auto& x : d.all()) {
    schedule_warnings += x.code == "schedule-not-converted" ? 1 : 0;
    secure_string_notes += x.code == "secure-string-parameters" ? 1 : 0;
  }
  EXPECT_EQ(schedule_warnings, 1u);
  EXPECT_EQ(secure_string_notes, 1u);
  EXPECT_TRUE(plan.schedules.empty());
  EXPECT_EQ(plan.task_definitions.size(), 3u);  // the task definition is still made
}

/// Every name a template refers to: Ref, Fn::GetAtt, DependsOn, ${Name} in Fn::Sub.
void collect_references(const Node& n, std::set<std::string>& out) {
  if (n.is_array()) {
    for (const Node& x : n.items()) collect_references(x, out);
    return;
  }
  if (!n.is_object()) return;
  for (const auto& [k, v] : n.members()) {
    if (k == "Ref") out.insert(v.text());
    else if (k == "Fn::GetAtt") out.insert(v.items()[0].text());
    else if (k == "DependsOn") {
      for (const Node& x : v.items()) out.insert(x.text());
    } else if (k == "Fn::Sub") {
      const std::string& s = v.text();
      for (auto at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
        const std::string name = s.substr(at + 2, s.find('}', at) - at - 2);
        if (name.find("AWS::") != 0) out.insert(name);
      }
    } else {
      collect_references(v, out);
    }
  }
}

TEST(AwsRenderCfn, EveryReferenceNamesAResourceOrParameterOfTheTemplate) {
  Diagnostics ignored;
  const Node t = render_cfn(build_plan(Shop().in, secrets_manager(), ignored));
  std::set<std::string> refs;
  collect_references(*t.find("Resources"), refs);
  EXPECT_GT(refs.size(), 10u);
  for (const std::string& r : refs) {
    EXPECT_TRUE(t.find("Resources")->find(r) != nullptr || t.find("Parameters")->find(r) != nullptr) << r;
  }
  // The secret of the plan is referred to by its ARN, not by the writer's guessed one.
  const Node* secrets = t.find("Resources")->find("WebTaskDefinition")->find("Properties")->find("ContainerDefinitions");
  const Node& value_from = *secrets->items()[0].find("Secrets")->items()[0].find("ValueFrom");
  EXPECT_EQ(value_from.find("Fn::Sub")->text(), "${DbSecret}:password::");
}

TEST(AwsRenderApi, EveryResourceIsCreatedBeforeACallUsesIt) {
  Diagnostics ignored;
  const Node calls = render_api(build_plan(Shop().in, secrets_manager(), ignored));
  std::set<std::string> created;  // target group names, task families, role names, Cloud Map names
  std::vector<std::string> order;
  for (const Node& c : calls.items()) {
    const std::string api = c.find("api")->text();
    const Node& in = *c.find("input");
    order.push_back(api);
    if (api == "elbv2:CreateTargetGroup") created.insert("tg:" + in.find("Name")->text());
    if (api == "ecs:RegisterTaskDefinition") created.insert("td:" + in.find("family")->text());
    if (api == "iam:CreateRole") created.insert("role:" + in.find("RoleName")->text());
    if (api == "elbv2:CreateRule") {
      const std::string arn = in.find("Actions")->items()[0].find("TargetGroupArn")->text();
      const std::string name = arn.substr(arn.find("targetgroup/") + 12, arn.rfind('/') - arn.find("targetgroup/") - 12);
      EXPECT_TRUE(created.count("tg:" + name)) << name;
    }
    if (api == "ecs:CreateService") {
      EXPECT_TRUE(created.count("td:" + in.find("taskDefinition")->text()));
      EXPECT_EQ(in.find("serviceRegistries") != nullptr, in.find("serviceName")->text() == "api");  // Cloud Map "api"
    }
    if (api == "scheduler:CreateSchedule") {
      EXPECT_TRUE(created.count("td:" + in.find("Name")->text()));
      EXPECT_TRUE(created.count("role:shop-ecs-scheduler"));
    }
  }
  EXPECT_EQ(order.front(), "ssm:PutParameter");
  EXPECT_EQ(order.back(), "scheduler:CreateSchedule");
  EXPECT_EQ(std::count(order.begin(), order.end(), "elbv2:CreateRule"), 3);
}

TEST(AwsRenderJson, OneDocumentPerWorkloadWithTheWritersInputsAsTheyAre) {
  Shop shop;
  const Node web = render_json(shop.in.workloads[0]);
  ASSERT_TRUE(web.is_object());
  EXPECT_EQ(*web.find("taskDefinition"), shop.in.workloads[0].task_definition);
  EXPECT_EQ(*web.find("service"), shop.in.workloads[0].service);
  EXPECT_EQ(web.find("autoscaling"), nullptr);  // no HPA: no envelopes
  EXPECT_EQ(render_json(shop.in.workloads[2]), shop.in.workloads[2].task_definition);  // a CronJob: the task definition only
  shop.in.workloads[0].autoscaling.push(testutil::parse_json(R"({"api": "application-autoscaling:RegisterScalableTarget", "input": {}})"));
  EXPECT_EQ(render_json(shop.in.workloads[0]).find("autoscaling")->size(), 1u);
}

}  // namespace
}  // namespace specconv::aws
