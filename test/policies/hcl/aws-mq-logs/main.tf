# Seed mistake: An ActiveMQ broker that publishes its general log but not its audit log.
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

resource "aws_kms_key" "mq" {
  description         = "CMK for the orders broker"
  enable_key_rotation = true
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  security_groups    = ["sg-0a1b2c3d4e5f60718"]

  encryption_options {
    use_aws_owned_key = false
    kms_key_id        = aws_kms_key.mq.arn
  }

  logs {
    general = true
  }

  user {
    username = "admin"
    password = var.mq_admin_password
  }
}
