# Seed mistake: A network policy opening the orders collection and its dashboards to the internet.
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
    Rules       = [{ ResourceType = "collection", Resource = ["collection/orders"] }]
    AWSOwnedKey = false
    KmsARN      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  })
}

resource "aws_opensearchserverless_security_policy" "orders_network" {
  name = "orders-network"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/orders"] },
      { ResourceType = "dashboard", Resource = ["collection/orders"] },
    ]
    AllowFromPublic = true
  }])
}

resource "aws_opensearchserverless_collection" "orders" {
  name       = "orders"
  type       = "SEARCH"
  depends_on = [aws_opensearchserverless_security_policy.orders_encryption]
}
