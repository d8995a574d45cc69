// The secret naming rule: every reference form gives a stable, valid Secret name and key.
#include "mapping/secrets.h"

#include <gtest/gtest.h>

#include "mapping/names.h"

namespace specconv::mapping {
namespace {

TEST(SecretsTest, SsmNameAndArnGiveTheSameSecret) {
  const auto by_name = secret_target("/prod/db/password");
  const auto by_arn = secret_target("arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password");
  EXPECT_EQ(by_name.secret_name, "ssm-prod-db-password");
  EXPECT_EQ(by_arn.secret_name, by_name.secret_name);
  EXPECT_EQ(by_arn.secret_key, "value");
  EXPECT_EQ(by_arn.remote_key, "/prod/db/password");
  EXPECT_FALSE(by_arn.secrets_manager);
}

TEST(SecretsTest, SecretsManagerJsonKey) {
  const auto t = secret_target("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::");
  EXPECT_TRUE(t.secrets_manager);
  EXPECT_EQ(t.remote_key, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf");
  EXPECT_EQ(t.json_key, "password");
  EXPECT_EQ(t.secret_key, "password");
  EXPECT_TRUE(is_valid_name(t.secret_name, NameKind::kRfc1123Subdomain)) << t.secret_name;
}

TEST(SecretsTest, SecretsManagerVersionStage) {
  const auto t = secret_target("arn:aws:secretsmanager:us-east-1:1:secret:app-xyz123:user:AWSPREVIOUS:");
  EXPECT_EQ(t.json_key, "user");
  EXPECT_EQ(t.version_stage, "AWSPREVIOUS");
}

TEST(SecretsTest, NamesAreAlwaysValid) {
  for (const char* ref : {"/", "x", "/A_B/c d", "arn:aws:ssm:r:1:parameter/Top", "arn:aws:secretsmanager:r:1:secret:Ünïcode"}) {
    const auto t = secret_target(ref);
    EXPECT_TRUE(is_valid_name(t.secret_name, NameKind::kRfc1123Subdomain)) << ref << " -> " << t.secret_name;
    EXPECT_FALSE(t.secret_key.empty());
  }
}

}  // namespace
}  // namespace specconv::mapping
