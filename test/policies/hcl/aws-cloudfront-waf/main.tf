# Seed mistake: the storefront's distribution logs its requests but names no WAF web ACL: credential stuffing and injection payloads reach the origin unfiltered.
# Expect: aws_cloudfront_distribution.shop
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

resource "aws_cloudfront_distribution" "shop" {
  enabled = true
  aliases = ["shop.example.com"]

  origin {
    domain_name = "app.shop.example"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  logging_config {
    bucket          = "shop-cdn-logs.s3.amazonaws.com"
    prefix          = "cloudfront/"
    include_cookies = false
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111111111111:certificate/6f1c2a8e-0d4b-4c5e-9f7a-3b2d1e0c9a8b"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
