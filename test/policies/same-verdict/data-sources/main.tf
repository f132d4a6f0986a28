# ARNs built from the region and partition data sources, as most public modules build them:
# the provider knows both during plan, and so must the HCL path.
provider "aws" {
  region = "eu-north-1"
}

data "aws_region" "current" {}
data "aws_partition" "current" {}

resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports-${data.aws_region.current.name}"
}

data "aws_iam_policy_document" "exports" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:${data.aws_partition.current.partition}:s3:::shop-exports-${data.aws_region.current.name}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.exports.json
}

resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "kms:*"
      Resource = "arn:${data.aws_partition.current.partition}:kms:${data.aws_region.current.name}:*:key/*"
    }]
  })
}
