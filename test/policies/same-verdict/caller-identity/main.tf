# The account id read from STS during plan, the way nearly every real configuration builds
# ARNs and key policies. The HCL path cannot call AWS: the id is unknown there, with a warning.
provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
}

resource "aws_s3_bucket" "audit" {
  bucket = "audit-${data.aws_caller_identity.current.account_id}"
}

data "aws_iam_policy_document" "audit_key" {
  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }
  statement {
    sid       = "AnyoneDecrypts"
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_key" "audit" {
  description         = "audit logs"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.audit_key.json
}

resource "aws_s3_bucket_policy" "audit" {
  bucket = aws_s3_bucket.audit.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountOnly"
      Effect    = "Allow"
      Principal = { AWS = local.account_root }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.audit.arn}/*"
    }]
  })
}

resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "arn:aws:s3:::audit-${data.aws_caller_identity.current.account_id}/*"
    }]
  })
}
