# Seed mistake: the storefront's load balancer names a log bucket but leaves enabled out, so it logs nothing: which customer pages an attacker fetched through it cannot be traced.
# Expect: aws_lb.shop
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

resource "aws_s3_bucket" "lb_logs" {
  bucket = "shop-lb-access-logs"
}

resource "aws_lb" "shop" {
  name                       = "shop"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  security_groups            = ["sg-0a1b2c3d4e5f60718"]
  drop_invalid_header_fields = true

  access_logs {
    bucket = aws_s3_bucket.lb_logs.id
    prefix = "shop"
  }
}
