// Tests for k8s/ingress_upgrade: a v1beta1 Ingress spec comes out in its v1 form, a v1 spec comes
// out unchanged.
#include "k8s/ingress_upgrade.h"

#include <gtest/gtest.h>

#include <string>

#include "io/json_load.h"
#include "io/json_write.h"
#include "testutil/json.h"

namespace specconv::k8s {

using io::Node;
namespace {


std::string upgraded(const std::string& spec) {
  Node n = testutil::parse_json(spec);
  upgrade_ingress_spec(n);
  return io::to_json(n, -1);
}

TEST(IngressUpgrade, V1beta1SpecTakesTheV1Form) {
  const std::string v1beta1 = R"({"backend": {"serviceName": "web", "servicePort": 80}, "rules": [{"host": "a.example",
      "http": {"paths": [{"path": "/api", "backend": {"serviceName": "api", "servicePort": "http"}},
                         {"path": "/x", "pathType": "Prefix", "backend": {"serviceName": "x"}}]}}]})";
  const std::string v1 = R"({"rules": [{"host": "a.example", "http": {"paths": [)"
                         R"({"path": "/api", "backend": {"service": {"name": "api", "port": {"name": "http"}}}, "pathType": "ImplementationSpecific"},)"
                         R"({"path": "/x", "pathType": "Prefix", "backend": {"service": {"name": "x", "port": {}}}}]}}],)"
                         R"("defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}})";
  EXPECT_EQ(upgraded(v1beta1), io::to_json(testutil::parse_json(v1), -1));
}

TEST(IngressUpgrade, V1SpecIsUnchanged) {
  const std::string v1 = R"({"defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}, "rules": [{"http":
      {"paths": [{"path": "/", "pathType": "Exact", "backend": {"resource": {"kind": "Bucket", "name": "b"}}}]}}]})";
  EXPECT_EQ(upgraded(v1), io::to_json(testutil::parse_json(v1), -1));
}

TEST(IngressUpgrade, LeavesWhatIsNoIngressShapeAlone) {
  for (const std::string text : {"null", "[1, 2]", R"({"rules": 3})", R"({"rules": [7, {"http": {"paths": [null, "p"]}}]})"}) {
    EXPECT_EQ(upgraded(text), io::to_json(testutil::parse_json(text), -1)) << text;
  }
}

TEST(IngressUpgrade, BackendWithoutServiceNameIsKept) {
  Node b = testutil::parse_json(R"({"service": {"name": "web", "port": {"number": 8080}}})");
  const Node before = b;
  upgrade_ingress_backend(b);
  EXPECT_EQ(b, before);
}

}  // namespace
}  // namespace specconv::k8s
