// Tests for the Terraform rendering of a plan: a small hand-made plan (target group, ALB,
// listener, rule, task definition with a secret of the plan, service) and what its text must say:
// references instead of copied names, variables for the inputs, no secret value, identifiers.
#include "aws/render_terraform.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aws/terraform_args.h"
#include "io/json_load.h"
#include "testutil/json.h"

namespace specconv::aws {
namespace {


Plan small_plan() {
  Plan p;
  p.namespace_name = "shop";
  p.inputs.vpc = p.inputs.subnets = p.inputs.security_groups = p.inputs.cluster = true;
  p.inputs.public_subnets = p.inputs.load_balancer_security_groups = true;
  p.options.subnets = {"subnet-1", "subnet-2"};
  p.execution_role = Role{};
  p.execution_role->id = {Kind::kRole, "TaskExecutionRole"};
  p.execution_role->purpose = Role::Purpose::kTaskExecution;
  p.execution_role->policy_name = "read-shop-configuration";
  p.secrets.push_back({{Kind::kSecret, "DbSecret"}, "shop/db", "db", "Secret shop/db (keys: password)"});
  p.parameters.push_back({{Kind::kParameter, "CfgScriptParameter"}, "/shop/cfg/SCRIPT", "ConfigMap shop/cfg",
                          "echo \"${HOME}\" %{x}\nexit 0", false});
  TargetGroup tg;
  tg.id = {Kind::kTargetGroup, "Web-80TargetGroup"};
  tg.name = "shop-web-80";
  tg.protocol = "HTTP";
  tg.port = 8080;
  tg.health.path = "/ready";
  tg.health.http_matcher = true;
  p.target_groups.push_back(tg);
  LoadBalancer lb;
  lb.id = {Kind::kLoadBalancer, "ShopLoadBalancer"};
  lb.name = "shop";
  lb.k8s_name = "shop";
  lb.scheme = "internet-facing";
  p.load_balancers.push_back(lb);
  Listener l;
  l.id = {Kind::kListener, "ShopListenerHTTP80"};
  l.protocol = "HTTP";
  l.port = 80;
  l.action.type = ListenerAction::Type::kFixed404;
  p.listeners.push_back(l);
  ListenerRule rule;
  rule.id = {Kind::kListenerRule, "ShopRule80P1"};
  rule.hosts = {"shop.example.com"};
  rule.paths = {"/${x}"};
  rule.priority = 1;
  p.rules.push_back(rule);
  TaskDefinition td;
  td.id = {Kind::kTaskDefinition, "WebTaskDefinition"};
  td.family = "web";
  td.body = testutil::parse_json(R"({"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "web",
      "image": "nginx", "secrets": [{"name": "PASSWORD", "valueFrom": "copied"}]}],
      "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
      "tags": [{"key": "team", "value": "a"}]})");
  td.secret_uses.push_back({0, 0, Ref<Secret>{0}, ":password::"});
  td.depends_on.push_back({Kind::kSecret, 0});
  p.task_definitions.push_back(td);
  Service s;
  s.id = {Kind::kService, "WebService"};
  s.body = testutil::parse_json(R"({"cluster": "default", "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
      "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100},
      "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["x"], "securityGroups": ["y"],
      "assignPublicIp": "DISABLED"}}, "healthCheckGracePeriodSeconds": 30})");
  s.targets.push_back({Ref<TargetGroup>{0}, "web", 8080});
  s.depends_on.push_back({Kind::kListenerRule, 0});
  p.services.push_back(s);
  Workload w;
  w.service = Ref<Service>{0};
  p.workloads.push_back(w);
  return p;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Every part is in the rendering of the small plan.
void expect_parts(const std::vector<std::string>& parts) {
  const std::string tf = render_terraform(small_plan());
  for (const auto& part : parts) EXPECT_TRUE(has(tf, part)) << "missing: " << part << "\n" << tf;
}

TEST(RenderTerraform, ReferencesResourcesOfThePlan) {
  expect_parts({
      "resource \"aws_lb_target_group\" \"web_80_target_group\" {",
      "target_group_arn = aws_lb_target_group.web_80_target_group.arn",
      "listener_arn = aws_lb_listener.shop_listener_http80.arn",
      "load_balancer_arn = aws_lb.shop_load_balancer.arn",
      " = aws_ecs_task_definition.web_task_definition.arn\n",
      "= [aws_lb_listener_rule.shop_rule80_p1]\n",
      "= [aws_secretsmanager_secret.db_secret]\n",
      "valueFrom = \"${aws_secretsmanager_secret.db_secret.arn}:password::\"",
      " = var.cluster\n",
      "execution_role_arn = local.execution_role_arn",
  });
  EXPECT_FALSE(has(render_terraform(small_plan()), "copied"));
}

TEST(RenderTerraform, InputsAreVariablesWithTheFlagsAsDefaults) {
  expect_parts({
      "variable \"vpc_id\" {",
      "default     = [\"subnet-1\", \"subnet-2\"]",
      "variable \"cluster\" {",
      "subnets            = var.public_subnets",
      "source  = \"hashicorp/aws\"",
      "version = \"~> 5.0\"",
      " = var.execution_role_arn == \"\" ? 1 : 0\n",
  });
  EXPECT_FALSE(has(render_terraform(small_plan()), "variable \"certificate_arn\""));
}

TEST(RenderTerraform, BodiesInTheProviderSpelling) {
  expect_parts({
      "deployment_maximum_percent         = 200",
      "assign_public_ip = false",
      "security_groups  = var.security_groups",
      "tags = {\n    team = \"a\"\n  }",
      "container_definitions = jsonencode([",
      "values = [\"/$${x}\"]",  // a path is data, never a template
      "value       = \"echo \\\"$${HOME}\\\" %%{x}\\nexit 0\"",  // a ConfigMap value is data too
      "output \"web_task_definition_arn\" {",
      "output \"shop_load_balancer_dns_name\" {",
  });
}

TEST(RenderTerraform, NamesAreUniqueIdentifiers) {
  Plan p = small_plan();
  TargetGroup twin = p.target_groups.front();
  twin.id.name = "Web_80TargetGroup";  // logical names differ; their snake_case does not
  p.target_groups.push_back(twin);
  const std::string tf = render_terraform(p);
  EXPECT_TRUE(has(tf, "resource \"aws_lb_target_group\" \"web_80_target_group\" {")) << tf;
  EXPECT_TRUE(has(tf, "resource \"aws_lb_target_group\" \"web_80_target_group_2\" {")) << tf;
}

TEST(RenderTerraform, Deterministic) { EXPECT_EQ(render_terraform(small_plan()), render_terraform(small_plan())); }

TEST(TerraformArguments, IrregularNamesAndShapes) {
  io::HclBody body;
  add_terraform_arguments(testutil::parse_json(R"({"volumes": [{"name": "data", "host": {"sourcePath": "/d"}},
      {"name": "efs", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}],
      "ephemeralStorage": {"sizeInGiB": 30}, "placementStrategy": [{"type": "spread", "field": "host"}],
      "enableECSManagedTags": true, "skipMe": 1})"),
                          body, {"skipMe"});
  std::string out;
  body.write(out, 0);
  EXPECT_EQ(out,
            "volume {\n  name      = \"data\"\n  host_path = \"/d\"\n}\n"
            "volume {\n  name = \"efs\"\n  efs_volume_configuration {\n    file_system_id = \"fs-1\"\n  }\n}\n"
            "ephemeral_storage {\n  size_in_gib = 30\n}\n"
            "ordered_placement_strategy {\n  type  = \"spread\"\n  field = \"host\"\n}\n"
            "enable_ecs_managed_tags = true\n");
}

}  // namespace
}  // namespace specconv::aws
