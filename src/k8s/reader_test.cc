// Tests for k8s/reader: typed reads of Kubernetes manifests into the model.
#include "k8s/reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "io/yaml_load.h"
#include "specconv/convert_ecs.h"

namespace specconv::k8s {
namespace {

Manifests read(const std::string& yaml, Diagnostics& d) {
  Manifests m;
  io::YamlLoad y = io::load_yaml(yaml, "t.yaml", io::Limits{}, d);
  io::ReadContext ctx{"t.yaml", 0, &d, true};
  for (const auto& doc : y.documents) {
    ctx.document = doc.index;
    read_document(doc.root, ctx, m);
  }
  return m;
}

bool has_code(const Diagnostics& d, const std::string& code, Severity s) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code && x.severity == s; });
}

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: "50%"}
  template:
    metadata:
      labels: {app: web}
    spec:
      initContainers:
      - name: migrate
        image: migrate:1
        command: ["/migrate"]
      - name: proxy
        image: envoy:1
        restartPolicy: Always
      containers:
      - name: app
        image: app:1
        command: ["/bin/app"]
        args: ["--port", "8080"]
        ports:
        - {containerPort: 8080, name: http}
        resources:
          requests: {cpu: 250m, memory: 500M}
          limits: {cpu: "1", memory: 1G}
        livenessProbe:
          exec: {command: ["/bin/check"]}
          periodSeconds: 20
        readinessProbe:
          httpGet: {path: /ready, port: http}
)";

TEST(K8sReader, ReadsDeploymentIntoModel) {
  Diagnostics d;
  Manifests m = read(kDeployment, d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(m.workloads.size(), 1u);
  const model::Workload& w = m.workloads[0].workload;
  EXPECT_EQ(w.name, "web");
  EXPECT_EQ(w.namespace_name, "shop");
  EXPECT_EQ(w.replicas, 3);
  const auto& r = std::get<model::SurgeRollout>(w.rollout);
  EXPECT_EQ(r.max_surge, 1);
  EXPECT_FALSE(r.max_surge_percent);
  EXPECT_EQ(r.max_unavailable, 50);
  EXPECT_TRUE(r.max_unavailable_percent);
  ASSERT_EQ(w.containers.size(), 3u);
  const auto& app = w.containers[2];
  EXPECT_EQ(app.entrypoint, std::vector<std::string>{"/bin/app"});
  EXPECT_EQ(app.arguments, (std::vector<std::string>{"--port", "8080"}));
  // Quantities: 250m -> 256 cpu units (in ticks), 1 -> 1024, 500M / 1G exactly in bytes.
  EXPECT_EQ(app.resources.cpu_request, model::Cpu::from_ecs_units(256));
  EXPECT_EQ(app.resources.cpu_limit, model::Cpu::from_ecs_units(1024));
  EXPECT_EQ(app.resources.memory_request->bytes, 500'000'000);
  EXPECT_EQ(app.resources.memory_limit->bytes, 1'000'000'000);
  // Probes: named port resolved.
  ASSERT_TRUE(app.liveness);
  EXPECT_EQ(app.liveness->kind, model::Probe::Kind::kExec);
  EXPECT_EQ(app.liveness->interval_seconds, 20);
  ASSERT_TRUE(app.readiness);
  EXPECT_EQ(app.readiness->port, 8080);
  EXPECT_EQ(app.readiness->path, "/ready");
}

TEST(K8sReader, InitContainersAndNativeSidecars) {
  Diagnostics d;
  Manifests m = read(kDeployment, d);
  const auto& c = m.workloads.at(0).workload.containers;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].name, "migrate");
  EXPECT_FALSE(c[0].essential);
  EXPECT_EQ(c[1].name, "proxy");  // native sidecar: runs for the task's life
  ASSERT_EQ(c[1].depends_on.size(), 1u);
  EXPECT_EQ(c[1].depends_on[0].condition, model::DependencyCondition::kSuccess);
  ASSERT_EQ(c[2].depends_on.size(), 2u);
  EXPECT_EQ(c[2].depends_on[0], (model::Dependency{"migrate", model::DependencyCondition::kSuccess}));
  EXPECT_EQ(c[2].depends_on[1], (model::Dependency{"proxy", model::DependencyCondition::kStart}));
}

TEST(K8sReader, QuantityForms) {
  const char* yaml = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: a
    resources:
      requests: {cpu: 0.5, memory: 129e6}
      limits: {cpu: 2, memory: 1.5Gi}
  - name: b
    image: b
    resources:
      requests: {cpu: 100m, memory: 128974848}
      limits: {memory: 500M}
  - name: c
    image: c
    resources:
      limits: {memory: 2k}
)";
  Diagnostics d;
  Manifests m = read(yaml, d);
  ASSERT_FALSE(d.has_errors());
  const auto& c = m.workloads.at(0).workload.containers;
  EXPECT_EQ(c[0].resources.cpu_request, model::Cpu::from_ecs_units(512));
  EXPECT_EQ(c[0].resources.cpu_limit, model::Cpu::from_ecs_units(2048));
  EXPECT_EQ(c[0].resources.memory_request->bytes, 129'000'000);
  EXPECT_EQ(c[0].resources.memory_limit->bytes, 1536LL * 1024 * 1024);
  EXPECT_EQ(c[1].resources.cpu_request, model::Cpu::from_ecs_units(103));  // ceil(0.1 x 1024)
  EXPECT_TRUE(has_code(d, "rounded-up", Severity::kNote));
  EXPECT_EQ(c[1].resources.memory_request->bytes, 128974848);
  EXPECT_EQ(c[2].resources.memory_limit->bytes, 2000);
}

TEST(K8sReader, BadQuantityIsLocatedError) {
  Diagnostics d;
  read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: a\n"
       "    resources:\n      limits:\n        memory: 12XB\n",
       d);
  ASSERT_TRUE(d.has_errors());
  const auto& e = d.all().front();
  EXPECT_EQ(e.code, "bad-quantity");
  EXPECT_EQ(e.location.line, 10);
  EXPECT_EQ(e.location.pointer, "/spec/containers/0/resources/limits/memory");
}

TEST(K8sReader, UnknownKindIsWarningAndSkipped) {
  Diagnostics d;
  Manifests m = read("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\n", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_TRUE(has_code(d, "unsupported-kind", Severity::kWarning));
  EXPECT_TRUE(m.workloads.empty());
}

TEST(K8sReader, UnknownFieldSuggestsTheRightOne) {
  Diagnostics d;
  read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: a\n"
       "    imagePulPolicy: Always\n",
       d);
  const auto it = std::find_if(d.all().begin(), d.all().end(), [](const Diagnostic& x) { return x.code == "unknown-key"; });
  ASSERT_NE(it, d.all().end());
  EXPECT_EQ(it->severity, Severity::kWarning);
  EXPECT_NE(it->message.find("did you mean \"imagePullPolicy\""), std::string::npos);
  EXPECT_EQ(it->location.line, 8);
}

TEST(K8sReader, OldApiVersionConvertsWithWarning) {
  Diagnostics d;
  Manifests m = read(R"(apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: old}
spec:
  template:
    metadata: {labels: {app: old}}
    spec:
      containers: [{name: a, image: a}]
)",
                     d);
  EXPECT_TRUE(has_code(d, "old-api-version", Severity::kWarning));
  ASSERT_EQ(m.workloads.size(), 1u);
}

TEST(K8sReader, ListAndSecretsKeepOnlyKeyNames) {
  Diagnostics d;
  Manifests m = read(R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: db}
  data: {password: c3VwZXJzZWNyZXQ=}
  stringData: {user: admin-user-value}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: cfg}
  data: {LOG_LEVEL: debug}
)",
                     d);
  ASSERT_EQ(m.secrets.size(), 1u);
  EXPECT_EQ(m.secrets[0].keys, (std::vector<std::string>{"password", "user"}));
  EXPECT_EQ(m.secrets[0].meta.where.pointer, "/items/0");
  ASSERT_EQ(m.config_maps.size(), 1u);
  for (const auto& x : d.all()) {
    EXPECT_EQ(x.message.find("c3VwZXJzZWNyZXQ"), std::string::npos);
    EXPECT_EQ(x.message.find("admin-user-value"), std::string::npos);
  }
}

TEST(K8sReader, DuplicateKeyIsLocatedErrorAndNothingIsOutput) {
  InputText bad{"bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  name: q\nspec:\n  containers: [{name: a, image: a}]\n"};
  InputText good{"good.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n  containers: [{name: a, image: a}]\n"};
  ConvertResult r = convert_to_ecs({bad, good}, ToEcsOptions{});
  const auto it = std::find_if(r.diagnostics.all().begin(), r.diagnostics.all().end(),
                               [](const Diagnostic& x) { return x.code == "duplicate-key"; });
  ASSERT_NE(it, r.diagnostics.all().end());
  EXPECT_EQ(it->severity, Severity::kError);
  EXPECT_EQ(it->location.file, "bad.yaml");
  EXPECT_EQ(it->location.line, 5);
  EXPECT_GT(it->location.column, 0);
  ASSERT_EQ(r.documents.size(), 1u);  // the good file still converts
  EXPECT_EQ(r.documents[0].name, "ok");
  EXPECT_EQ(r.failed_inputs, std::vector<std::string>{"bad.yaml"});
}

TEST(K8sReader, RestoresEcsAnnotations) {
  Diagnostics d;
  Manifests m = read(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
  annotations:
    specconv.io/ecs-task: '{"family":"My_App","cpu":"512","memory":"2048","pidMode":"task"}'
    specconv.io/ecs-containers: '{"web":{"ulimits":[{"name":"nofile","softLimit":1024,"hardLimit":2048}]}}'
    specconv.io/ecs-service: '{"healthCheckGracePeriodSeconds":30}'
spec:
  selector: {matchLabels: {app: my-app}}
  template:
    metadata: {labels: {app: my-app}}
    spec:
      containers: [{name: web, image: nginx}]
)",
                     d);
  ASSERT_EQ(m.workloads.size(), 1u);
  const auto& w = m.workloads[0].workload;
  EXPECT_EQ(w.name, "My_App");
  EXPECT_EQ(w.task_cpu_text, "512");
  // The rest is the ECS carry, beside the model: typed values stay in the model.
  const carry::EcsCarry& kept = m.workloads[0].carry;
  EXPECT_EQ(kept.task.at("pidMode"), io::Node::string("task"));
  EXPECT_EQ(kept.task.count("family"), 0u);
  EXPECT_EQ(kept.container("web").at("ulimits").size(), 1u);
  EXPECT_EQ(kept.service.at("healthCheckGracePeriodSeconds"), io::Node::integer(30));
}

}  // namespace
}  // namespace specconv::k8s
