# Seed mistake: the CI user gets a long-lived access key.
# Expect: aws_iam_access_key.ci
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

resource "aws_iam_user" "ci" {
  name = "shop-ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
