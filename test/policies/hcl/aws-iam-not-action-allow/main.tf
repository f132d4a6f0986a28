# Seed mistake: the support policy allows everything except IAM (Allow + NotAction).
# Expect: aws_iam_policy.support
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

resource "aws_iam_policy" "support" {
  name   = "support-everything-but-iam"
  policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "NotAction": "iam:*", "Resource": "*"
    }]}
  JSON
}
