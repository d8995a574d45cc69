// Secrets hygiene (issue 3 item 7): Secret data never appears in any output or diagnostic of
// to-ecs, in any format and secret store; only the --emit-secret-values file holds it, mode 0600.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "diag/render.h"
#include "specconv/convert_ecs.h"
#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

// "super-secret-value" base64-encoded; stringData holds a second recognisable value.
const char* kFixture = R"(apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
type: Opaque
data:
  password: c3VwZXItc2VjcmV0LXZhbHVl
  broken: "not base64 !!"
stringData:
  token: plain-string-data-token
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: api-keys, namespace: shop}
  data: {key: c3VwZXItc2VjcmV0LXZhbHVl}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  selector: {matchLabels: {app: orders}}
  template:
    metadata: {labels: {app: orders}}
    spec:
      volumes:
      - name: creds
        secret: {secretName: db}
      containers:
      - name: orders
        image: example/orders:1
        volumeMounts: [{name: creds, mountPath: /creds}]
        env:
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
        - name: MISSING
          valueFrom: {secretKeyRef: {name: db, key: nope}}
        envFrom:
        - secretRef: {name: api-keys}
        resources: {requests: {cpu: 250m, memory: 512Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: orders, namespace: shop}
spec:
  selector: {app: orders}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: orders, namespace: shop}
spec:
  defaultBackend: {service: {name: orders, port: {number: 80}}}
)";

const std::vector<std::string> kForbidden = {"c3VwZXItc2VjcmV0LXZhbHVl", "super-secret-value", "plain-string-data-token",
                                             "not base64 !!"};

void expect_clean(const std::string& text, const std::string& what) {
  for (const auto& f : kForbidden) {
    EXPECT_EQ(text.find(f), std::string::npos) << what << " holds \"" << f << "\"";
  }
}

struct Variant {
  EcsFormat format;
  bool secrets_manager;
};

TEST(SecretsHygieneTest, LibraryOutputsAndDiagnosticsHoldNoSecretData) {
  for (const Variant v : {Variant{EcsFormat::kJson, false}, Variant{EcsFormat::kJson, true}, Variant{EcsFormat::kCfn, false},
                          Variant{EcsFormat::kCfn, true}, Variant{EcsFormat::kApi, false}, Variant{EcsFormat::kApi, true}}) {
    ToEcsOptions o;
    o.format = v.format;
    o.secrets_manager = v.secrets_manager;
    o.region = "eu-west-1";
    o.account_id = "123456789012";
    const ConvertResult r = convert_to_ecs({{"app.yaml", kFixture}}, o);
    const std::string what = "format " + std::to_string(static_cast<int>(v.format)) + (v.secrets_manager ? " sm" : " ssm");
    ASSERT_FALSE(r.documents.empty()) << what;
    for (const auto& d : r.documents) expect_clean(d.text, what + " document " + d.name);
    expect_clean(join_ecs_output(r.documents, v.format), what + " stdout");
    expect_clean(diag::render_text(r.diagnostics, true), what + " diagnostics (text)");
    expect_clean(diag::render_json(r.diagnostics), what + " diagnostics (json)");
    for (const auto& d : r.diagnostics.all()) expect_clean(d.message, what + " diagnostic " + d.code);
  }
}

TEST(SecretsHygieneTest, SecretValuesDocumentHoldsDecodedValues) {
  ToEcsOptions o;
  Diagnostics d;
  const std::string ssm = secret_values_document({{"app.yaml", kFixture}}, o, d);
  EXPECT_NE(ssm.find("\"super-secret-value\""), std::string::npos);
  EXPECT_NE(ssm.find("plain-string-data-token"), std::string::npos);
  EXPECT_NE(ssm.find("/shop/db/password"), std::string::npos);
  EXPECT_NE(ssm.find("/shop/api-keys/key"), std::string::npos);
  EXPECT_NE(ssm.find("SecureString"), std::string::npos);
  EXPECT_EQ(ssm.find("c3VwZXItc2VjcmV0LXZhbHVl"), std::string::npos);  // decoded, not copied
  // The key that is not base64 is reported by name only.
  bool reported = false;
  for (const auto& x : d.all()) {
    reported = reported || (x.code == "bad-secret-data" && x.message.find("broken") != std::string::npos);
    expect_clean(x.message, "secret values diagnostic");
  }
  EXPECT_TRUE(reported);

  o.secrets_manager = true;
  o.format = EcsFormat::kCfn;
  Diagnostics d2;
  const std::string sm = secret_values_document({{"app.yaml", kFixture}}, o, d2);
  EXPECT_NE(sm.find("secretsmanager:PutSecretValue"), std::string::npos);
  EXPECT_NE(sm.find("\"SecretId\": \"shop/db\""), std::string::npos);
  EXPECT_NE(sm.find("super-secret-value"), std::string::npos);
}

TEST(SecretsHygieneTest, ImagePullSecretBecomesRegistryCredentials) {
  // auth = base64("robot:pull-pass"); the outputs reference the secret, only the file holds it.
  const char* pull = R"(apiVersion: v1
kind: Secret
metadata: {name: regcred, namespace: shop}
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: eyJhdXRocyI6eyJyZWcuZXhhbXBsZS5jb20iOnsiYXV0aCI6ImNtOWliM1E2Y0hWc2JDMXdZWE56In19fQ==
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  imagePullSecrets: [{name: regcred}]
  containers: [{name: c, image: reg.example.com/app:1}]
)";
  ToEcsOptions o;
  Diagnostics d;
  const std::string values = secret_values_document({{"pull.yaml", pull}}, o, d);
  EXPECT_NE(values.find("secretsmanager:CreateSecret"), std::string::npos) << values;
  EXPECT_NE(values.find(R"({\"username\":\"robot\",\"password\":\"pull-pass\"})"), std::string::npos) << values;
  for (const EcsFormat f : {EcsFormat::kJson, EcsFormat::kCfn, EcsFormat::kApi, EcsFormat::kTerraform}) {
    o.format = f;
    const ConvertResult r = convert_to_ecs({{"pull.yaml", pull}}, o);
    const std::string out = join_ecs_output(r.documents, f);
    EXPECT_NE(out.find("secret:shop/regcred"), std::string::npos) << out;
    EXPECT_EQ(out.find("pull-pass"), std::string::npos);
    EXPECT_EQ(out.find("cm9ib3Q6cHVsbC1wYXNz"), std::string::npos);
    EXPECT_EQ(diag::render_text(r.diagnostics, true).find("pull-pass"), std::string::npos);
  }
}

TEST(SecretsHygieneTest, CommandLineWritesValuesOnlyToThePrivateFile) {
  testutil::TempDir dir;
  testutil::write_file(dir.path() / "app.yaml", kFixture);
  for (const char* format : {"json", "cfn", "api", "terraform"}) {
    for (const bool sm : {false, true}) {
      const std::string values = std::string("values-") + format + (sm ? "-sm" : "-ssm") + ".json";
      const std::string out_dir = std::string("out-") + format + (sm ? "-sm" : "-ssm");
      std::vector<std::string> args = {"to-ecs", "--format", format, "--emit-secret-values", values, "app.yaml"};
      if (sm) args.insert(args.end(), {"--secret-store", "secretsmanager", "--region", "eu-west-1", "--account-id", "123456789012"});
      const std::string what = std::string(format) + (sm ? " sm" : " ssm");
      for (const bool to_dir : {false, true}) {
        std::vector<std::string> a = args;
        if (to_dir) a.insert(a.end(), {"-o", out_dir});
        for (const char* diagnostics : {"text", "json"}) {
          std::vector<std::string> b = a;
          b.insert(b.end(), {"--diagnostics", diagnostics});
          const testutil::RunResult r = testutil::run_specconv(b, dir.path());
          ASSERT_EQ(r.exit_code, 0) << what << "\n" << r.err;
          expect_clean(r.out, what + " stdout");
          expect_clean(r.err, what + " stderr");
        }
      }
      for (const auto& e : fs::recursive_directory_iterator(dir.path() / out_dir)) {
        if (e.is_regular_file()) expect_clean(testutil::read_file(e.path()), what + " " + e.path().filename().string());
      }
      const fs::path file = dir.path() / values;
      ASSERT_TRUE(fs::exists(file)) << what;
      struct stat st {};
      ASSERT_EQ(::stat(file.c_str(), &st), 0);
      EXPECT_EQ(st.st_mode & 0777, 0600u) << what;
      const std::string text = testutil::read_file(file);
      EXPECT_NE(text.find("super-secret-value"), std::string::npos) << what;
      EXPECT_NE(text.find("plain-string-data-token"), std::string::npos) << what;
    }
  }
}

}  // namespace
}  // namespace specconv
