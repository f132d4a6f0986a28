# Seed mistake: the policy document grants s3:* on every resource.
# Expect: aws_iam_policy.reports
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

data "aws_iam_policy_document" "reports" {
  statement {
    sid       = "ReportsEverything"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "reports" {
  name   = "reports"
  policy = data.aws_iam_policy_document.reports.json
}
