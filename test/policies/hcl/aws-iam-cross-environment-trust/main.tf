# Seed mistake: the prod deploy role trusts the CI role of the dev account (222222222222).
# Expect: aws_iam_role.deploy
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

resource "aws_iam_role" "deploy" {
  name                 = "prod-deploy"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"AWS": "arn:aws:iam::222222222222:role/ci"}
    }]}
  JSON

  tags = {
    environment = "prod"
  }
}
