// Cost of the schema check that every written object goes through (and `specconv validate`):
// ninja -C build bench_validate && ./build/bench/bench_validate
#include <benchmark/benchmark.h>

#include <string>

#include "io/json_load.h"
#include "io/yaml_load.h"
#include "validate/validator.h"

namespace {

using namespace specconv;

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: frontend}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
          env:
            - {name: MODE, value: production}
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password}}
          resources:
            requests: {cpu: 250m, memory: 512Mi}
            limits: {cpu: "1", memory: 1Gi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
          volumeMounts: [{name: cache, mountPath: /cache}]
        - name: sidecar
          image: fluent/fluent-bit:3.0
          resources:
            requests: {cpu: 50m, memory: 64Mi}
      volumes: [{name: cache, emptyDir: {}}]
)";

constexpr const char* kTaskDefinition = R"({
  "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
  "cpu": "512", "memory": "1024",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {"name": "web", "image": "nginx:1.27", "essential": true,
     "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
     "environment": [{"name": "MODE", "value": "production"}],
     "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}],
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"}},
     "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30, "retries": 3}},
    {"name": "sidecar", "image": "fluent/fluent-bit:3.0", "essential": false, "memoryReservation": 64}
  ]
})";

void BM_ValidateDeployment(benchmark::State& state) {
  Diagnostics d;
  auto docs = io::load_yaml(kDeployment, "bench.yaml", io::Limits{}, d);
  const auto& registry = validate::builtin_registry();
  for (auto _ : state) {
    Diagnostics out;
    validate::check_k8s_object(registry, docs.documents.at(0).root, {"bench.yaml", "", 0, 0, 0}, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ValidateDeployment);

void BM_ValidateTaskDefinition(benchmark::State& state) {
  Diagnostics d;
  auto td = io::load_json(kTaskDefinition, "bench.json", io::Limits{}, d);
  const auto& registry = validate::builtin_registry();
  for (auto _ : state) {
    Diagnostics out;
    validate::check_ecs_task_definition(registry, *td, {"bench.json", "", 0, 0, -1}, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ValidateTaskDefinition);

void BM_BuildK8sRegistry(benchmark::State& state) {
  for (auto _ : state) {
    validate::Registry r(validate::embedded_k8s_schema(), {});
    benchmark::DoNotOptimize(&r);
  }
}
BENCHMARK(BM_BuildK8sRegistry)->Unit(benchmark::kMillisecond);

void BM_BuildAwsRegistry(benchmark::State& state) {
  for (auto _ : state) {
    validate::Registry r({}, validate::embedded_aws_schema());
    benchmark::DoNotOptimize(&r);
  }
}
BENCHMARK(BM_BuildAwsRegistry)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
