// Google Benchmark: the in-process cost of each stage for a typical task definition
// (parse, read, emit, render) and of the whole ECS -> Kubernetes conversion.
#include <benchmark/benchmark.h>

#include <cstring>

#include "ecs/reader.h"
#include "io/json_load.h"
#include "io/yaml_write.h"
#include "specconv/convert.h"

namespace {

const char* kTypical = R"({
  "family": "orders-api", "taskRoleArn": "arn:aws:iam::123456789012:role/orders",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc", "cpu": "1024", "memory": "2048", "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    {"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2", "cpu": 768,
     "memory": 1536, "memoryReservation": 1024, "essential": true,
     "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http", "appProtocol": "http"}],
     "environment": [{"name": "SPRING_PROFILES_ACTIVE", "value": "prod"}, {"name": "PORT", "value": "8080"},
                     {"name": "FEATURE_X", "value": "on"}, {"name": "JAVA_OPTS", "value": "-Xmx1g"}],
     "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf:password::"},
                 {"name": "API_KEY", "valueFrom": "/orders/api-key"}],
     "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], "interval": 15, "timeout": 5, "retries": 3, "startPeriod": 60},
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/orders", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app"}},
     "dependsOn": [{"containerName": "xray", "condition": "START"}]},
    {"name": "xray", "image": "amazon/aws-xray-daemon:3.3.7", "cpu": 32, "memoryReservation": 256, "essential": false,
     "portMappings": [{"containerPort": 2000, "protocol": "udp"}]}
  ]
})";

void BM_ParseJson(benchmark::State& state) {
  for (auto _ : state) {
    specconv::Diagnostics d;
    auto n = specconv::io::load_json(kTypical, "t.json", specconv::io::Limits{}, d);
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(std::strlen(kTypical)));
}
BENCHMARK(BM_ParseJson);

void BM_ReadEcs(benchmark::State& state) {
  specconv::Diagnostics d;
  const auto root = specconv::io::load_json(kTypical, "t.json", specconv::io::Limits{}, d);
  for (auto _ : state) {
    specconv::ecs::Bundle b;
    specconv::Diagnostics d2;
    specconv::ecs::read_ecs(*root, "t.json", b, d2);
    benchmark::DoNotOptimize(b);
  }
}
BENCHMARK(BM_ReadEcs);

void BM_ConvertToK8s(benchmark::State& state) {
  const std::vector<specconv::InputText> inputs = {{"t.json", kTypical}};
  for (auto _ : state) {
    auto r = specconv::convert_to_k8s(inputs, specconv::ToK8sOptions{});
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ConvertToK8s);

}  // namespace

BENCHMARK_MAIN();
