// Unit tests of the Kubernetes-only carry: which objects travel with a workload, the size cap,
// and that the ECS side wins over the carry where it has a field.
#include "app/k8s_carry.h"

#include <gtest/gtest.h>

#include "io/json_load.h"
#include "io/json_write.h"
#include "io/yaml_load.h"

namespace specconv::app {
namespace {

std::vector<RawObject> objects_of(const std::string& yaml) {
  Diagnostics d;
  const io::YamlLoad y = io::load_yaml(yaml, "app.yaml", io::Limits{}, d);
  std::vector<RawObject> out;
  for (const auto& doc : y.documents) collect_raw_objects(doc.root, {"app.yaml", "", 0, 0, doc.index}, out);
  return out;
}

const char* kApp = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      serviceAccountName: web-sa
      containers: [{name: web, image: nginx:1.25}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: other-namespace, namespace: prod}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: wider-selector, namespace: shop}
spec: {selector: {app: web, tier: back}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web-sa, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: unused, namespace: shop}
)";

std::vector<std::string> names(const std::vector<const RawObject*>& objs) {
  std::vector<std::string> out;
  for (const RawObject* o : objs) out.push_back(o->doc.find("kind")->text() + "/" + o->doc.find("metadata")->find("name")->text());
  return out;
}

TEST(K8sCarry, LinkedObjectsAreThoseTheClusterWouldLink) {
  const auto all = objects_of(kApp);
  EXPECT_EQ(names(linked_objects(all, {"app.yaml", "", 0, 0, 0})),
            (std::vector<std::string>{"Deployment/web", "Service/web", "Ingress/web", "ServiceAccount/web-sa"}));
  EXPECT_TRUE(linked_objects(all, {"app.yaml", "", 0, 0, 9}).empty());  // no object there
}

io::Node task_definition() {
  Diagnostics d;
  return *io::load_json(R"({"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.25"}, {"name": "b", "image": "x"}]})",
                        "", io::Limits{}, d);
}

TEST(K8sCarry, CarriesInTheFirstContainersDockerLabels) {
  const auto all = objects_of(kApp);
  io::Node td = task_definition();
  Diagnostics d;
  add_k8s_carry(td, linked_objects(all, {"app.yaml", "", 0, 0, 0}), d);
  EXPECT_TRUE(d.empty());
  const io::Node& first = td.find("containerDefinitions")->items()[0];
  ASSERT_NE(first.find("dockerLabels"), nullptr);
  // The workload as a patch on what to-k8s makes of the task definition: what ECS says (the image)
  // is not repeated, what it cannot say (the namespace) is.
  const io::Node* patch = first.find("dockerLabels")->find(kCarryWorkloadPatchLabel);
  ASSERT_NE(patch, nullptr);
  EXPECT_EQ(first.find("dockerLabels")->find(kCarryWorkloadLabel), nullptr);
  EXPECT_EQ(patch->text().find("nginx:1.25"), std::string::npos) << patch->text();
  EXPECT_NE(patch->text().find("\"namespace\":\"shop\""), std::string::npos) << patch->text();
  EXPECT_NE(first.find("dockerLabels")->find(kCarryObjectsLabel)->text().find("\"Ingress\""), std::string::npos);
  EXPECT_NE(first.find("dockerLabels")->find(kCarryEcsLabel), nullptr);
  EXPECT_EQ(td.find("containerDefinitions")->items()[1].find("dockerLabels"), nullptr);
}

TEST(K8sCarry, TooLargeCarriesNothingAndSaysSoOnEveryObject) {
  std::string big = kApp;
  big.replace(big.find("metadata: {name: web, namespace: shop}"), 38,
              "metadata: {name: web, namespace: shop, annotations: {big: \"" + std::string(kMaxCarryBytes, 'x') + "\"}}");
  const auto all = objects_of(big);
  io::Node td = task_definition();
  Diagnostics d;
  add_k8s_carry(td, linked_objects(all, {"app.yaml", "", 0, 0, 0}), d);
  EXPECT_EQ(td.find("containerDefinitions")->items()[0].find("dockerLabels"), nullptr);
  ASSERT_EQ(d.all().size(), 4u);
  for (const auto& x : d.all()) EXPECT_EQ(x.code, "k8s-carry-too-large");
}

/// The cap is the registered task definition's: a small carry that takes a large task definition
/// over ECS's 64 KiB is not added either.
TEST(K8sCarry, CarryThatTakesTheTaskDefinitionOverTheEcsLimitIsDropped) {
  const auto all = objects_of(kApp);
  io::Node td = task_definition();
  io::Node env = io::Node::array();
  io::Node var = io::Node::object();
  var.set("name", io::Node::string("BIG"));
  var.set("value", io::Node::string(std::string(kMaxTaskDefinitionBytes - 400, 'x')));
  env.push(std::move(var));
  td.find("containerDefinitions")->items()[1].set("environment", std::move(env));
  ASSERT_LT(io::to_json(td, -1).size(), kMaxTaskDefinitionBytes);
  Diagnostics d;
  add_k8s_carry(td, linked_objects(all, {"app.yaml", "", 0, 0, 0}), d);
  EXPECT_EQ(td.find("containerDefinitions")->items()[0].find("dockerLabels"), nullptr);
  EXPECT_LE(io::to_json(td, -1).size(), kMaxTaskDefinitionBytes);
  ASSERT_EQ(d.all().size(), 4u);
  for (const auto& x : d.all()) EXPECT_EQ(x.code, "k8s-carry-too-large");
}

/// The first container's own dockerLabels are kept when the carry does not fit.
TEST(K8sCarry, DroppedCarryKeepsTheContainersOwnLabels) {
  const auto all = objects_of(kApp);
  io::Node td = task_definition();
  io::Node labels = io::Node::object();
  labels.set("team", io::Node::string("shop"));
  labels.set("pad", io::Node::string(std::string(kMaxTaskDefinitionBytes - 400, 'y')));
  td.find("containerDefinitions")->items()[0].set("dockerLabels", std::move(labels));
  Diagnostics d;
  add_k8s_carry(td, linked_objects(all, {"app.yaml", "", 0, 0, 0}), d);
  const io::Node* kept = td.find("containerDefinitions")->items()[0].find("dockerLabels");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->size(), 2u);
  EXPECT_EQ(kept->find(kCarryWorkloadLabel), nullptr);
  EXPECT_FALSE(d.empty());
}

}  // namespace
}  // namespace specconv::app
