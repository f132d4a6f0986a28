# Seed mistake: the storefront's load balancer routes requests with malformed header fields to the web servers, the opening HTTP request smuggling needs.
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
  name            = "shop"
  subnets         = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  security_groups = ["sg-0a1b2c3d4e5f60718"]

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "shop"
    enabled = true
  }
}
