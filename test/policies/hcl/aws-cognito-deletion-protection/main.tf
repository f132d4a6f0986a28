# Seed mistake: the shop's customer accounts live in a user pool left without deletion protection; one terraform destroy erases them for good.
# Expect: aws_cognito_user_pool.shoppers
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
  name                     = "shoppers"
  mfa_configuration        = "OPTIONAL"
  auto_verified_attributes = ["email"]
  username_attributes      = ["email"]

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "staff" {
  name                = "staff"
  deletion_protection = "ACTIVE"
  mfa_configuration   = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}
