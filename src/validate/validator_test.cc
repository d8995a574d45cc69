// Unit tests of the schema registry and the validator (Kubernetes and ECS).
#include "validate/validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/output_check.h"
#include "diag/render.h"
#include "io/json_load.h"
#include "io/yaml_load.h"
#include "testutil/json.h"

namespace specconv::validate {
namespace {

using ::testing::HasSubstr;

io::Node yaml(const std::string& text) {
  Diagnostics d;
  auto r = io::load_yaml(text, "t.yaml", io::Limits{}, d);
  EXPECT_FALSE(d.has_errors());
  return r.documents.at(0).root;
}


Diagnostics k8s(const std::string& text) {
  Diagnostics d;
  check_k8s_object(builtin_registry(), yaml(text), {"t.yaml", "", 0, 0, 0}, d);
  return d;
}

Diagnostics ecs(const std::string& text) {
  Diagnostics d;
  check_ecs_document(builtin_registry(), testutil::parse_json(text), {"t.json", "", 0, 0, -1}, d);
  return d;
}

std::string codes(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += x.code + " " + x.location.pointer + ": " + x.message + "\n";
  return out;
}

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  selector: {matchLabels: {app: web}}
  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80}]
          resources: {requests: {cpu: 250m, memory: 1Gi}, limits: {cpu: 2}}
)";

const char* kTask = R"({"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
  "cpu": "256", "memory": "512",
  "containerDefinitions": [{"name": "web", "image": "nginx", "portMappings": [{"containerPort": 80}]}]})";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

TEST(ValidateRegistry, ShipsEveryKindSpecconvReadsAndWrites) {
  const Registry& r = builtin_registry();
  for (const char* k : {"apps/v1/Deployment", "apps/v1/StatefulSet", "apps/v1/DaemonSet", "batch/v1/Job",
                        "batch/v1/CronJob", "v1/Pod", "v1/Service", "networking.k8s.io/v1/Ingress",
                        "autoscaling/v2/HorizontalPodAutoscaler", "v1/ServiceAccount", "v1/ConfigMap", "v1/Secret",
                        "v1/PersistentVolume", "v1/PersistentVolumeClaim", "external-secrets.io/v1/ExternalSecret"}) {
    EXPECT_NE(r.k8s_kinds().find(k), r.k8s_kinds().end()) << k;
  }
  EXPECT_NE(r.ecs_operation("RegisterTaskDefinition"), nullptr);
  EXPECT_NE(r.ecs_operation("CreateService"), nullptr);
  EXPECT_EQ(r.sources().at("kubernetes-models"), "5.1.0");
}

TEST(ValidateRegistry, EmbeddedDataIsTheCommittedSchemaFiles) {
  for (const auto& [file, embedded] : {std::pair{"k8s.json", embedded_k8s_schema()}, std::pair{"aws.json", embedded_aws_schema()}}) {
    std::ifstream in(std::string(SPECCONV_SOURCE_DIR) + "/data/schemas/" + file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), std::string(embedded)) << file << ": re-run cmake";
  }
}

TEST(ValidateK8s, AcceptsAValidDeployment) { EXPECT_EQ(codes(k8s(kDeployment)), ""); }

TEST(ValidateK8s, UnknownFieldWithHintAndLocation) {
  const Diagnostics d = k8s(replace(kDeployment, "image: nginx", "imagee: nginx"));
  ASSERT_TRUE(d.has_errors());
  const auto& x = d.all().at(0);
  EXPECT_EQ(x.code, "schema-unknown-field");
  EXPECT_EQ(x.location.pointer, "/spec/template/spec/containers/0/imagee");
  EXPECT_EQ(x.location.line, 12);
  EXPECT_THAT(x.message, HasSubstr("did you mean \"image\"?"));
}

TEST(ValidateK8s, MissingRequiredField) {
  const std::string text = replace(kDeployment, "  selector: {matchLabels: {app: web}}\n", "");
  EXPECT_THAT(codes(k8s(text)), HasSubstr("schema-missing-field /spec: spec: missing required field \"selector\""));
}

TEST(ValidateK8s, TypesEnumsQuantitiesAndIntOrString) {
  EXPECT_THAT(codes(k8s(replace(kDeployment, "containerPort: 80", "containerPort: \"80\""))), HasSubstr("schema-type"));
  EXPECT_THAT(codes(k8s(replace(kDeployment, "cpu: 250m", "cpu: 1 vCPU"))), HasSubstr("schema-format"));
  EXPECT_THAT(codes(k8s(replace(kDeployment, "maxSurge: 25%", "maxSurge: [1]"))), HasSubstr("integer or string"));
  EXPECT_THAT(codes(k8s(replace(kDeployment, "image: nginx", "image: nginx\n          imagePullPolicy: always"))),
              HasSubstr("schema-enum"));
}

TEST(ValidateK8s, NullIsDroppedLikeTheApiServerDoes) {
  EXPECT_EQ(codes(k8s(replace(kDeployment, "image: nginx", "image: nginx\n          command: null"))), "");
}

TEST(ValidateK8s, UnquotedYesIsNotAString) {
  const Diagnostics d = k8s("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {FLAG: yes}\n");
  EXPECT_THAT(codes(d), HasSubstr("must be string (got boolean true) [unquoted yes"));
}

TEST(ValidateK8s, ServerSideRules) {
  EXPECT_THAT(codes(k8s(replace(kDeployment, "name: web, labels", "name: Web_App, labels"))), HasSubstr("RFC 1123 subdomain"));
  EXPECT_THAT(codes(k8s(replace(kDeployment, "matchLabels: {app: web}", "matchLabels: {app: api}"))),
              HasSubstr("does not match the pod template labels"));
  EXPECT_THAT(codes(k8s("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: not base64!}\n")),
              HasSubstr("base64"));
}

TEST(ValidateK8s, PodsNeedContainersAndEnvNamesTheApiServerTakes) {
  EXPECT_THAT(codes(k8s("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n")),
              HasSubstr("schema-rule /spec: spec: a Deployment needs a spec"));
  EXPECT_THAT(codes(k8s("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n")),
              HasSubstr("schema-rule /spec/containers: spec.containers: a pod needs at least one container"));
  const std::string env = "image: nginx\n          env: [{name: \"A=B\", value: x}, {name: \"\", value: w}, {name: \"my.var-1 ok\", value: z}]";
  const std::string found = codes(k8s(replace(kDeployment, "image: nginx", env)));
  EXPECT_THAT(found, HasSubstr("schema-rule /spec/template/spec/containers/0/env/0/name:"));
  EXPECT_THAT(found, HasSubstr("environment variable name \"A=B\" must be printable ASCII"));
  EXPECT_THAT(found, HasSubstr("/env/1/name"));
  EXPECT_EQ(found.find("/env/2/name"), std::string::npos) << found;  // printable ASCII is fine since 1.34
}

TEST(ValidateEcs, TaskCpuOnEc2IsAtMost192Vcpu) {
  const std::string ec2 = replace(replace(kTask, "[\"FARGATE\"]", "[\"EC2\"]"), "\"cpu\": \"256\"", "\"cpu\": \"196608\"");
  EXPECT_EQ(codes(ecs(ec2)), "");
  EXPECT_THAT(codes(ecs(replace(ec2, "196608", "196609"))), HasSubstr("schema-range /cpu: cpu: task cpu 196609 units"));
}

TEST(ValidateK8s, ListItemsRemovedApisAndUnknownKinds) {
  const Diagnostics list = k8s("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n  date: {}\n");
  EXPECT_THAT(codes(list), HasSubstr("schema-unknown-field /items/0/date"));
  EXPECT_THAT(codes(k8s("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\n")), HasSubstr("schema-removed-api"));
  const Diagnostics crd = k8s("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
  EXPECT_FALSE(crd.has_errors());
  EXPECT_THAT(codes(crd), HasSubstr("schema-unknown-kind"));
}

TEST(ValidateEcs, AcceptsAValidFargateTask) { EXPECT_EQ(codes(ecs(kTask)), ""); }

TEST(ValidateEcs, ModelChecksAreJsonExact) {
  EXPECT_THAT(codes(ecs(replace(kTask, "\"containerPort\": 80", "\"containerPort\": \"80\""))),
              HasSubstr("must be an integer (got string \"80\")"));
  EXPECT_THAT(codes(ecs(replace(kTask, "\"networkMode\": \"awsvpc\"", "\"networkMode\": \"AWSVPC\""))), HasSubstr("schema-enum"));
  EXPECT_THAT(codes(ecs(replace(kTask, "\"family\"", "\"famly\""))), HasSubstr("did you mean \"family\"?"));
  EXPECT_THAT(codes(ecs(replace(kTask, "\"image\": \"nginx\"", "\"image\": \"nginx\", \"essential\": null"))),
              HasSubstr("must be a boolean (got null)"));
}

TEST(ValidateEcs, ServiceSideRules) {
  EXPECT_THAT(codes(ecs(replace(kTask, "\"cpu\": \"256\"", "\"cpu\": \"300\""))), HasSubstr("not a valid Fargate task size"));
  EXPECT_THAT(codes(ecs(replace(kTask, "\"awsvpc\"", "\"bridge\""))), HasSubstr("FARGATE requires networkMode"));
  const std::string bundle = std::string("{\"taskDefinition\": ") + kTask +
                             ", \"service\": {\"serviceName\": \"web\", \"taskDefinition\": \"web\", \"desiredCount\": 1,"
                             " \"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/w/1\","
                             " \"containerName\": \"web\", \"containerPort\": 8080}]}}";
  EXPECT_THAT(codes(ecs(bundle)), HasSubstr("no portMapping for containerPort 8080"));
  EXPECT_THAT(codes(ecs("{\"hello\": 1}")), HasSubstr("schema-unrecognized"));
}

TEST(ValidateEcs, EnvelopesOfShippedAwsCallsAreChecked) {
  const Diagnostics d = ecs(R"([{"api": "elbv2:CreateTargetGroup", "input": {"Name": "web", "Port": "80"}},
    {"api": "elbv2:CreateTargetGroups", "input": {}},
    {"api": "application-autoscaling:RegisterScalableTarget", "input": {"ServiceNamespace": "ecs",
     "ResourceId": "service/default/web", "ScalableDimension": "ecs:service:DesiredCount", "MinCapacity": 5, "MaxCapacity": 2}},
    {"api": "lambda:Invoke", "input": {}}])");
  const std::string c = codes(d);
  EXPECT_THAT(c, HasSubstr("schema-type /0/input/Port"));
  EXPECT_THAT(c, HasSubstr("did you mean \"CreateTargetGroup\"?"));
  EXPECT_THAT(c, HasSubstr("MinCapacity (5) is greater than MaxCapacity (2)"));
  EXPECT_THAT(c, HasSubstr("schema-not-validated /3/input"));
}

TEST(ValidateEcs, AServiceIsCheckedAgainstTheTaskDefinitionOfItsFamily) {
  const std::string other = replace(replace(kTask, "\"family\": \"web\"", "\"family\": \"api\""), "\"name\": \"web\"", "\"name\": \"api\"");
  const std::string doc = std::string("[") + other + ", " + kTask +
                          ", {\"serviceName\": \"web\", \"taskDefinition\": \"web:3\", \"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/w/1\","
                          " \"containerName\": \"web\", \"containerPort\": 80}]}]";
  EXPECT_EQ(codes(ecs(doc)), "");
}

TEST(ValidateQuantity, AcceptsTheResourceQuantityGrammar) {
  for (const char* ok : {"1", "500m", "1Gi", "0.5", ".5", "1e3", "2E-2", "+1Ki", "128974848"}) EXPECT_TRUE(is_quantity(ok)) << ok;
  for (const char* bad : {"", "1 vCPU", "1GB", "Gi", "1.2.3", "1e", "--1", "1mi"}) EXPECT_FALSE(is_quantity(bad)) << bad;
}

TEST(ValidateOutputCheck, AnInvalidOutputIsAnInternalError) {
  io::Node bad = yaml(replace(kDeployment, "image: nginx", "imagee: nginx"));
  Diagnostics d;
  EXPECT_FALSE(app::check_output_k8s(bad, {"in.json", "", 0, 0, -1}, d));
  ASSERT_EQ(d.all().size(), 1U);
  EXPECT_EQ(d.all()[0].code, "invalid-output");
  EXPECT_EQ(d.all()[0].location.file, "in.json");
  Diagnostics ok;
  EXPECT_TRUE(app::check_output_ecs(testutil::parse_json(kTask), nullptr, {"in.yaml", "", 0, 0, -1}, ok));
  EXPECT_TRUE(ok.empty());
}

// ---- fix-validate: Secret values are never echoed -------------------------------------------
// Recognisable values under a Secret's data/stringData (and a ConfigMap's binaryData), each of a
// type the schema rejects, so that every one is the subject of a diagnostic.
const char* kSecretValues = R"(apiVersion: v1
kind: Secret
metadata: {name: db}
stringData:
  DB_PIN: 12345678
  RATIO: 3.14159265
data:
  token: 987654321
  nested: {inner: hunter2-nested}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: api}
  stringData: {key: 55555555}
---
apiVersion: v1
kind: Secret
metadata: {name: whole}
stringData: 7777777777
---
apiVersion: v1
kind: ConfigMap
metadata: {name: blobs}
binaryData: {blob: 4444444}
)";
const std::vector<std::string> kSecretForbidden = {"12345678", "3.14159265", "987654321", "hunter2-nested",
                                                   "55555555", "7777777777", "4444444"};

TEST(ValidateSecrets, SecretValuesNeverAppearInDiagnostics) {
  Diagnostics d;
  auto loaded = io::load_yaml(kSecretValues, "s.yaml", io::Limits{}, d);
  ASSERT_FALSE(d.has_errors());
  for (const auto& doc : loaded.documents) check_k8s_object(builtin_registry(), doc.root, {"s.yaml", "", 0, 0, doc.index}, d);
  int redacted = 0;
  for (const auto& x : d.all()) {
    redacted += x.message.find("value not shown") != std::string::npos ? 1 : 0;
    for (const auto& f : kSecretForbidden) EXPECT_EQ(x.message.find(f), std::string::npos) << x.code << ": " << x.message;
  }
  EXPECT_GE(redacted, 6) << codes(d);  // each rejected value is still reported, by type only
  EXPECT_THAT(codes(d), HasSubstr("stringData.DB_PIN: must be string (got a number; value not shown: Secret data)"));
  for (const std::string& text : {diag::render_text(d, true), diag::render_json(d)}) {
    for (const auto& f : kSecretForbidden) EXPECT_EQ(text.find(f), std::string::npos) << f;
  }
  // Outside Secret data, values are still shown.
  EXPECT_THAT(codes(k8s(replace(kDeployment, "containerPort: 80", "containerPort: \"80\""))), HasSubstr("(got string \"80\")"));
}
// ---- end secret values ---------------------------------------------------------------------

// ---- fix-validate: ECS sizes that do not fit int64 --------------------------------------------
TEST(ValidateEcsLimits, HugeReservationsSaturateInsteadOfWrapping) {
  const std::string td = replace(kTask, R"("portMappings": [{"containerPort": 80}]}]})",
                                 R"("memoryReservation": 9000000000000000000},
    {"name": "b", "image": "nginx", "memoryReservation": 9000000000000000000}]})");
  const std::string out = codes(ecs(td));
  EXPECT_THAT(out, HasSubstr("containers reserve 9223372036854775807 MiB in total, more than the task memory 512 MiB"));
}
// ---- end reservations ----------------------------------------------------------------------

// ---- fix-validate: task cpu/memory beyond int64 ---------------------------------------------
TEST(ValidateEcsLimits, HugeTaskSizeIsReportedNotCastToGarbage) {
  const std::string out = codes(ecs(replace(kTask, R"("cpu": "256")", R"("cpu": "99999999999999999999")")));
  EXPECT_THAT(out, HasSubstr("schema-range /cpu: cpu: task cpu \"99999999999999999999\" is too large"));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("-9223372036854775808")));
  const std::string mem = codes(ecs(replace(kTask, R"("memory": "512")", R"("memory": "99999999999999999 GB")")));
  EXPECT_THAT(mem, HasSubstr("is too large"));
}
// ---- end task sizes ------------------------------------------------------------------------

// ---- fix-validate: aliases resolved after every definition is filled -----------------------
TEST(ValidateRegistry, ForwardAliasKeepsValidating) {
  // "A" is an alias of "B", which is defined after it.
  const Registry r(R"({"defs": {"A": {"ref": "B"}, "B": {"props": {"x": "integer"}, "required": ["x"]}},
    "kinds": {"v1/Thing": "A"}, "source": {}})",
                   "");
  const Type* t = r.k8s_kind("v1", "Thing");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, Type::Kind::kObject);
  Diagnostics d;
  check_k8s_object(r, yaml("apiVersion: v1\nkind: Thing\nmetadata: {name: a}\ny: 1\n"), {"t.yaml", "", 0, 0, 0}, d);
  EXPECT_THAT(codes(d), HasSubstr("schema-missing-field"));
  EXPECT_THAT(codes(d), HasSubstr("schema-unknown-field"));
  // An alias chain in any order, and a cycle fails loudly.
  const Registry chain(R"({"defs": {"A": {"ref": "B"}, "B": {"ref": "C"}, "C": {"array": "string"}},
    "kinds": {"v1/Thing": "A"}, "source": {}})",
                       "");
  EXPECT_EQ(chain.k8s_kind("v1", "Thing")->kind, Type::Kind::kArray);
  EXPECT_THROW(Registry(R"({"defs": {"A": {"ref": "B"}, "B": {"ref": "A"}}, "kinds": {}, "source": {}})", ""),
               std::runtime_error);
}
// ---- end aliases ---------------------------------------------------------------------------

}  // namespace
}  // namespace specconv::validate
