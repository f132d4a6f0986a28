# Resource policies written each way a plan and the HCL path must read alike: S3 access point
# policies (inline, stand-alone, multi-region in its details block, from a policy document) and
# EventBridge permissions with and without the organization condition.
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

variable "org_id" {
  type    = string
  default = "o-abcdef1234"
}

data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:us-west-2:111122223333:accesspoint/reports/object/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports-sv"
}

resource "aws_s3_access_point" "inline" {
  bucket = aws_s3_bucket.exports.id
  name   = "exports-inline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:us-west-2:111122223333:accesspoint/exports-inline/object/*"
    }]
  })
}

resource "aws_s3_access_point" "managed" {
  bucket = aws_s3_bucket.exports.id
  name   = "reports"
}

resource "aws_s3control_access_point_policy" "managed" {
  access_point_arn = aws_s3_access_point.managed.arn
  policy           = data.aws_iam_policy_document.public_read.json
}

resource "aws_s3_access_point" "unset" {
  bucket = aws_s3_bucket.exports.id
  name   = "exports-private"
}

resource "aws_s3control_multi_region_access_point_policy" "global" {
  details {
    name = "exports-global"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3::111122223333:accesspoint/exports-global.mrap/object/*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
      }]
    })
  }
}

resource "aws_cloudwatch_event_permission" "everyone" {
  principal    = "*"
  statement_id = "everyone"
}

resource "aws_cloudwatch_event_permission" "organization" {
  principal    = "*"
  statement_id = "organization"
  condition {
    key   = "aws:PrincipalOrgID"
    type  = "StringEquals"
    value = var.org_id
  }
}
