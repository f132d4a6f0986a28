# Seed mistake: the assets bucket policy allows s3:GetObject to Principal "*" without a condition.
# Expect: aws_s3_bucket_policy.assets
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

resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets"
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Sid": "PublicRead", "Effect": "Allow", "Action": "s3:GetObject",
      "Principal": "*",
      "Resource": "arn:aws:s3:::shop-assets/*"
    }]}
  JSON
}
