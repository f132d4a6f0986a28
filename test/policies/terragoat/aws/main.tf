# TerraGoat-style AWS leaks (bridgecrewio/terragoat layout: variables, es.tf, ec2.tf,
# neptune.tf) plus the CloudFront origin from the field report. Every resource here is a leak
# Leakguard must report; terragoat.test.ts lists which rule reports which address.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "us-west-2"
}

provider "aws" {
  region = var.region
}

# es.tf: a public Elasticsearch domain, es:* for every principal, no encryption.
resource "aws_elasticsearch_domain" "monitoring-framework" {
  domain_name           = "tg-${var.environment}-es"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_count = 1
    instance_type  = "t3.small.elasticsearch"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 30
  }
}

data "aws_iam_policy_document" "policy" {
  statement {
    actions = ["es:*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    resources = ["*"]
  }
}

resource "aws_elasticsearch_domain_policy" "monitoring-framework-policy" {
  domain_name     = aws_elasticsearch_domain.monitoring-framework.domain_name
  access_policies = data.aws_iam_policy_document.policy.json
}

# ec2.tf: an unencrypted volume and a snapshot of it.
resource "aws_ebs_volume" "web_host_storage" {
  availability_zone = "${var.region}a"
  size              = 1
  tags = {
    Name = "${var.environment}-ebs"
  }
}

resource "aws_ebs_snapshot" "example_snapshot" {
  volume_id   = aws_ebs_volume.web_host_storage.id
  description = "${var.environment}-ebs-snapshot"
}

# neptune.tf: storage_encrypted = false.
resource "aws_neptune_cluster" "default" {
  cluster_identifier                  = "tg-${var.environment}-neptune"
  engine                              = "neptune"
  backup_retention_period             = 5
  preferred_backup_window             = "07:00-09:00"
  skip_final_snapshot                 = true
  iam_database_authentication_enabled = false
  apply_immediately                   = true
  storage_encrypted                   = false
}

resource "aws_neptune_cluster_instance" "default" {
  cluster_identifier = aws_neptune_cluster.default.id
  engine             = "neptune"
  instance_class     = "db.t3.medium"
  apply_immediately  = true
}

# CloudFront forwarding every cookie to its origin over plain HTTP.
resource "aws_cloudfront_distribution" "app" {
  enabled = true

  origin {
    origin_id   = "app"
    domain_name = "tg-${var.environment}-app.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1", "TLSv1.1", "TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]

    forwarded_values {
      query_string = true
      cookies {
        forward = "all"
      }
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
