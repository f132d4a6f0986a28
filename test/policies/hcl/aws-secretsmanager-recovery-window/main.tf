# Seed mistake: The order database's credentials are set to be deleted at once (recovery window 0) so a replacement never collides with the old name; a destroy leaves nothing to restore.
# Expect: aws_secretsmanager_secret.orders_db
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

resource "aws_kms_key" "secrets" {
  description         = "order secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "orders_db" {
  name                    = "orders/db"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 0
}
