# Seed mistake: the only trail logs one region, without log-file validation or a KMS key.
# Expect: aws_cloudtrail.main
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

resource "aws_s3_bucket" "trail" {
  bucket = "shop-cloudtrail-logs"
}

resource "aws_cloudtrail" "main" {
  name                          = "shop-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = false
  include_global_service_events = true
}
