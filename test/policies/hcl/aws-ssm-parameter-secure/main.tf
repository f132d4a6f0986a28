# Seed mistake: A database password stored as a plain String parameter.
# Expect: aws_ssm_parameter.db_password
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

variable "db_password" {
  type      = string
  sensitive = true
  default   = "not-a-real-password"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/shop/orders/db-password"
  type  = "String"
  value = var.db_password
}
