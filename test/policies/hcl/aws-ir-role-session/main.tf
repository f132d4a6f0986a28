# Seed mistake: incident-response sessions may last 12 hours.
# Expect: aws_iam_role.incident_response
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

data "aws_iam_policy_document" "ir_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root"]
    }

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "incident_response" {
  name                 = "incident-response"
  assume_role_policy   = data.aws_iam_policy_document.ir_trust.json
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  max_session_duration = 43200
}
