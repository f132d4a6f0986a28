# Seed mistake: A collection of customer orders whose encryption policy uses an AWS-owned key.
# Expect: aws_opensearchserverless_collection.orders
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

resource "aws_opensearchserverless_security_policy" "orders_encryption" {
  name = "orders-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/orders*"] }]
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_collection" "orders" {
  name       = "orders"
  type       = "SEARCH"
  depends_on = [aws_opensearchserverless_security_policy.orders_encryption]
}
