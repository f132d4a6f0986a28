# Audit j3 (CloudFront in public configurations): distributions without a WAF had passed. The
# web ACL set in the forms real code uses: a for_each value that is empty, the ACL's ARN by
# reference, a literal ARN, and a variable left at its empty default.
provider "aws" {
  region = "us-east-1"
}

variable "web_acl_id" {
  type    = string
  default = ""
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "shop-edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "shop-edge"
    sampled_requests_enabled   = true
  }
}

locals {
  acls = {
    none    = ""
    ref     = aws_wafv2_web_acl.edge.arn
    literal = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/shop-edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    var     = var.web_acl_id
  }
}

resource "aws_cloudfront_distribution" "shop" {
  for_each   = local.acls
  enabled    = true
  comment    = each.key
  web_acl_id = each.value

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
    include_cookies = false
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111111111111:certificate/6f1c2a8e-0d4b-4c5e-9f7a-3b2d1e0c9a8b"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
