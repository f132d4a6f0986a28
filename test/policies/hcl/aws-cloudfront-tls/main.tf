# Seed mistake: the distribution uses the default *.cloudfront.net certificate, which accepts TLSv1.
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
    prefix          = "cloudfront/shop/"
    include_cookies = false
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
