// Tests for ecs/writer (through convert_to_ecs, as a user runs it): units, Fargate sizes,
// rollout percentages, probes, init containers, and the API input shapes.
#include "ecs/writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "io/json_load.h"
#include "io/json_write.h"
#include "mapping/rollout.h"
#include "specconv/convert_ecs.h"

namespace specconv::ecs {
namespace {

using io::Node;

struct Converted {
  ConvertResult result;
  Node doc;
};

Converted convert(const std::string& yaml, bool fargate = true) {
  ToEcsOptions o;
  o.fargate = fargate;
  Converted c;
  c.result = convert_to_ecs({{"t.yaml", yaml}}, o);
  if (!c.result.documents.empty()) {
    Diagnostics d;
    c.doc = *io::load_json(c.result.documents[0].text, "", io::Limits{}, d);
  }
  return c;
}

const Node& get(const Node& n, std::initializer_list<std::string> path) {
  static const Node kNull;
  const Node* cur = &n;
  for (const auto& p : path) {
    if (cur->is_array()) {
      const std::size_t i = std::stoul(p);
      if (i >= cur->items().size()) return kNull;
      cur = &cur->items()[i];
    } else {
      cur = cur->find(p);
      if (cur == nullptr) return kNull;
    }
  }
  return *cur;
}

bool has(const Diagnostics& d, const std::string& code, Severity s) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code && x.severity == s; });
}

std::string deployment(const std::string& replicas, const std::string& strategy, const std::string& resources) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n" + replicas + strategy +
         "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
         "      containers:\n      - name: web\n        image: nginx\n        ports: [{containerPort: 80, protocol: TCP}]\n" +
         resources;
}

TEST(EcsWriter, UnitsAndFargateSnapping) {
  auto c = convert(deployment("", "",
                              "        resources:\n          requests: {cpu: 250m, memory: 500M}\n"
                              "          limits: {cpu: 500m, memory: 1G}\n"));
  ASSERT_FALSE(c.result.diagnostics.has_errors());
  const Node& td = get(c.doc, {"taskDefinition"});
  const Node& ctr = get(td, {"containerDefinitions", "0"});
  EXPECT_EQ(get(ctr, {"cpu"}).as_int(), 256);
  EXPECT_EQ(get(ctr, {"memory"}).as_int(), 954);             // ceil(1e9 / 2^20), never floored to 953
  EXPECT_EQ(get(ctr, {"memoryReservation"}).as_int(), 477);  // ceil(5e8 / 2^20)
  EXPECT_TRUE(has(c.result.diagnostics, "memory-rounded", Severity::kNote));
  // Needs 512 units (limit) and 954 MiB -> smallest Fargate size 512 / 1024.
  EXPECT_EQ(get(td, {"cpu"}).text(), "512");
  EXPECT_EQ(get(td, {"memory"}).text(), "1024");
  EXPECT_EQ(get(td, {"networkMode"}).text(), "awsvpc");
  EXPECT_EQ(get(td, {"requiresCompatibilities", "0"}).text(), "FARGATE");
  EXPECT_EQ(get(ctr, {"portMappings", "0", "protocol"}).text(), "tcp");
  // Key order as in the API reference.
  EXPECT_EQ(td.members()[0].first, "family");
}

TEST(EcsWriter, Ec2SkipsSnapping) {
  auto c = convert(deployment("", "", "        resources:\n          requests: {cpu: 300m, memory: 300Mi}\n"), false);
  const Node& td = get(c.doc, {"taskDefinition"});
  EXPECT_EQ(get(td, {"cpu"}).text(), "308");
  EXPECT_EQ(get(td, {"memory"}).text(), "300");
  EXPECT_EQ(get(td, {"requiresCompatibilities", "0"}).text(), "EC2");
  EXPECT_EQ(get(c.doc, {"service", "launchType"}).text(), "EC2");
}

TEST(EcsWriter, NoFargateSizeIsAnErrorNamingTheNeed) {
  auto c = convert(deployment("", "", "        resources:\n          requests: {cpu: 20, memory: 1Gi}\n"));
  EXPECT_TRUE(c.result.documents.empty());
  const auto& all = c.result.diagnostics.all();
  auto it = std::find_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.code == "no-fargate-size"; });
  ASSERT_NE(it, all.end());
  EXPECT_NE(it->message.find("20480 CPU units"), std::string::npos);
}

TEST(EcsWriter, RolloutPercentagesKeepTheBounds) {
  for (int replicas : {1, 3, 4, 10}) {
    auto c = convert(deployment("  replicas: " + std::to_string(replicas) + "\n",
                                "  strategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n", ""));
    const Node& dc = get(c.doc, {"service", "deploymentConfiguration"});
    mapping::EcsRollout e{get(dc, {"maximumPercent"}).as_int(), get(dc, {"minimumHealthyPercent"}).as_int()};
    mapping::K8sRollout k;
    k.max_surge = {1, false};
    k.max_unavailable = {0, false};
    EXPECT_EQ(mapping::ecs_bounds(e, replicas), mapping::k8s_bounds(k, replicas)) << replicas;
    EXPECT_EQ(get(c.doc, {"service", "desiredCount"}).as_int(), replicas);
  }
  auto r = convert(deployment("", "  strategy: {type: Recreate}\n", ""));
  EXPECT_EQ(get(r.doc, {"service", "deploymentConfiguration", "maximumPercent"}).as_int(), 100);
  EXPECT_EQ(get(r.doc, {"service", "deploymentConfiguration", "minimumHealthyPercent"}).as_int(), 0);
  EXPECT_EQ(get(r.doc, {"service", "desiredCount"}).as_int(), 1);  // replicas absent -> 1
}

TEST(EcsWriter, ProbesBecomeHealthChecks) {
  auto c = convert(R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: a
    livenessProbe:
      exec: {command: [/bin/ok, --quick]}
      periodSeconds: 3
      timeoutSeconds: 90
      initialDelaySeconds: 15
  - name: b
    image: b
    ports: [{containerPort: 8080, name: web}]
    livenessProbe:
      httpGet: {path: /healthz, port: web}
)");
  ASSERT_FALSE(c.result.diagnostics.has_errors());
  // A bare Pod: the document is the task definition itself.
  const Node& a = get(c.doc, {"containerDefinitions", "0", "healthCheck"});
  EXPECT_EQ(get(a, {"command", "0"}).text(), "CMD");
  EXPECT_EQ(get(a, {"command", "1"}).text(), "/bin/ok");
  EXPECT_EQ(get(a, {"interval"}).as_int(), 5);   // clamped from 3
  EXPECT_EQ(get(a, {"timeout"}).as_int(), 60);   // clamped from 90
  EXPECT_EQ(get(a, {"startPeriod"}).as_int(), 15);
  EXPECT_TRUE(has(c.result.diagnostics, "clamped-value", Severity::kWarning));
  const Node& b = get(c.doc, {"containerDefinitions", "1", "healthCheck"});
  EXPECT_EQ(get(b, {"command", "0"}).text(), "CMD-SHELL");
  EXPECT_EQ(get(b, {"command", "1"}).text(), "curl -fs http://localhost:8080/healthz || exit 1");
  EXPECT_TRUE(has(c.result.diagnostics, "probe-needs-tool", Severity::kWarning));
}

TEST(EcsWriter, InitContainersAreNonEssentialDependencies) {
  auto c = convert(R"(apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers: [{name: setup, image: s}]
      containers: [{name: main, image: m}]
)");
  ASSERT_FALSE(c.result.diagnostics.has_errors());
  const Node& defs = get(c.doc, {"containerDefinitions"});
  EXPECT_FALSE(get(defs, {"0", "essential"}).as_bool());
  EXPECT_TRUE(get(defs, {"1", "essential"}).as_bool());
  EXPECT_EQ(get(defs, {"1", "dependsOn", "0", "containerName"}).text(), "setup");
  EXPECT_EQ(get(defs, {"1", "dependsOn", "0", "condition"}).text(), "SUCCESS");
  EXPECT_TRUE(has(c.result.diagnostics, "run-task", Severity::kNote));
  EXPECT_EQ(c.doc.find("service"), nullptr);
}

TEST(EcsWriter, SecretsAreReferencesNeverValues) {
  auto c = convert(R"(apiVersion: v1
kind: Secret
metadata: {name: db}
data: {password: dG9wLXNlY3JldC12YWx1ZQ==}
stringData: {token: plain-secret-token}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: a
    envFrom: [{secretRef: {name: db}}]
)");
  ASSERT_EQ(c.result.documents.size(), 1u);
  const std::string& text = c.result.documents[0].text;
  EXPECT_EQ(text.find("dG9wLXNlY3JldC12YWx1ZQ"), std::string::npos);
  EXPECT_EQ(text.find("plain-secret-token"), std::string::npos);
  EXPECT_EQ(get(c.doc, {"containerDefinitions", "0", "secrets", "0", "valueFrom"}).text(), "/default/db/password");
  EXPECT_TRUE(has(c.result.diagnostics, "execution-role-needed", Severity::kWarning));
}

TEST(EcsWriter, DaemonSetNeedsEc2) {
  const std::string ds = R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: agent, resources: {limits: {memory: 200Mi}}}]
)";
  auto f = convert(ds);
  EXPECT_TRUE(has(f.result.diagnostics, "daemon-on-fargate", Severity::kError));
  EXPECT_TRUE(f.result.documents.empty());
  auto e = convert(ds, false);
  ASSERT_FALSE(e.result.diagnostics.has_errors());
  EXPECT_EQ(get(e.doc, {"service", "schedulingStrategy"}).text(), "DAEMON");
  EXPECT_EQ(get(e.doc, {"service", "desiredCount"}).kind(), Node::Kind::kNull);
}

TEST(EcsWriter, EcsNames) {
  EXPECT_EQ(ecs_name("web.example"), "web-example");
  EXPECT_EQ(ecs_name("My_App-1"), "My_App-1");
}


// ---- --logs awslogs (the default) --------------------------------------------------------

const char* kTwoContainers =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n"
    "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
    "      containers:\n      - {name: web, image: nginx}\n      - {name: proxy, image: envoyproxy/envoy:v1.31.0}\n";

Node logs_of(const ToEcsOptions& o, const std::string& yaml, Diagnostics& diags) {
  ConvertResult r = convert_to_ecs({{"t.yaml", yaml}}, o);
  diags = r.diagnostics;
  Diagnostics d;
  const auto doc = io::load_json(r.documents.at(0).text, "", io::Limits{}, d);
  return *doc;
}

TEST(EcsWriterLogs, EveryContainerLogsToTheWorkloadsGroupByDefault) {
  Diagnostics d;
  const Node doc = logs_of(ToEcsOptions{}, kTwoContainers, d);
  for (const char* i : {"0", "1"}) {
    const Node& lc = get(doc, {"taskDefinition", "containerDefinitions", i, "logConfiguration"});
    EXPECT_EQ(get(lc, {"logDriver"}).text(), "awslogs");
    EXPECT_EQ(get(lc, {"options", "awslogs-group"}).text(), "/ecs/shop/web");
    EXPECT_EQ(get(lc, {"options", "awslogs-region"}).text(), "REGION");
    EXPECT_EQ(get(lc, {"options", "awslogs-stream-prefix"}).text(),
              get(doc, {"taskDefinition", "containerDefinitions", i, "name"}).text());
    // json: nothing else creates the group, so the task does.
    EXPECT_EQ(get(lc, {"options", "awslogs-create-group"}).text(), "true");
  }
  // Without an execution role a Fargate task with awslogs does not register; without --region
  // the region is a placeholder: both said.
  EXPECT_TRUE(has(d, "execution-role-needed", Severity::kWarning));
  EXPECT_TRUE(has(d, "region-needed", Severity::kWarning));
}

TEST(EcsWriterLogs, WithARoleAndRegionNothingIsToldAndCfnCreatesTheGroupItself) {
  ToEcsOptions o;
  o.region = "eu-west-1";
  o.execution_role_arn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
  Diagnostics d;
  const Node doc = logs_of(o, kTwoContainers, d);
  EXPECT_EQ(get(doc, {"taskDefinition", "containerDefinitions", "0", "logConfiguration", "options", "awslogs-region"}).text(),
            "eu-west-1");
  EXPECT_FALSE(has(d, "execution-role-needed", Severity::kWarning));
  EXPECT_FALSE(has(d, "region-needed", Severity::kWarning));
  o.format = EcsFormat::kCfn;
  const ConvertResult cfn = convert_to_ecs({{"t.yaml", kTwoContainers}}, o);
  ASSERT_EQ(cfn.documents.size(), 1u);
  EXPECT_EQ(cfn.documents[0].text.find("awslogs-create-group"), std::string::npos);
  EXPECT_NE(cfn.documents[0].text.find("Type: AWS::Logs::LogGroup"), std::string::npos);
}

TEST(EcsWriterLogs, NoneOrAnInputThatSaysHowLogsAreShippedGetsNoDefault) {
  ToEcsOptions none;
  none.awslogs = false;
  Diagnostics d;
  EXPECT_TRUE(get(logs_of(none, kTwoContainers, d), {"taskDefinition", "containerDefinitions", "0", "logConfiguration"}).is_null());
  // An ECS origin (ECS -> Kubernetes kept requiresCompatibilities) had no logConfiguration: it stays so.
  const std::string from_ecs =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n"
      "    specconv.io/ecs-task: '{\"requiresCompatibilities\":[\"FARGATE\"],\"networkMode\":\"awsvpc\"}'\n"
      "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
      "      containers:\n      - {name: web, image: nginx}\n";
  EXPECT_TRUE(get(logs_of(ToEcsOptions{}, from_ecs, d), {"taskDefinition", "containerDefinitions", "0", "logConfiguration"})
                  .is_null());
}


TEST(EcsWriter, RestoredOriginalsTheApiRefusesAreWrittenAsItTakesThem) {
  // ECS -> Kubernetes kept a container name and a networkMode that ECS itself does not accept
  // (an input may hold them): the way back writes what registers, not an invalid task definition.
  const std::string yaml =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n"
      "    specconv.io/ecs-task: '{\"requiresCompatibilities\":[\"EC2\"],\"networkMode\":\"default\"}'\n"
      "    specconv.io/ecs-containers: '{\"metrics-exporter\":{\"name\":\"metrics.Exporter\"}}'\n"
      "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
      "      containers:\n      - {name: metrics-exporter, image: nginx, resources: {requests: {cpu: 100m, memory: 64Mi}}}\n";
  const Converted c = convert(yaml, /*fargate=*/false);
  ASSERT_FALSE(c.result.diagnostics.has_errors()) << c.result.diagnostics.all().front().message;
  EXPECT_EQ(get(c.doc, {"taskDefinition", "containerDefinitions", "0", "name"}).text(), "metrics-Exporter");
  EXPECT_EQ(get(c.doc, {"taskDefinition", "networkMode"}).text(), "bridge");
}

}  // namespace
}  // namespace specconv::ecs
