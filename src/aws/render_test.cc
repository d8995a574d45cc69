// Tests for the aws renderers: the CloudFormation template and the API-call plan of a namespace,
// through the library entry point (convert_to_ecs with --format cfn / api).
#include "io/key_spelling.h"
#include "aws/cron.h"
#include "aws/names.h"

#include <gtest/gtest.h>

#include <string>

#include "io/json_load.h"
#include "io/yaml_load.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

using io::Node;

const char* kShop = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/api-irsa"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {LOG_LEVEL: debug, EMPTY: ""}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data: {password: c3VwZXItc2VjcmV0LXZhbHVl}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: backend}}
    spec:
      serviceAccountName: api
      containers:
      - name: api
        image: example/api:1
        ports: [{name: http, containerPort: 8080}]
        envFrom: [{configMapRef: {name: cfg}}]
        env:
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
        readinessProbe:
          httpGet: {path: /ready, port: 8081}
          periodSeconds: 1
          timeoutSeconds: 30
          successThreshold: 3
          failureThreshold: 20
        resources: {requests: {cpu: 500m, memory: 1Gi}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: api-public, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: api}
  ports: [{port: 443, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 8443}]'
    alb.ingress.kubernetes.io/ssl-redirect: "8443"
spec:
  tls: [{hosts: [shop.example.com]}]
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /api/v2, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 8
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
---
apiVersion: vpcresources.k8s.aws/v1beta1
kind: SecurityGroupPolicy
metadata: {name: api-sg, namespace: shop}
spec:
  podSelector: {matchLabels: {tier: backend}}
  securityGroups: {groupIds: [sg-0123456789abcdef0]}
)";

Node convert(EcsFormat format, Diagnostics& diags, bool secrets_manager = false) {
  ToEcsOptions o;
  o.format = format;
  if (secrets_manager) {
    o.secrets_manager = true;
    o.region = "eu-west-1";
    o.account_id = "123456789012";
  }
  ConvertResult r = convert_to_ecs({{"shop.yaml", kShop}}, o);
  diags = r.diagnostics;
  EXPECT_EQ(r.documents.size(), 1u);
  if (r.documents.empty()) return Node();
  EXPECT_EQ(r.documents[0].name, "shop");
  Diagnostics ignored;
  if (format == EcsFormat::kCfn) {
    io::YamlLoad y = io::load_yaml(r.documents[0].text, "t", io::Limits{}, ignored);
    EXPECT_EQ(y.documents.size(), 1u);
    return y.documents.empty() ? Node() : y.documents[0].root;
  }
  auto n = io::load_json(r.documents[0].text, "t", io::Limits{}, ignored);
  return n ? *n : Node();
}

const Node* resource(const Node& t, const std::string& id) {
  const Node* res = t.find("Resources");
  return res == nullptr ? nullptr : res->find(id);
}

const Node* prop(const Node& t, const std::string& id, const std::string& name) {
  const Node* r = resource(t, id);
  const Node* p = r == nullptr ? nullptr : r->find("Properties");
  return p == nullptr ? nullptr : p->find(name);
}

std::size_t count_type(const Node& t, const std::string& type) {
  std::size_t n = 0;
  for (const auto& [id, r] : t.find("Resources")->members()) {
    if (const Node* ty = r.find("Type"); ty != nullptr && ty->text() == type) ++n;
  }
  return n;
}

bool has_code(const Diagnostics& d, const std::string& code) {
  for (const auto& x : d.all()) {
    if (x.code == code) return true;
  }
  return false;
}

TEST(CfnTemplateTest, LogicalIds) {
  EXPECT_EQ(aws::logical_id("web-app"), "WebApp");
  EXPECT_EQ(aws::logical_id("9lives"), "R9lives");
  EXPECT_EQ(aws::logical_id("a.b_c"), "ABC");
}

TEST(CfnTemplateTest, CronJobSchedulesForEventBridge) {
  std::string why;
  EXPECT_EQ(aws::eventbridge_cron("30 2 * * *", why), "cron(30 2 * * ? *)");
  EXPECT_EQ(aws::eventbridge_cron("0 9 * * 1-5", why), "cron(0 9 ? * 2-6 *)");  // Mon-Fri
  EXPECT_EQ(aws::eventbridge_cron("0 0 * * 0,7", why), "cron(0 0 ? * 1,1 *)");  // Sunday both ways
  EXPECT_EQ(aws::eventbridge_cron("*/15 * 1 * *", why), "cron(*/15 * 1 * ? *)");
  EXPECT_EQ(aws::eventbridge_cron("0 8 * * mon", why), "cron(0 8 ? * MON *)");
  EXPECT_EQ(aws::eventbridge_cron("0 0 * * */2", why), "cron(0 0 ? * */2 *)");
  EXPECT_EQ(aws::eventbridge_cron("@hourly", why), "cron(0 * * * ? *)");
  EXPECT_EQ(aws::eventbridge_cron("@weekly", why), "cron(0 0 ? * 1 *)");
  EXPECT_EQ(aws::eventbridge_cron("0 0 1 * 1", why), "");  // both day fields: OR in Kubernetes
  EXPECT_FALSE(why.empty());
  EXPECT_EQ(aws::eventbridge_cron("0 0 * *", why), "");
  EXPECT_EQ(aws::eventbridge_cron("CRON_TZ=UTC 0 0 * * *", why), "");
}

TEST(CfnTemplateTest, PropertyNamesFollowCloudFormation) {
  Diagnostics ignored;
  auto n = io::load_json(R"({"family": "x", "volumes": [{"name": "v", "efsVolumeConfiguration": {"fileSystemId": "fs-1",
      "authorizationConfig": {"iam": "ENABLED"}}}], "containerDefinitions": [{"name": "a", "dockerLabels": {"com.x": "1"},
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}}]})", "", io::Limits{}, ignored);
  ASSERT_TRUE(n);
  const Node c = io::to_pascal_keys(*n);
  const Node& vol = c.find("Volumes")->items()[0];
  EXPECT_NE(vol.find("EFSVolumeConfiguration")->find("FilesystemId"), nullptr);
  EXPECT_NE(vol.find("EFSVolumeConfiguration")->find("AuthorizationConfig")->find("IAM"), nullptr);
  const Node& ctr = c.find("ContainerDefinitions")->items()[0];
  EXPECT_NE(ctr.find("DockerLabels")->find("com.x"), nullptr);
  EXPECT_NE(ctr.find("LogConfiguration")->find("Options")->find("awslogs-group"), nullptr);
}

TEST(CfnTemplateTest, LoadBalancersListenersRulesAndTargetGroups) {
  Diagnostics d;
  const Node t = convert(EcsFormat::kCfn, d);
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(count_type(t, "AWS::ElasticLoadBalancingV2::LoadBalancer"), 2u);  // ALB + NLB
  EXPECT_EQ(count_type(t, "AWS::ElasticLoadBalancingV2::TargetGroup"), 2u);
  // HTTP 80 redirects to HTTPS 8443; the HTTPS listener needs the certificate parameter.
  EXPECT_EQ(prop(t, "ShopListenerHTTP80", "DefaultActions")->items()[0].find("Type")->text(), "redirect");
  EXPECT_EQ(prop(t, "ShopListenerHTTP80", "DefaultActions")->items()[0].find("RedirectConfig")->find("Port")->text(), "8443");
  EXPECT_EQ(prop(t, "ShopListenerHTTPS8443", "Certificates")->items()[0].find("CertificateArn")->find("Ref")->text(),
            "CertificateArn");
  EXPECT_NE(t.find("Parameters")->find("CertificateArn"), nullptr);
  // The longer path gets the lower priority: /api/v2 before the catch-all.
  const Node* r1 = prop(t, "ShopRule8443P1", "Conditions");
  ASSERT_NE(r1, nullptr);
  EXPECT_EQ(r1->items()[0].find("HostHeaderConfig")->find("Values")->items()[0].text(), "shop.example.com");
  EXPECT_EQ(r1->items()[1].find("PathPatternConfig")->find("Values")->items()[1].text(), "/api/v2/*");
  const Node* r2 = prop(t, "ShopRule8443P2", "Conditions");
  ASSERT_NE(r2, nullptr);
  EXPECT_EQ(r2->items()[1].find("PathPatternConfig")->find("Values")->items()[0].text(), "/*");
  // Readiness httpGet -> health check, clamped to ELB ranges, port 8081 != traffic port.
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "HealthCheckPath")->text(), "/ready");
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "HealthCheckPort")->text(), "8081");
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "HealthCheckIntervalSeconds")->as_int(), 5);
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "HealthCheckTimeoutSeconds")->as_int(), 4);
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "UnhealthyThresholdCount")->as_int(), 10);
  EXPECT_EQ(prop(t, "ShopApi80TargetGroup", "HealthyThresholdCount")->as_int(), 3);  // successThreshold
  // NLB for the LoadBalancer Service.
  EXPECT_EQ(prop(t, "ApiPublicNetworkLoadBalancer", "Type")->text(), "network");
  EXPECT_EQ(prop(t, "ShopApiPublic443TargetGroup", "Protocol")->text(), "TCP");
  // The service waits for the listener rules and the NLB listener.
  const Node* deps = resource(t, "ApiService")->find("DependsOn");
  ASSERT_NE(deps, nullptr);
  EXPECT_EQ(deps->size(), 3u);
  EXPECT_EQ(prop(t, "ApiService", "LoadBalancers")->size(), 2u);
}

TEST(CfnTemplateTest, DiscoveryParametersSecretsScalingRolesAndSecurityGroups) {
  Diagnostics d;
  const Node t = convert(EcsFormat::kCfn, d, /*secrets_manager=*/true);
  ASSERT_TRUE(t.is_object());
  // Cloud Map: private DNS namespace named after the Kubernetes one; the service registers.
  EXPECT_EQ(t.find("Parameters")->find("ServiceDiscoveryNamespaceName")->find("Default")->text(), "shop.svc.cluster.local");
  EXPECT_EQ(prop(t, "ApiDiscovery", "Name")->text(), "api");
  EXPECT_NE(prop(t, "ApiService", "ServiceRegistries"), nullptr);
  // ConfigMap -> SSM String; the empty value is reported, not written.
  EXPECT_EQ(prop(t, "CfgLOGLEVELParameter", "Value")->text(), "debug");
  EXPECT_EQ(prop(t, "CfgLOGLEVELParameter", "Type")->text(), "String");
  EXPECT_EQ(resource(t, "CfgEMPTYParameter"), nullptr);
  EXPECT_TRUE(has_code(d, "config-value-skipped"));
  // Secret -> Secrets Manager secret without any value; the task references the resource.
  EXPECT_EQ(prop(t, "DbSecret", "Name")->text(), "shop/db");
  EXPECT_EQ(prop(t, "DbSecret", "SecretString"), nullptr);
  EXPECT_EQ(prop(t, "DbSecret", "GenerateSecretString"), nullptr);
  const Node& secrets = *prop(t, "ApiTaskDefinition", "ContainerDefinitions")->items()[0].find("Secrets");
  bool found = false;
  for (const Node& s : secrets.items()) {
    if (s.find("Name")->text() != "DB_PASSWORD") continue;
    found = true;
    EXPECT_EQ(s.find("ValueFrom")->find("Fn::Sub")->text(), "${DbSecret}:password::");
  }
  EXPECT_TRUE(found);
  // HPA -> scalable target + target tracking.
  EXPECT_EQ(prop(t, "ApiScalableTarget", "MinCapacity")->as_int(), 2);
  EXPECT_EQ(prop(t, "ApiScalableTarget", "MaxCapacity")->as_int(), 8);
  EXPECT_EQ(count_type(t, "AWS::ApplicationAutoScaling::ScalingPolicy"), 1u);
  // IRSA -> task role ARN, with a note on the trust policy.
  EXPECT_EQ(prop(t, "ApiTaskDefinition", "TaskRoleArn")->text(), "arn:aws:iam::123456789012:role/api-irsa");
  EXPECT_TRUE(has_code(d, "irsa-task-role"));
  // SecurityGroupPolicy -> the service's security groups.
  const Node* sgs = prop(t, "ApiService", "NetworkConfiguration")->find("AwsvpcConfiguration")->find("SecurityGroups");
  ASSERT_TRUE(sgs->is_array());
  EXPECT_EQ(sgs->items()[0].text(), "sg-0123456789abcdef0");
  // Parameters for what manifests cannot say.
  for (const char* p : {"VpcId", "Subnets", "SecurityGroups", "Cluster", "ExecutionRoleArn"}) {
    EXPECT_NE(t.find("Parameters")->find(p), nullptr) << p;
  }
  EXPECT_NE(resource(t, "TaskExecutionRole"), nullptr);
}

TEST(CfnTemplateTest, HostNetworkingNameOnlyIrsaAndOneRegistryPerService) {
  const char* yaml = R"(apiVersion: v1
kind: ServiceAccount
metadata: {name: agent, annotations: {eks.amazonaws.com/role-arn: agent-role}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      serviceAccountName: agent
      hostNetwork: true
      containers: [{name: agent, image: a:1, ports: [{containerPort: 9100}], resources: {requests: {memory: 64Mi}}}]
---
apiVersion: v1
kind: Service
metadata: {name: agent}
spec: {selector: {app: agent}, ports: [{port: 9100}]}
---
apiVersion: v1
kind: Service
metadata: {name: agent-alias}
spec: {selector: {app: agent}, ports: [{port: 9100}]}
)";
  ToEcsOptions o;
  o.fargate = false;
  o.format = EcsFormat::kCfn;
  const ConvertResult r = convert_to_ecs({{"a.yaml", yaml}}, o);
  ASSERT_EQ(r.documents.size(), 1u);
  Diagnostics ignored;
  const io::YamlLoad y = io::load_yaml(r.documents[0].text, "t", io::Limits{}, ignored);
  ASSERT_EQ(y.documents.size(), 1u);
  const Node& t = y.documents[0].root;
  // A role name (not an ARN) -> an IAM role trusting ECS tasks.
  EXPECT_EQ(prop(t, "AgentTaskRole", "RoleName")->text(), "agent-role");
  EXPECT_EQ(prop(t, "AgentTaskDefinition", "TaskRoleArn")->find("Fn::GetAtt")->items()[0].text(), "AgentTaskRole");
  // Host networking: SRV records, the registry names container and port.
  EXPECT_EQ(prop(t, "AgentDiscovery", "DnsConfig")->find("DnsRecords")->items()[0].find("Type")->text(), "SRV");
  const Node& reg = prop(t, "AgentService", "ServiceRegistries")->items()[0];
  EXPECT_EQ(reg.find("ContainerPort")->as_int(), 9100);
  // Only one Cloud Map service per ECS service.
  EXPECT_EQ(resource(t, "AgentAliasDiscovery"), nullptr);
  EXPECT_TRUE(has_code(r.diagnostics, "service-discovery-limit"));
  EXPECT_TRUE(has_code(r.diagnostics, "irsa-task-role"));
}

TEST(CfnTemplateTest, ApiCallsInDependencyOrder) {
  Diagnostics d;
  const Node calls = convert(EcsFormat::kApi, d, /*secrets_manager=*/true);
  ASSERT_TRUE(calls.is_array());
  std::vector<std::string> apis;
  for (const Node& c : calls.items()) apis.push_back(c.find("api")->text());
  auto first = [&](const std::string& a) {
    return std::find(apis.begin(), apis.end(), a) - apis.begin();
  };
  EXPECT_LT(first("ssm:PutParameter"), first("ecs:RegisterTaskDefinition"));
  EXPECT_LT(first("secretsmanager:CreateSecret"), first("ecs:RegisterTaskDefinition"));
  EXPECT_LT(first("servicediscovery:CreatePrivateDnsNamespace"), first("servicediscovery:CreateService"));
  EXPECT_LT(first("ecs:RegisterTaskDefinition"), first("elbv2:CreateTargetGroup"));
  EXPECT_LT(first("elbv2:CreateTargetGroup"), first("elbv2:CreateLoadBalancer"));
  EXPECT_LT(first("elbv2:CreateLoadBalancer"), first("elbv2:CreateListener"));
  EXPECT_LT(first("elbv2:CreateListener"), first("elbv2:CreateRule"));
  EXPECT_LT(first("elbv2:CreateRule"), first("ecs:CreateService"));
  EXPECT_LT(first("ecs:CreateService"), first("application-autoscaling:RegisterScalableTarget"));
  EXPECT_LT(first("application-autoscaling:RegisterScalableTarget"), first("application-autoscaling:PutScalingPolicy"));
  for (const Node& c : calls.items()) {
    if (c.find("api")->text() == "secretsmanager:CreateSecret") {
      EXPECT_EQ(c.find("input")->find("SecretString"), nullptr);
    }
  }
}

TEST(CfnTemplateTest, ApiRegistryPlaceholderNamesItsCloudMapService) {
  // A namespace holds several Cloud Map services: whoever runs the calls must know whose id
  // replaces REPLACE_ME in a service's registryArn.
  Diagnostics d;
  const Node calls = convert(EcsFormat::kApi, d);
  std::vector<std::string> made;
  std::size_t registries = 0;
  for (const Node& c : calls.items()) {
    const std::string api = c.find("api")->text();
    if (api == "servicediscovery:CreateService") made.push_back(c.find("input")->find("Name")->text());
    if (api != "ecs:CreateService" || c.find("input")->find("serviceRegistries") == nullptr) continue;
    for (const Node& reg : c.find("input")->find("serviceRegistries")->items()) {
      const std::string arn = reg.find("registryArn")->text();
      const std::string prefix = ":service/srv-REPLACE_ME-";
      ASSERT_NE(arn.find(prefix), std::string::npos) << arn;
      const std::string name = arn.substr(arn.find(prefix) + prefix.size());
      EXPECT_NE(std::find(made.begin(), made.end(), name), made.end()) << arn << " names no Cloud Map service created before";
      ++registries;
    }
  }
  EXPECT_GE(registries, 1u);  // two of them: examples/k8s/shop through scripts/emulated-aws
}

TEST(CfnTemplateTest, LogGroupsAreCreatedBeforeTheTasksThatWriteToThem) {
  Diagnostics d;
  const Node t = convert(EcsFormat::kCfn, d);
  ASSERT_TRUE(t.is_object());
  const Node* resources = t.find("Resources");
  std::size_t groups = 0;
  for (const auto& [id, r] : resources->members()) {
    if (r.find("Type")->text() != "AWS::ECS::TaskDefinition") continue;
    const Node* lc = r.find("Properties")->find("ContainerDefinitions")->items().at(0).find("LogConfiguration");
    ASSERT_NE(lc, nullptr) << id;
    const std::string group = lc->find("Options")->find("awslogs-group")->text();
    EXPECT_EQ(lc->find("Options")->find("awslogs-region")->find("Ref")->text(), "AWS::Region") << id;
    // The task definition depends on the group of that name, kept 30 days by default.
    bool found = false;
    for (const Node& dep : r.find("DependsOn")->items()) {
      const Node* g = resources->find(dep.text());
      if (g->find("Type")->text() != "AWS::Logs::LogGroup") continue;
      found = g->find("Properties")->find("LogGroupName")->text() == group;
      EXPECT_EQ(g->find("Properties")->find("RetentionInDays")->as_int(), 30);
      ++groups;
    }
    EXPECT_TRUE(found) << id;
  }
  EXPECT_EQ(groups, count_type(t, "AWS::Logs::LogGroup"));
  EXPECT_GT(groups, 0u);
  // The api format: each group and its retention before the first task definition.
  const Node calls = convert(EcsFormat::kApi, d);
  std::vector<std::string> apis;
  for (const Node& c : calls.items()) apis.push_back(c.find("api")->text());
  const auto at = [&](const std::string& a) { return std::find(apis.begin(), apis.end(), a) - apis.begin(); };
  EXPECT_LT(at("logs:CreateLogGroup"), at("logs:PutRetentionPolicy"));
  EXPECT_LT(at("logs:PutRetentionPolicy"), at("ecs:RegisterTaskDefinition"));
  EXPECT_EQ(std::count(apis.begin(), apis.end(), "logs:CreateLogGroup"), static_cast<long>(groups));
}

}  // namespace
}  // namespace specconv
