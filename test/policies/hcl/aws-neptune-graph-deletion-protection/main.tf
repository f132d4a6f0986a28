# Seed mistake: deletion protection is turned off on the customer-links graph; a terraform destroy erases it with no final snapshot.
# Expect: aws_neptunegraph_graph.links
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

resource "aws_kms_key" "graph" {
  description         = "CMK for the customer graph"
  enable_key_rotation = true
}

resource "aws_neptunegraph_graph" "links" {
  graph_name          = "customer-links"
  provisioned_memory  = 16
  kms_key_identifier  = aws_kms_key.graph.arn
  deletion_protection = false
  tags = {
    data-classification = "pii"
    owner               = "recommendations"
    environment         = "prod"
  }
}
