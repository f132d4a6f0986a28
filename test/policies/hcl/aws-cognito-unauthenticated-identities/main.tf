# Seed mistake: the shop's app lets guests browse with AWS credentials; anyone who reads the identity pool's id from the app gets its unauthenticated role.
# Expect: aws_cognito_identity_pool.guests
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

resource "aws_cognito_user_pool" "shoppers" {
  name                = "shoppers"
  deletion_protection = "ACTIVE"
  mfa_configuration   = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool_client" "shop" {
  name         = "shop-web"
  user_pool_id = aws_cognito_user_pool.shoppers.id
}

resource "aws_cognito_identity_pool" "guests" {
  identity_pool_name               = "shop guests"
  allow_unauthenticated_identities = true
}

resource "aws_cognito_identity_pool" "customers" {
  identity_pool_name               = "shop customers"
  allow_unauthenticated_identities = false
  allow_classic_flow               = false

  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.shop.id
    provider_name           = aws_cognito_user_pool.shoppers.endpoint
    server_side_token_check = true
  }
}
