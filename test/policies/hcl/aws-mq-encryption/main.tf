# Seed mistake: A broker of orders left on the key AWS owns (use_aws_owned_key defaults to true).
# Expect: aws_mq_broker.orders
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

variable "mq_admin_password" {
  type      = string
  sensitive = true
  default   = "placeholder-set-by-ci"
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"
  subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  security_groups    = ["sg-0a1b2c3d4e5f60718"]

  logs {
    general = true
  }

  user {
    username = "admin"
    password = var.mq_admin_password
  }
}
