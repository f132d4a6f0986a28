# Seed mistake: An OpenSearch domain that publishes slow logs but not its audit log.
# Expect: aws_opensearch_domain.catalog
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

resource "aws_cloudwatch_log_group" "slow" {
  name              = "/aws/opensearch/catalog/slow"
  retention_in_days = 90
}

resource "aws_opensearch_domain" "catalog" {
  domain_name    = "product-catalog"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  log_publishing_options {
    log_type                 = "SEARCH_SLOW_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.slow.arn
  }
}
