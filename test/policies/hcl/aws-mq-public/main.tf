# Seed mistake: A RabbitMQ broker of orders that is publicly accessible from the internet.
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
  broker_name         = "orders"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = true

  user {
    username = "admin"
    password = var.mq_admin_password
  }
}
