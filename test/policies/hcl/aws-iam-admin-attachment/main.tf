# Seed mistake: AdministratorAccess is attached to the checkout workload role.
# Expect: aws_iam_role_policy_attachment.checkout_admin
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

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "checkout" {
  name                 = "checkout-app"
  assume_role_policy   = data.aws_iam_policy_document.lambda_trust.json
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
}

resource "aws_iam_role_policy_attachment" "checkout_admin" {
  role       = aws_iam_role.checkout.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
