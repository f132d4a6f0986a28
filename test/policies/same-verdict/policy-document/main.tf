# Policies from aws_iam_policy_document: a dynamic statement per bucket reader, a public
# bucket policy principal, a least-privilege trust policy.
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

variable "readers" {
  type = map(list(string))
  default = {
    analytics = ["arn:aws:iam::111111111111:role/analytics"]
    everyone  = ["*"]
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports"
}

data "aws_iam_policy_document" "exports" {
  dynamic "statement" {
    for_each = var.readers
    content {
      sid       = "Read${title(statement.key)}"
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::shop-exports/*"]
      principals {
        type        = "AWS"
        identifiers = statement.value
      }
    }
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.exports.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid       = "Ops"
    actions   = ["ec2:*", "iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "worker" {
  name                 = "worker"
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "worker" {
  name   = "ops"
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.ops.json
}
