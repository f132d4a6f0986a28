# Seed mistake: the customers bucket (pii) is covered only by the orders team's own trail; the central trail logs no data events.
# Expect: aws_s3_bucket.customers
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
  bucket = "shop-central-audit-logs"
}

resource "aws_s3_bucket" "customers" {
  bucket = "shop-customers"

  tags = {
    "data-classification" = "pii"
    owner                 = "crm-team"
    environment           = "prod"
  }
}

resource "aws_cloudtrail" "central" {
  name                          = "shop-central-audit"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}

resource "aws_cloudtrail" "orders_service" {
  name           = "orders-service-trail"
  s3_bucket_name = aws_s3_bucket.trail.id

  event_selector {
    read_write_type           = "All"
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["${aws_s3_bucket.customers.arn}/"]
    }
  }
}
