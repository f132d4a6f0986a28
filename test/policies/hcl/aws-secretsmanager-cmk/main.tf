# Seed mistake: A database secret under the AWS-managed aws/secretsmanager key.
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

resource "aws_secretsmanager_secret" "orders_db" {
  name = "orders/db"
}
