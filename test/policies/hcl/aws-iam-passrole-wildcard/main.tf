# Seed mistake: the deployer may pass any role in the account (iam:PassRole on Resource "*").
# Expect: aws_iam_role_policy.deployer
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

resource "aws_iam_role" "deployer" {
  name                 = "shop-deployer"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"Service": "codebuild.amazonaws.com"}
    }]}
  JSON
}

resource "aws_iam_role_policy" "deployer" {
  name   = "deploy-functions"
  role   = aws_iam_role.deployer.id
  policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow",
      "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:UpdateFunctionCode"],
      "Resource": "*"
    }]}
  JSON
}
