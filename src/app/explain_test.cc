// explain: every source field gets a row; the mapping table and the diagnostics decide status.
#include "app/explain.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testutil/process.h"

namespace specconv::app {
namespace {

const ExplainRow* row(const Explanation& e, const std::string& source) {
  for (const ExplainRow& r : e.rows) {
    if (r.source == source) return &r;
  }
  return nullptr;
}

constexpr const char* kTask = R"({
  "family": "Web_App",
  "requiresCompatibilities": ["FARGATE"],
  "inferenceAccelerators": [],
  "containerDefinitions": [
    {"name": "app", "image": "nginx:1.25", "memory": 256, "essential": true,
     "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
     "links": ["db"],
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}}
  ]
})";

TEST(ExplainTest, EcsFieldsGetTableTargetsAndDiagnosticStatus) {
  const Explanation e = explain_input({"task.json", kTask}, io::Limits{});
  EXPECT_EQ(e.direction, Direction::kToK8s);
  EXPECT_TRUE(e.converted);
  const ExplainRow* image = row(e, "/containerDefinitions/0/image");
  ASSERT_NE(image, nullptr);
  EXPECT_NE(image->target.find("image"), std::string::npos);
  EXPECT_EQ(image->line, 6);
  const ExplainRow* port = row(e, "/containerDefinitions/0/portMappings/0/containerPort");
  ASSERT_NE(port, nullptr);
  EXPECT_FALSE(port->target.empty());
  // Renamed family: the diagnostic is attached to the field.
  const ExplainRow* family = row(e, "/family");
  ASSERT_NE(family, nullptr);
  // logConfiguration does not take effect: reported, and the row says so.
  const ExplainRow* log = row(e, "/containerDefinitions/0/logConfiguration");
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->status, "annotation");
  EXPECT_FALSE(log->codes.empty());
  // Rows are in document order.
  for (std::size_t i = 1; i < e.rows.size(); ++i) {
    if (e.rows[i].line == 0) continue;
    EXPECT_LE(e.rows[i - 1].line, e.rows[i].line);
  }
  // Every diagnostic shows up on some row.
  std::size_t codes = 0;
  for (const ExplainRow& r : e.rows) codes += r.codes.size();
  EXPECT_EQ(codes, e.diagnostics.all().size());
}

TEST(ExplainTest, KubernetesFieldsUseReaderDiagnostics) {
  const std::string yaml = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api, tier: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      securityContext:
        fsGroup: 2000
      containers:
        - name: api
          image: example/api:1
)";
  const Explanation e = explain_input({"d.yaml", yaml}, io::Limits{});
  EXPECT_EQ(e.direction, Direction::kToEcs);
  const ExplainRow* replicas = row(e, "/spec/replicas");
  ASSERT_NE(replicas, nullptr);
  EXPECT_EQ(replicas->status, "read");
  EXPECT_EQ(replicas->target, "service desiredCount");
  EXPECT_EQ(replicas->document, 0);
  const ExplainRow* image = row(e, "/spec/template/spec/containers/0/image");
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->target, "containerDefinitions[].image");
  const ExplainRow* fs_group = row(e, "/spec/template/spec/securityContext/fsGroup");
  ASSERT_NE(fs_group, nullptr);
  EXPECT_EQ(fs_group->status, "ignored");
  ASSERT_FALSE(fs_group->codes.empty());
  EXPECT_EQ(fs_group->codes[0], "ignored-field");
  // labels are one row, not one per label
  EXPECT_NE(row(e, "/metadata/labels"), nullptr);
  EXPECT_EQ(row(e, "/metadata/labels/app"), nullptr);
}

TEST(ExplainTest, KubernetesTargetsComeFromTheFieldTable) {
  const std::string yaml = R"(apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          affinity: {nodeAffinity: {}}
          containers:
            - name: job
              image: example/job:1
              imagePullPolicy: Always
---
apiVersion: v1
kind: Service
metadata: {name: nightly}
spec:
  selector: {app: nightly}
  ports: [{port: 80, targetPort: 8080}]
)";
  const Explanation e = explain_input({"c.yaml", yaml}, io::Limits{});
  auto target = [&e](int64_t document, const std::string& source) -> std::string {
    for (const ExplainRow& r : e.rows) {
      if (r.document == document && r.source == source) return r.target;
    }
    return "(no row)";
  };
  const std::string pod = "/spec/jobTemplate/spec/template/spec";
  EXPECT_EQ(target(0, pod + "/containers/0/imagePullPolicy"), "label specconv.io/k8s-workload");  // carried back
  EXPECT_EQ(target(0, "/spec/jobTemplate/spec/backoffLimit"), "label specconv.io/k8s-workload");
  EXPECT_EQ(target(0, "/spec/schedule"), "EventBridge Scheduler schedule");
  // Inside objects the reader does not read (affinity), there is no table row.
  EXPECT_EQ(target(0, pod + "/affinity/nodeAffinity"), "");
  EXPECT_EQ(target(1, "/spec/ports/0/targetPort"), "serviceRegistries[].containerPort / loadBalancers[].containerPort");
  const ExplainRow* backoff = row(e, "/spec/jobTemplate/spec/backoffLimit");
  ASSERT_NE(backoff, nullptr);
  EXPECT_NE(backoff->note.find("ECS does not retry"), std::string::npos);  // the table's rule
}

TEST(ExplainTest, BrokenInputExplainsTheError) {
  const Explanation e = explain_input({"bad.json", "{\"family\": "}, io::Limits{});
  EXPECT_FALSE(e.converted);
  ASSERT_FALSE(e.rows.empty());
  EXPECT_EQ(e.rows[0].status, "error");
  EXPECT_EQ(e.rows[0].codes[0], "json-syntax");
}

TEST(ExplainTest, NothingRecognisedGivesTheErrorsWithoutAFieldWalk) {
  // YAML that is no Kubernetes object: the table holds the error, not one row per key (and the
  // file is parsed once, not twice: a hostile file of this shape costs one parse).
  const Explanation e = explain_input({"data.yaml", "a: 1\nb: [1, 2]\n"}, io::Limits{});
  EXPECT_FALSE(e.converted);
  ASSERT_FALSE(e.rows.empty());
  for (const ExplainRow& r : e.rows) EXPECT_EQ(r.status, "error") << r.source;
  EXPECT_EQ(row(e, "/a"), nullptr);
  // A Deployment that fails to convert is still walked: its fields are listed with the error.
  const Explanation d = explain_input(
      {"d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {a: b}}\n"},
      io::Limits{});
  EXPECT_FALSE(d.converted);
  EXPECT_NE(row(d, "/metadata/name"), nullptr);
}

TEST(ExplainTest, RenderersAgree) {
  const Explanation e = explain_input({"task.json", kTask}, io::Limits{});
  const std::string text = render_explain_text(e);
  EXPECT_NE(text.find("/containerDefinitions/0/image"), std::string::npos);
  EXPECT_NE(text.find("SOURCE"), std::string::npos);
  const std::string md = render_explain_markdown(e);
  EXPECT_NE(md.find("| `/containerDefinitions/0/image` |"), std::string::npos);
  const auto j = nlohmann::json::parse(render_explain_json(e));
  EXPECT_EQ(j["fields"].size(), e.rows.size());
  EXPECT_EQ(j["direction"], "to-k8s");
}

}  // namespace
}  // namespace specconv::app

namespace specconv::app {
namespace {

TEST(ExplainTest, CommandLineFormatsAndExitCodes) {
  testutil::TempDir tmp;
  testutil::write_file(tmp.path() / "task.json", kTask);
  testutil::write_file(tmp.path() / "bad.json", "{\"family\": ");
  const std::string task = (tmp.path() / "task.json").string();
  auto r = testutil::run_specconv({"explain", task});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/containerDefinitions/0/logConfiguration"), std::string::npos);
  const std::string one_table = r.out;
  r = testutil::run_specconv({"explain", task, "--format", "markdown"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("| source | location | status | target | why | codes |"), std::string::npos);
  r = testutil::run_specconv({"explain", task, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["direction"], "to-k8s");
  r = testutil::run_specconv({"explain", (tmp.path() / "bad.json").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("json-syntax"), std::string::npos);
  EXPECT_EQ(testutil::run_specconv({"explain", task, "--format", "html"}).exit_code, 2);
  // Several inputs: one table each (a folder is expanded the same way; tests/cli_polish_test.cc).
  const auto two = testutil::run_specconv({"explain", task, task});
  EXPECT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(two.out, one_table + "\n" + one_table);
}

}  // namespace
}  // namespace specconv::app
