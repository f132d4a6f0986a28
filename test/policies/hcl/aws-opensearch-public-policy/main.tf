# Seed mistake: TerraGoat-style Elasticsearch domain outside a VPC whose access policy grants `es:*` to `Principal "*"`.
# Expect: aws_elasticsearch_domain_policy.search
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

resource "aws_elasticsearch_domain" "search" {
  domain_name           = "customer-search"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type = "t3.small.elasticsearch"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 10
  }
}

resource "aws_elasticsearch_domain_policy" "search" {
  domain_name     = aws_elasticsearch_domain.search.domain_name
  access_policies = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "es:*",
        "Resource": "arn:aws:es:us-west-2:111122223333:domain/customer-search/*"
      }]
    }
  JSON
}
