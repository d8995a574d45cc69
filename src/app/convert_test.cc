// ECS -> Kubernetes through the library entry point: the behaviours users rely on, asserted
// on the parsed output (field by field), not on text.
#include <gtest/gtest.h>

#include "io/yaml_load.h"
#include "specconv/convert.h"

namespace specconv {
namespace {

struct Converted {
  ConvertResult result;
  std::vector<io::Node> objects;
  const io::Node* find(const std::string& kind) const {
    for (const auto& o : objects) {
      if (const io::Node* k = o.find("kind"); k != nullptr && k->text() == kind) return &o;
    }
    return nullptr;
  }
  bool has_code(const std::string& code) const {
    for (const auto& d : result.diagnostics.all()) {
      if (d.code == code) return true;
    }
    return false;
  }
};

Converted convert(std::vector<InputText> inputs, ToK8sOptions options = {}) {
  Converted c;
  c.result = convert_to_k8s(inputs, options);
  Diagnostics d;
  for (const auto& doc : c.result.documents) {
    auto y = io::load_yaml(doc.text, "out", io::Limits{}, d);
    for (auto& x : y.documents) c.objects.push_back(std::move(x.root));
  }
  EXPECT_TRUE(d.empty()) << "output does not read back as YAML";
  return c;
}

const io::Node& at(const io::Node& n, std::initializer_list<const char*> path) {
  const io::Node* cur = &n;
  for (const char* p : path) {
    const io::Node* next = cur->find(p);
    if (next == nullptr) {
      static const io::Node kNull;
      ADD_FAILURE() << "missing " << p;
      return kNull;
    }
    cur = next;
  }
  return *cur;
}

const char* kTask = R"({
  "family": "web_App",
  "taskRoleArn": "arn:aws:iam::123456789012:role/web",
  "networkMode": "awsvpc",
  "cpu": "1024", "memory": "2048",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    {"name": "migrate", "image": "app:1", "essential": false, "command": ["migrate"]},
    {"name": "envoy", "image": "envoy:1", "essential": true,
     "healthCheck": {"command": ["CMD-SHELL", "curl -f localhost:9901/ready"], "interval": 10, "retries": 2, "startPeriod": 25}},
    {"name": "app", "image": "app:1", "cpu": 256, "memory": 512, "memoryReservation": 256,
     "entryPoint": ["/bin/app"], "command": ["--port", "8080"],
     "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http", "appProtocol": "http"}],
     "environment": [{"name": "ENABLED", "value": "yes"}, {"name": "PORT", "value": "8080"}],
     "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::"}],
     "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}, {"containerName": "envoy", "condition": "HEALTHY"}],
     "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}],
     "user": "1000:2000", "readonlyRootFilesystem": true,
     "linuxParameters": {"capabilities": {"drop": ["ALL"]}, "sharedMemorySize": 64}}
  ]
})";

const char* kService = R"({
  "serviceName": "web", "taskDefinition": "web_App", "desiredCount": 3,
  "deploymentConfiguration": {"maximumPercent": 150, "minimumHealthyPercent": 50}
})";

TEST(ConvertToK8sTest, DeploymentCarriesReplicasAndExactRollout) {
  const Converted c = convert({{"task.json", kTask}, {"service.json", kService}});
  ASSERT_FALSE(c.result.diagnostics.has_errors());
  const io::Node* d = c.find("Deployment");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(at(*d, {"metadata", "name"}).text(), "web");
  EXPECT_EQ(at(*d, {"spec", "replicas"}).as_int(), 3);
  // ECS: at most floor(3*1.5)=4 tasks, at least ceil(3*0.5)=2 healthy -> surge 1, unavailable 1.
  const io::Node& ru = at(*d, {"spec", "strategy", "rollingUpdate"});
  EXPECT_EQ(at(ru, {"maxSurge"}).as_int(), 1);
  EXPECT_EQ(at(ru, {"maxUnavailable"}).text(), "50%");
}

TEST(ConvertToK8sTest, ContainersInitAndSidecarOrder) {
  const Converted c = convert({{"task.json", kTask}});
  const io::Node* d = c.find("Deployment");
  ASSERT_NE(d, nullptr);
  const io::Node& pod = at(*d, {"spec", "template", "spec"});
  const auto& init = at(pod, {"initContainers"}).items();
  ASSERT_EQ(init.size(), 2u);
  EXPECT_EQ(at(init[0], {"name"}).text(), "migrate");  // runs to completion (SUCCESS)
  EXPECT_EQ(init[0].find("restartPolicy"), nullptr);
  EXPECT_EQ(at(init[1], {"name"}).text(), "envoy");  // native sidecar (HEALTHY)
  EXPECT_EQ(at(init[1], {"restartPolicy"}).text(), "Always");
  const auto& app = at(pod, {"containers"}).items();
  ASSERT_EQ(app.size(), 1u);
  EXPECT_EQ(at(app[0], {"command"}).items()[0].text(), "/bin/app");
  EXPECT_EQ(at(app[0], {"args"}).items()[1].text(), "8080");
  EXPECT_EQ(at(pod, {"serviceAccountName"}).text(), "web-app-67e88");
}

TEST(ConvertToK8sTest, ResourcesProbesSecurityAndEnv) {
  const Converted c = convert({{"task.json", kTask}});
  const io::Node& pod = at(*c.find("Deployment"), {"spec", "template", "spec"});
  const io::Node& app = at(pod, {"containers"}).items()[0];
  EXPECT_EQ(at(app, {"resources", "requests", "cpu"}).text(), "250m");
  EXPECT_EQ(at(app, {"resources", "requests", "memory"}).text(), "256Mi");
  EXPECT_EQ(at(app, {"resources", "limits", "memory"}).text(), "512Mi");
  EXPECT_EQ(at(app, {"securityContext", "runAsUser"}).as_int(), 1000);
  EXPECT_EQ(at(app, {"securityContext", "runAsGroup"}).as_int(), 2000);
  EXPECT_TRUE(at(app, {"securityContext", "readOnlyRootFilesystem"}).as_bool());
  // "yes" must stay a string in the YAML (kubectl would read an unquoted yes as a boolean).
  const auto& env = at(app, {"env"}).items();
  EXPECT_TRUE(at(env[0], {"value"}).is_string());
  EXPECT_EQ(at(env[0], {"value"}).text(), "yes");
  EXPECT_TRUE(at(env[1], {"value"}).is_string());
  EXPECT_EQ(at(env[2], {"valueFrom", "secretKeyRef", "key"}).text(), "password");
  // Health check -> exec liveness probe + startup probe covering startPeriod.
  const io::Node& envoy = at(pod, {"initContainers"}).items()[1];
  EXPECT_EQ(at(envoy, {"livenessProbe", "exec", "command"}).items()[2].text(), "curl -f localhost:9901/ready");
  EXPECT_EQ(at(envoy, {"livenessProbe", "periodSeconds"}).as_int(), 10);
  EXPECT_EQ(at(envoy, {"livenessProbe", "failureThreshold"}).as_int(), 2);
  EXPECT_EQ(at(envoy, {"startupProbe", "failureThreshold"}).as_int(), 5);  // ceil(25/10) + 2
  // sharedMemorySize -> /dev/shm memory emptyDir
  bool shm = false;
  for (const auto& m : at(app, {"volumeMounts"}).items()) shm = shm || at(m, {"mountPath"}).text() == "/dev/shm";
  EXPECT_TRUE(shm);
}

TEST(ConvertToK8sTest, IrsaServiceAccountAndAnnotationsForEcsOnlyFields) {
  const Converted c = convert({{"task.json", kTask}});
  const io::Node* sa = c.find("ServiceAccount");
  ASSERT_NE(sa, nullptr);
  EXPECT_EQ(at(*sa, {"metadata", "annotations", "eks.amazonaws.com/role-arn"}).text(), "arn:aws:iam::123456789012:role/web");
  const io::Node& ann = at(*c.find("Deployment"), {"metadata", "annotations"});
  EXPECT_NE(at(ann, {"specconv.io/ecs-containers"}).text().find("nofile"), std::string::npos);
  EXPECT_EQ(at(ann, {"specconv.io/original-name"}).text(), "web_App");
  EXPECT_TRUE(c.has_code("renamed-resource"));
}

TEST(ConvertToK8sTest, ExternalSecretsOnRequestOnly) {
  ToK8sOptions with;
  with.external_secrets = true;
  const Converted c = convert({{"task.json", kTask}}, with);
  const io::Node* es = c.find("ExternalSecret");
  ASSERT_NE(es, nullptr);
  EXPECT_EQ(at(*es, {"apiVersion"}).text(), "external-secrets.io/v1");
  const io::Node& ref = at(*es, {"spec", "data"}).items()[0];
  EXPECT_EQ(at(ref, {"remoteRef", "property"}).text(), "password");
  EXPECT_EQ(convert({{"task.json", kTask}}).find("ExternalSecret"), nullptr);
}

TEST(ConvertToK8sTest, RecreateForMax100Min0AndDaemonSet) {
  const std::string svc = R"({"serviceName": "w", "taskDefinition": "web_App",
    "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 0}})";
  const Converted c = convert({{"task.json", kTask}, {"s.json", svc}});
  EXPECT_EQ(at(*c.find("Deployment"), {"spec", "strategy", "type"}).text(), "Recreate");
  const std::string daemon = R"({"serviceName": "w", "taskDefinition": "web_App", "schedulingStrategy": "DAEMON"})";
  const Converted d = convert({{"task.json", kTask}, {"s.json", daemon}});
  ASSERT_NE(d.find("DaemonSet"), nullptr);
  EXPECT_EQ(d.find("Deployment"), nullptr);
}

TEST(ConvertToK8sTest, MisspelledKeyIsAnErrorWithSuggestionAndNoOutput) {
  const std::string bad = R"({"family": "x", "containerDefinitions": [{"name": "a", "image": "i", "memoryReservaton": 5}]})";
  const Converted c = convert({{"bad.json", bad}, {"task.json", kTask}});
  bool found = false;
  for (const auto& d : c.result.diagnostics.all()) {
    if (d.code == "unknown-key") {
      found = true;
      EXPECT_EQ(d.location.pointer, "/containerDefinitions/0/memoryReservaton");
      EXPECT_NE(d.message.find("did you mean \"memoryReservation\""), std::string::npos);
      EXPECT_EQ(d.location.line, 1);
    }
  }
  EXPECT_TRUE(found);
  ASSERT_EQ(c.result.documents.size(), 1u);  // the good file still converts
  EXPECT_EQ(c.result.documents[0].name, "web-app-67e88");
}

TEST(ConvertToK8sTest, LiberalReadingWarns) {
  const std::string quirky = R"({"family": "q", "networkMode": "default", "containerDefinitions": [
    {"name": "a", "image": "i", "memory": "512", "mountPoints": [], "essential": true,
     "portMappings": [{"containerPort": "80", "hostPort": null}]}]})";
  const Converted c = convert({{"q.json", quirky}});
  EXPECT_FALSE(c.result.diagnostics.has_errors());
  EXPECT_TRUE(c.has_code("type-coerced"));
  EXPECT_TRUE(c.has_code("legacy-value"));
  const io::Node& ctr = at(*c.find("Deployment"), {"spec", "template", "spec", "containers"}).items()[0];
  EXPECT_EQ(at(ctr, {"resources", "limits", "memory"}).text(), "512Mi");
  EXPECT_EQ(at(ctr, {"ports"}).items()[0].find("containerPort")->as_int(), 80);
}

TEST(ConvertToK8sTest, SyntaxErrorHasLineAndColumn) {
  const Converted c = convert({{"t.json", "{\n  \"family\": \"x\",\n  \"containerDefinitions\": [\n"}});
  ASSERT_TRUE(c.result.diagnostics.has_errors());
  const auto& d = c.result.diagnostics.all()[0];
  EXPECT_EQ(d.code, "json-syntax");
  EXPECT_EQ(d.location.line, 4);
  EXPECT_TRUE(c.result.documents.empty());
}

}  // namespace
}  // namespace specconv

namespace specconv {
namespace {

// A task definition as CloudFormation's AWS::ECS::TaskDefinition Properties spell it, and the
// same as the API spells it: the reader aliases key spellings, so both give the same objects.
constexpr const char* kPascalTask = R"({
  "Family": "orders",
  "Cpu": "512",
  "Memory": "1024",
  "NetworkMode": "awsvpc",
  "RequiresCompatibilities": ["FARGATE"],
  "TaskRoleArn": "arn:aws:iam::123456789012:role/orders-task",
  "ContainerDefinitions": [{
    "Name": "app",
    "Image": "public.ecr.aws/nginx/nginx:1.27",
    "Essential": true,
    "PortMappings": [{"ContainerPort": 8080, "Protocol": "tcp"}],
    "Environment": [{"Name": "MODE", "Value": "prod"}],
    "Secrets": [{"Name": "DB_PASSWORD", "ValueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/orders/db"}],
    "HealthCheck": {"Command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "Interval": 30},
    "DockerLabels": {"Team": "orders"},
    "MountPoints": [{"SourceVolume": "data", "ContainerPath": "/data"}]
  }],
  "Volumes": [{"Name": "data", "EFSVolumeConfiguration": {"FilesystemId": "fs-12345678", "TransitEncryption": "ENABLED"}}]
})";

constexpr const char* kCamelTask = R"({
  "family": "orders",
  "cpu": "512",
  "memory": "1024",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "taskRoleArn": "arn:aws:iam::123456789012:role/orders-task",
  "containerDefinitions": [{
    "name": "app",
    "image": "public.ecr.aws/nginx/nginx:1.27",
    "essential": true,
    "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
    "environment": [{"name": "MODE", "value": "prod"}],
    "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/orders/db"}],
    "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "interval": 30},
    "dockerLabels": {"Team": "orders"},
    "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]
  }],
  "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678", "transitEncryption": "ENABLED"}}]
})";

std::vector<std::string> codes(const ConvertResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.all()) out.push_back(d.code);
  return out;
}

TEST(ConvertKeySpelling, PascalCaseTaskDefinitionGivesTheSameObjectsAsCamelCase) {
  const ConvertResult pascal = convert_to_k8s({{"pascal.json", kPascalTask}}, {});
  const ConvertResult camel = convert_to_k8s({{"camel.json", kCamelTask}}, {});
  ASSERT_EQ(camel.documents.size(), 1u);
  ASSERT_EQ(pascal.documents.size(), 1u);
  EXPECT_FALSE(pascal.diagnostics.has_errors());
  EXPECT_EQ(pascal.documents[0].text, camel.documents[0].text);
  EXPECT_EQ(codes(pascal), codes(camel));
}

TEST(ConvertKeySpelling, MappingDiagnosticsAreLocatedAtTheKeyAsWritten) {
  std::string text = kPascalTask;
  text.replace(text.find("\"Name\": \"app\""), 13, "\"Name\": \"App\"");  // renamed: a note from the mapping
  const ConvertResult r = convert_to_k8s({{"pascal.json", text}}, {});
  bool found = false;
  for (const auto& d : r.diagnostics.all()) {
    if (d.code != "renamed-resource") continue;
    found = true;
    EXPECT_EQ(d.location.pointer, "/ContainerDefinitions/0/Name");
    EXPECT_EQ(d.location.line, 9);
  }
  EXPECT_TRUE(found);
}

TEST(ConvertKeySpelling, DiagnosticsPointAtTheKeyAsWritten) {
  std::string text = kPascalTask;
  text.replace(text.find("\"Memory\": \"1024\""), 16, "\"Memory\": true  ");
  const ConvertResult r = convert_to_k8s({{"pascal.json", text}}, {});
  bool found = false;
  for (const auto& d : r.diagnostics.all()) {
    if (d.code != "type-mismatch") continue;
    found = true;
    EXPECT_EQ(d.location.pointer, "/Memory");
    EXPECT_EQ(d.location.line, 4);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace specconv

namespace specconv {
namespace {

TEST(ConvertTypeCoercion, TaskCpuGivenAsANumberIsReadWithAWarningAtItsKey) {
  // The API wants task cpu/memory as strings; `validate` calls a number a schema error, and the
  // conversion must not accept it silently either.
  const ConvertResult r = convert_to_k8s(
      {{"t.json", R"({"family":"x","cpu":512,"memory":"1024",)"
                  R"("containerDefinitions":[{"name":"a","image":"nginx","essential":true}]})"}},
      {});
  ASSERT_EQ(r.documents.size(), 1u);
  std::vector<std::string> at;
  for (const auto& d : r.diagnostics.all()) {
    if (d.code == "type-coerced") at.push_back(d.location.pointer);
  }
  EXPECT_EQ(at, std::vector<std::string>{"/cpu"});
  EXPECT_NE(r.documents[0].text.find("cpu: 500m"), std::string::npos) << r.documents[0].text;
}

}  // namespace
}  // namespace specconv
