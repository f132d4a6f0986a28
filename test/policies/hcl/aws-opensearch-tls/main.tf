# Seed mistake: An OpenSearch domain that accepts HTTP and TLS 1.0 and sends node-to-node traffic in plain text.
# Expect: aws_opensearch_domain.search
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

resource "aws_kms_key" "search" {
  description         = "orders search"
  enable_key_rotation = true
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "orders-search"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type = "t3.small.search"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 10
  }

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }

  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
