provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = false # moto answers sts:GetCallerIdentity (account 123456789012)
  skip_metadata_api_check     = true

  endpoints {
    ec2       = "http://127.0.0.1:55929"
    ecs       = "http://127.0.0.1:55929"
    events    = "http://127.0.0.1:55929"
    iam       = "http://127.0.0.1:55929"
    scheduler = "http://127.0.0.1:55929"
    sqs       = "http://127.0.0.1:55929"
    sts       = "http://127.0.0.1:55929"
  }
}
