# Seed mistake: A secret (an access key) stored as a plain String parameter.
# Expect: aws_ssm_parameter.db_password
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

# Generated, not written here (a variable's default would put it in the repository:
# aws-secret-in-code): the secret access key of the CI user, stored for a job to read.
resource "aws_iam_access_key" "ci" {
  user = "ci-deploy"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/shop/ci/secret-access-key"
  type  = "String"
  value = aws_iam_access_key.ci.secret
}
