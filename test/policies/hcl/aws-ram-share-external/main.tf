# Seed mistake: an SSM parameter in a RAM resource share that lets principals outside the
# organization in (allow_external_principals = true).
# Expect: aws_ram_resource_share.config
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

resource "aws_kms_key" "config" {
  description         = "shop configuration"
  enable_key_rotation = true
}

resource "aws_ssm_parameter" "flags" {
  name   = "/shop/feature-flags"
  type   = "SecureString"
  tier   = "Advanced"
  key_id = aws_kms_key.config.arn
  value  = jsonencode({ checkout_v2 = true })
}

resource "aws_ram_resource_share" "config" {
  name                      = "shop-config"
  allow_external_principals = true
}

resource "aws_ram_resource_association" "flags" {
  resource_arn       = aws_ssm_parameter.flags.arn
  resource_share_arn = aws_ram_resource_share.config.arn
}
