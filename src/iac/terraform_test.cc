// Terraform JSON read into the bundle the API JSON path makes: a state's task definition (its
// container_definitions string parsed), its service linked by ARN to it and to its target group,
// the load balancer wiring; a plan's values known only after apply linked through the
// configuration or written as placeholders with a warning; diagnostics inside the embedded JSON
// pointing at the attribute and then into the embedded text.
#include "iac/terraform.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "input/kind.h"
#include "io/json_load.h"

namespace specconv::iac {
namespace {

const char* kState = R"({"format_version": "1.0", "values": {"root_module": {"child_modules": [{"address": "module.app",
  "resources": [
  {"address": "module.app.aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web",
   "values": {"family": "web", "arn": "arn:aws:ecs:us-east-1:1:task-definition/web:3", "revision": 3, "cpu": "256", "memory": "512",
     "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"], "task_role_arn": "arn:aws:iam::1:role/web",
     "container_definitions": "[{\"name\":\"web\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":80}]}]",
     "runtime_platform": [{"operating_system_family": "LINUX", "cpu_architecture": "ARM64"}],
     "volume": [{"name": "data", "host_path": "", "configure_at_launch": false, "docker_volume_configuration": [],
       "efs_volume_configuration": [{"file_system_id": "fs-1", "root_directory": "/", "transit_encryption": "ENABLED",
         "transit_encryption_port": 0, "authorization_config": [{"access_point_id": "", "iam": ""}]}]}],
     "tags": {"team": "a"}, "tags_all": {"team": "a"}, "skip_destroy": false, "id": "web", "ipc_mode": "", "pid_mode": ""}},
  {"address": "module.app.aws_ecs_service.web", "mode": "managed", "type": "aws_ecs_service", "name": "web",
   "values": {"name": "web-svc", "task_definition": "arn:aws:ecs:us-east-1:1:task-definition/web:3", "desired_count": 2,
     "cluster": "arn:aws:ecs:us-east-1:1:cluster/main", "launch_type": "FARGATE", "deployment_maximum_percent": 200,
     "deployment_minimum_healthy_percent": 50, "health_check_grace_period_seconds": 0, "propagate_tags": "NONE",
     "enable_execute_command": false, "deployment_controller": [{"type": "ECS"}], "force_new_deployment": true,
     "load_balancer": [{"container_name": "web", "container_port": 80, "elb_name": "",
       "target_group_arn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/abc"}],
     "network_configuration": [{"assign_public_ip": false, "subnets": ["subnet-1"], "security_groups": ["sg-1"]}]}},
  {"address": "module.app.aws_lb_target_group.web", "mode": "managed", "type": "aws_lb_target_group", "name": "web",
   "values": {"arn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/abc", "name": "web", "port": 80, "protocol": "HTTP",
     "target_type": "ip", "vpc_id": "vpc-1", "load_balancer_arns": [],
     "health_check": [{"path": "/health", "interval": 15, "timeout": 5, "healthy_threshold": 2, "unhealthy_threshold": 3,
       "enabled": true, "matcher": "200", "port": "traffic-port", "protocol": "HTTP"}]}},
  {"address": "module.app.aws_lb.main", "mode": "managed", "type": "aws_lb", "name": "main",
   "values": {"arn": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/main/1", "name": "main",
     "load_balancer_type": "application", "internal": true, "idle_timeout": 60}},
  {"address": "module.app.aws_lb_listener.https", "mode": "managed", "type": "aws_lb_listener", "name": "https",
   "values": {"arn": "arn:aws:elasticloadbalancing:us-east-1:1:listener/app/main/1/2", "port": 443, "protocol": "HTTPS",
     "load_balancer_arn": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/main/1",
     "certificate_arn": "arn:aws:acm:us-east-1:1:certificate/c", "ssl_policy": "ELBSecurityPolicy-2016-08",
     "default_action": [{"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/abc",
       "forward": [], "redirect": []}]}},
  {"address": "module.app.aws_cloudwatch_log_group.web", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "web",
   "values": {"name": "/ecs/web"}}]}]}}})";

bool has(const Diagnostics& d, const std::string& code, const std::string& text) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) {
    return x.code == code && (x.message.find(text) != std::string::npos || x.location.pointer.find(text) != std::string::npos);
  });
}

ecs::Bundle read(const std::string& text, Diagnostics& d, const std::string& file = "state.json") {
  const io::Node root = *io::load_json(text, file, {}, d);
  ecs::Bundle b;
  read_terraform(root, file, {}, b, d);
  return b;
}

TEST(TerraformReader, AStateIsDetectedByContent) {
  Diagnostics d;
  EXPECT_EQ(input::classify(*io::load_json(kState, "s.json", {}, d)).shape, input::Shape::kTerraformState);
  EXPECT_EQ(input::sniff(kState).shape, input::Shape::kTerraformState);
  EXPECT_EQ(input::sniff(R"({"format_version": "1.2", "planned_values": {"root_module": {}}})").shape, input::Shape::kTerraformPlan);
  // values without format_version is not Terraform's
  EXPECT_NE(input::sniff(R"({"values": {"root_module": {}}})").shape, input::Shape::kTerraformState);
}

TEST(TerraformReader, StateResourcesBecomeTheBundleTheApiPathMakes) {
  Diagnostics d;
  const ecs::Bundle b = read(kState, d);
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.task_definitions.size(), 1u);
  const ecs::TaskDefinitionInput& td = b.task_definitions[0];
  EXPECT_EQ(td.family, "web");
  EXPECT_EQ(td.arn, "arn:aws:ecs:us-east-1:1:task-definition/web:3");
  ASSERT_EQ(td.workload.containers.size(), 1u);
  EXPECT_EQ(td.workload.containers[0].image, "nginx");
  EXPECT_EQ(td.workload.cpu_architecture, "ARM64");
  EXPECT_EQ(td.workload.task_role, "arn:aws:iam::1:role/web");
  ASSERT_EQ(td.workload.volumes.size(), 1u);
  EXPECT_EQ(td.workload.volumes[0].file_system_id, "fs-1");
  EXPECT_TRUE(td.workload.volumes[0].transit_encryption);
  EXPECT_EQ(td.workload.source_pointer, "/values/root_module/child_modules/0/resources/0/values");
  ASSERT_EQ(b.services.size(), 1u);
  EXPECT_EQ(b.services[0].service.service_name, "web-svc");
  EXPECT_EQ(b.services[0].task_definition, td.arn);
  EXPECT_EQ(b.services[0].service.replicas, 2);
  const auto* rollout = std::get_if<model::PercentRollout>(&b.services[0].service.rollout);
  ASSERT_NE(rollout, nullptr);
  EXPECT_EQ(rollout->minimum_healthy_percent, 50);
  ASSERT_EQ(b.target_groups.size(), 1u);
  EXPECT_EQ(b.services[0].service.load_balancers.at(0).target_group_arn, b.target_groups[0].arn);
  EXPECT_EQ(b.target_groups[0].health_check_path, "/health");
  EXPECT_EQ(b.target_groups[0].interval_seconds, 15);
  // Not listed by the state: the load balancer is the one whose listener forwards to the group.
  ASSERT_EQ(b.target_groups[0].load_balancer_arns.size(), 1u);
  EXPECT_EQ(b.target_groups[0].load_balancer_arns[0], "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/main/1");
  ASSERT_EQ(b.load_balancers.size(), 1u);
  EXPECT_EQ(b.load_balancers[0].scheme, "internal");
  ASSERT_EQ(b.listeners.size(), 1u);
  EXPECT_EQ(b.listeners[0].listener.certificate_arns, std::vector<std::string>{"arn:aws:acm:us-east-1:1:certificate/c"});
  // Reported, not dropped: attributes of wiring the conversion does not use, types it does not convert.
  EXPECT_TRUE(has(d, "terraform-skipped", "ssl_policy"));
  EXPECT_TRUE(has(d, "terraform-skipped", "aws_cloudwatch_log_group (module.app.aws_cloudwatch_log_group.web)"));
}

std::string state_with_container_definitions(const std::string& json_string_value) {
  std::string s = kState;
  const std::string from = R"("container_definitions": "[{\"name\":\"web\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":80}]}]")";
  s.replace(s.find(from), from.size(), "\"container_definitions\": " + json_string_value);
  return s;
}

TEST(TerraformReader, ADiagnosticInsideContainerDefinitionsPointsAtTheAttributeThenIntoTheEmbeddedJson) {
  Diagnostics d;
  (void)read(state_with_container_definitions(R"("[{\"name\":\"web\",\"image\":\"nginx\",\"memroy\":64}]")"), d);
  const auto it = std::find_if(d.all().begin(), d.all().end(), [](const Diagnostic& x) { return x.code == "unknown-key"; });
  ASSERT_NE(it, d.all().end());
  EXPECT_EQ(it->location.pointer, "/values/root_module/child_modules/0/resources/0/values/container_definitions/0/memroy");
  EXPECT_EQ(it->location.line, 6);  // the attribute's line in the state
}

TEST(TerraformReader, BrokenJsonInContainerDefinitionsIsALocatedError) {
  Diagnostics d;
  (void)read(state_with_container_definitions(R"("[{\"name\": \"web\", ")"), d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_TRUE(has(d, "terraform-embedded-json", "of the embedded text"));
  const Diagnostic& e = *std::find_if(d.all().begin(), d.all().end(), [](const Diagnostic& x) { return x.severity == Severity::kError; });
  EXPECT_EQ(e.location.pointer, "/values/root_module/child_modules/0/resources/0/values/container_definitions");
  EXPECT_EQ(e.location.line, 6);
}

TEST(TerraformReader, WrongTypesAreLocatedErrors) {
  Diagnostics d1;
  (void)read(state_with_container_definitions("42"), d1);
  EXPECT_TRUE(has(d1, "type-mismatch", "container_definitions is a string holding JSON"));
  Diagnostics d2;
  std::string s = kState;
  s.replace(s.find(R"("tags": {"team": "a"})"), 21, R"("tags": {"team": 7})");
  (void)read(s, d2);
  EXPECT_TRUE(has(d2, "type-mismatch", "/values/root_module/child_modules/0/resources/0/values/tags/team"));
  Diagnostics d3;
  (void)read(R"({"format_version": "1.0", "values": {"root_module": {"resources": [{"address": 1}]}}})", d3);
  EXPECT_TRUE(has(d3, "missing-field", "/values/root_module/resources/0"));
  Diagnostics d4;
  (void)read(R"({"format_version": "1.0", "values": {"root_module": {"child_modules": {"x": 1}}}})", d4);
  EXPECT_TRUE(has(d4, "type-mismatch", "/values/root_module/child_modules"));
}

TEST(TerraformReader, AnAttributeSpecconvDoesNotKnowIsAnError) {
  Diagnostics d;
  std::string s = kState;
  s.replace(s.find(R"("skip_destroy": false)"), 21, R"("skip_destroy": false, "exotic_setting": "on", "netwrok_mode": "host")");
  (void)read(s, d);
  EXPECT_TRUE(has(d, "unknown-key", "exotic_setting"));
  EXPECT_TRUE(has(d, "unknown-key", "\"netwrok_mode\" is not an attribute of aws_ecs_task_definition that specconv knows "
                                    "(hashicorp/aws 5.x); did you mean \"network_mode\"?"));
}

TEST(TerraformReader, AStateWithoutATaskDefinitionSaysSo) {
  Diagnostics d;
  (void)read(R"({"format_version": "1.0", "values": {"root_module": {"resources": []}}})", d);
  EXPECT_TRUE(has(d, "terraform-no-task-definition", "nothing to convert"));
}

const char* kPlan = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_ecs_task_definition.app", "mode": "managed", "type": "aws_ecs_task_definition", "name": "app",
   "values": {"family": "app", "cpu": "256", "memory": "512", "network_mode": "awsvpc",
     "container_definitions": "[{\"name\":\"app\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":8080}]}]"}},
  {"address": "aws_ecs_service.app", "mode": "managed", "type": "aws_ecs_service", "name": "app",
   "values": {"name": "app", "desired_count": 1, "load_balancer": [{"container_name": "app", "container_port": 8080}]}},
  {"address": "aws_lb_target_group.app", "mode": "managed", "type": "aws_lb_target_group", "name": "app",
   "values": {"name": "app", "port": 8080, "protocol": "HTTP", "target_type": "ip"}}]}},
 "resource_changes": [
  {"address": "aws_ecs_task_definition.app", "change": {"after_unknown": {"arn": true, "task_role_arn": true}}},
  {"address": "aws_ecs_service.app", "change": {"after_unknown": {"task_definition": true, "cluster": true,
     "load_balancer": [{"target_group_arn": true}]}}},
  {"address": "aws_lb_target_group.app", "change": {"after_unknown": {"arn": true}}}],
 "configuration": {"root_module": {"resources": [
  {"address": "aws_ecs_service.app", "expressions": {"task_definition": {"references": ["aws_ecs_task_definition.app.arn",
     "aws_ecs_task_definition.app"]}, "load_balancer": [{"target_group_arn": {"references": ["aws_lb_target_group.app.arn"]}}]}}]}}})";

TEST(TerraformReader, APlanLinksWhatIsKnownOnlyAfterApplyAndWarnsOfPlaceholders) {
  Diagnostics d;
  const ecs::Bundle b = read(kPlan, d, "plan.json");
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.services.size(), 1u);
  ASSERT_EQ(b.task_definitions.size(), 1u);
  EXPECT_EQ(b.services[0].task_definition, "app");  // linked by the configuration's reference, by family
  ASSERT_EQ(b.target_groups.size(), 1u);
  EXPECT_EQ(b.target_groups[0].arn, "REPLACE_ME_aws_lb_target_group.app.arn");
  EXPECT_EQ(b.services[0].service.load_balancers.at(0).target_group_arn, b.target_groups[0].arn);  // both ends agree
  // A role ARN stays an ARN, its unknown parts placeholders.
  EXPECT_EQ(b.task_definitions[0].workload.task_role, "arn:aws:iam::REPLACE_ME_ACCOUNT:role/REPLACE_ME_aws_ecs_task_definition.app.task_role_arn");
  EXPECT_TRUE(has(d, "terraform-placeholder", "aws_ecs_task_definition.app: known only after apply: arn, task_role_arn"));
  EXPECT_TRUE(has(d, "terraform-placeholder", "task_definition (linked to aws_ecs_task_definition.app by the configuration's reference)"));
}

TEST(TerraformReader, ASelfReferenceInThePlanDoesNotLoop) {
  // A service whose task_definition "references" the service itself, and a scaling target of it: the
  // links go one step (a reference names a resource of the wanted type, or nothing).
  std::string plan = kPlan;
  plan.replace(plan.find(R"(["aws_ecs_task_definition.app.arn",)"), 35, R"(["aws_ecs_service.app.id",)");
  Diagnostics d;
  const ecs::Bundle b = read(plan, d, "plan.json");
  ASSERT_EQ(b.services.size(), 1u);
  EXPECT_EQ(b.services[0].task_definition, "app");  // the only task definition of the plan
}

TEST(TerraformReader, APlansUnknownLoadBalancerArnsKeepTheirShape) {
  // The load balancer's name (the IngressGroup) and a rule's listener still follow from the ARNs.
  const char* plan = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_task_definition.app", "mode": "managed", "type": "aws_ecs_task_definition", "name": "app",
     "values": {"family": "app", "container_definitions": "[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":64}]"}},
    {"address": "aws_lb.main", "mode": "managed", "type": "aws_lb", "name": "main", "values": {"name": "web-lb"}},
    {"address": "aws_lb_listener.http", "mode": "managed", "type": "aws_lb_listener", "name": "http", "values": {"port": 80}},
    {"address": "aws_lb_listener_rule.api", "mode": "managed", "type": "aws_lb_listener_rule", "name": "api",
     "values": {"priority": 10, "condition": [{"path_pattern": [{"values": ["/api/*"]}]}]}}]}},
   "resource_changes": [
    {"address": "aws_lb.main", "change": {"after_unknown": {"arn": true}}},
    {"address": "aws_lb_listener.http", "change": {"after_unknown": {"arn": true, "load_balancer_arn": true}}},
    {"address": "aws_lb_listener_rule.api", "change": {"after_unknown": {"arn": true, "listener_arn": true}}}]})";
  Diagnostics d;
  const ecs::Bundle b = read(plan, d, "plan.json");
  ASSERT_FALSE(d.has_errors()) << d.all().front().message;
  ASSERT_EQ(b.load_balancers.size(), 1u);
  EXPECT_EQ(b.load_balancers[0].arn,
            "arn:aws:elasticloadbalancing:REPLACE_ME_REGION:REPLACE_ME_ACCOUNT:loadbalancer/app/web-lb/REPLACE_ME_aws_lb.main.arn");
  ASSERT_EQ(b.listeners.size(), 1u);
  EXPECT_EQ(b.listeners[0].load_balancer_arn, b.load_balancers[0].arn);
  ASSERT_EQ(b.rules.size(), 1u);
  EXPECT_EQ(b.rules[0].listener_arn, b.listeners[0].arn);
  EXPECT_EQ(b.rules[0].route.paths, std::vector<std::string>{"/api/*"});
  EXPECT_EQ(b.rules[0].route.priority, 10);
}

TEST(TerraformReader, APlansResourceWithoutPlannedValuesIsReported) {
  const char* plan = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
    {"address": "aws_ecs_task_definition.app", "mode": "managed", "type": "aws_ecs_task_definition", "name": "app",
     "values": {"family": "app", "container_definitions": "[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":64}]"}},
    {"address": "aws_s3_bucket_policy.logs", "mode": "managed", "type": "aws_s3_bucket_policy", "name": "logs"},
    {"address": "data.aws_ecs_task_definition.live", "mode": "data", "type": "aws_ecs_task_definition", "name": "live"}]}}})";
  Diagnostics d;
  (void)read(plan, d, "plan.json");
  EXPECT_FALSE(d.has_errors());
  EXPECT_TRUE(has(d, "terraform-skipped", "aws_s3_bucket_policy.logs has no planned values"));
  EXPECT_TRUE(has(d, "terraform-skipped", "data source aws_ecs_task_definition (data.aws_ecs_task_definition.live)"));
}

}  // namespace
}  // namespace specconv::iac
