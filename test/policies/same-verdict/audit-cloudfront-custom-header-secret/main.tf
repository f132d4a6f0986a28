# Found by an audit of public Terraform (session 33): i3-cloudfront-custom-header-secret — secrets in a CloudFront origin's
# custom_header (an origin-verify token, a Bearer JWT, a Stripe key) passed on every side; the scan never read the headers.
# Built on terraform-aws-modules/terraform-aws-cloudfront (examples/complete @03ae8da3).
provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  comment = "api"

  logging_config {
    bucket = "logs-bucket.s3.amazonaws.com"
  }

  origin {
    domain_name = "api.internal.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }

    # shared secrets the origin checks, written as literals
    custom_header {
      name  = "X-Origin-Verify"
      value = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    }
    custom_header {
      name  = "Authorization"
      value = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjZG4ifQ.c2lnbmF0dXJlc2lnbmF0dXJl"
    }
    custom_header {
      name  = "X-Stripe-Key"
      value = "sk_live_51HbQ2kLmNoPqRsTuVwXyZ0123456789abcdefGHIJ"
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
