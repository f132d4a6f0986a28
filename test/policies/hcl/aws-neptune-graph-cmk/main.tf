# Seed mistake: the customer-links graph, classified pii, is encrypted under a key AWS owns (kms_key_identifier left out).
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

resource "aws_neptunegraph_graph" "links" {
  graph_name          = "customer-links"
  provisioned_memory  = 16
  public_connectivity = false
  deletion_protection = true
  tags = {
    data-classification = "pii"
    owner               = "recommendations"
    environment         = "prod"
  }
}
