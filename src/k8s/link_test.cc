// Tests for k8s/link: references resolved as the cluster would, and the secret naming rule.
#include "k8s/link.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "io/yaml_load.h"

namespace specconv::k8s {
namespace {

k8s::Manifests read_manifests(const std::string& yaml, Diagnostics& d) {
  k8s::Manifests m;
  io::YamlLoad y = io::load_yaml(yaml, "t.yaml", io::Limits{}, d);
  io::ReadContext ctx{"t.yaml", 0, &d, true};
  for (const auto& doc : y.documents) {
    ctx.document = doc.index;
    k8s::read_document(doc.root, ctx, m);
  }
  return m;
}

const model::SecretEnv* secret(const model::Container& c, const std::string& name) {
  auto it = std::find_if(c.secret_env.begin(), c.secret_env.end(), [&](const auto& s) { return s.name == name; });
  return it == c.secret_env.end() ? nullptr : &*it;
}

bool warns(const Diagnostics& d, const std::string& code, const std::string& text) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) {
    return x.code == code && x.severity == Severity::kWarning && x.message.find(text) != std::string::npos;
  });
}

const char* kApp = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {LOG_LEVEL: debug, MODE: prod}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data: {password: c2VjcmV0, user: dXNlcg==}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api-sa
  namespace: shop
  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/api"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 5
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: backend}}
    spec:
      serviceAccountName: api-sa
      containers:
      - name: api
        image: api:1
        ports: [{containerPort: 8080, name: http}]
        env:
        - {name: MODE, value: explicit}
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
        - name: MISSING
          valueFrom: {configMapKeyRef: {name: nowhere, key: k}}
        envFrom:
        - configMapRef: {name: cfg}
        - secretRef: {name: db}
          prefix: DB_
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: http, appProtocol: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: api, namespace: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80}}}
      - path: /other
        pathType: Prefix
        backend: {service: {name: ghost, port: {number: 80}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
)";

TEST(Link, SecretReferencesFollowTheNamingRule) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  ASSERT_EQ(out.size(), 1u);
  const auto& c = out[0].workload.containers.at(0);
  const auto* s = secret(c, "DB_PASSWORD");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->store, model::SecretStore::kSsmParameter);
  EXPECT_EQ(s->reference, "/shop/db/password");

  LinkOptions sm;
  sm.secrets_manager = true;
  sm.region = "eu-west-1";
  sm.account_id = "123456789012";
  sm.parameter_prefix = "/prod/";
  Diagnostics d2;
  auto out2 = link_manifests(read_manifests(kApp, d2), sm, d2);
  const auto& c2 = out2[0].workload.containers.at(0);
  EXPECT_EQ(secret(c2, "DB_PASSWORD")->reference,
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db:password::");
  EXPECT_EQ(secret(c2, "LOG_LEVEL")->reference, "/prod/shop/cfg/LOG_LEVEL");  // ConfigMaps stay in SSM
}

TEST(Link, EnvFromExpandsPerKeyAndEnvWins) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  const auto& c = out.at(0).workload.containers.at(0);
  ASSERT_NE(secret(c, "LOG_LEVEL"), nullptr);
  EXPECT_EQ(secret(c, "LOG_LEVEL")->reference, "/shop/cfg/LOG_LEVEL");
  EXPECT_EQ(secret(c, "MODE"), nullptr);  // the explicit env value wins
  ASSERT_NE(secret(c, "DB_user"), nullptr);
  EXPECT_EQ(secret(c, "DB_user")->reference, "/shop/db/user");
  EXPECT_NE(secret(c, "DB_password"), nullptr);
}

TEST(Link, MissingReferencesAreNamedWarnings) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  EXPECT_TRUE(warns(d, "missing-reference", "ConfigMap \"shop/nowhere\""));
  EXPECT_TRUE(warns(d, "missing-reference", "Service \"shop/ghost\""));
  EXPECT_FALSE(d.has_errors());
}

TEST(Link, ServiceAccountRoleBecomesTaskRole) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  EXPECT_EQ(out.at(0).workload.task_role, "arn:aws:iam::123456789012:role/api");
}

TEST(Link, IngressWithoutAnnotationsRoutesToTheWorkload) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  const auto& w = out.at(0).workload;
  ASSERT_EQ(w.load_balancers.size(), 1u);
  const auto& b = w.load_balancers[0];
  EXPECT_EQ(b.type, model::LoadBalancerType::kApplication);
  EXPECT_EQ(b.container, "api");
  EXPECT_EQ(b.container_port, 8080);  // named targetPort resolved
  EXPECT_EQ(b.health_check_path, "/healthz");
  ASSERT_EQ(b.routes.size(), 1u);
  EXPECT_EQ(b.routes[0].hosts, std::vector<std::string>{"shop.example.com"});
  EXPECT_EQ(b.routes[0].paths, (std::vector<std::string>{"/api", "/api/*"}));
  // Port name and appProtocol come from the Service.
  EXPECT_EQ(w.containers[0].ports[0].app_protocol, "http");
}

TEST(Link, HpaSetsAutoscalingAndDesiredCount) {
  Diagnostics d;
  auto out = link_manifests(read_manifests(kApp, d), LinkOptions{}, d);
  const auto& w = out.at(0).workload;
  ASSERT_TRUE(w.autoscaling);
  EXPECT_EQ(w.autoscaling->min_replicas, 2);
  EXPECT_EQ(w.autoscaling->max_replicas, 10);
  ASSERT_EQ(w.autoscaling->targets.size(), 1u);
  EXPECT_EQ(w.autoscaling->targets[0].target_value, 60);
  EXPECT_EQ(w.replicas, 2);
  EXPECT_TRUE(warns(d, "replicas-from-hpa", "minReplicas 2"));
}

TEST(Link, NamespacesSeparateObjects) {
  Diagnostics d;
  auto m = read_manifests(R"(apiVersion: v1
kind: Service
metadata: {name: s, namespace: other}
spec:
  selector: {app: x}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: x, labels: {app: x}}
spec:
  containers: [{name: x, image: x, ports: [{containerPort: 80}]}]
)",
                d);
  auto out = link_manifests(m, LinkOptions{}, d);
  EXPECT_TRUE(out.at(0).workload.registries.empty());
  EXPECT_TRUE(warns(d, "missing-reference", "selects no workload"));
}

}  // namespace
}  // namespace specconv::k8s
