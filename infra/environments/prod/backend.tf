# Remote state in S3 with S3-native locking (use_lockfile). The bucket is created once, by hand
# or by a bootstrap stack (versioning on, public access blocked, SSE): see infra/README.md.
# Teams on Terraform < 1.10 use a DynamoDB lock table instead: dynamodb_table = "gpu-assistant-tflock".
terraform {
  backend "s3" {
    bucket       = "gpu-assistant-terraform-state"
    key          = "prod/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
