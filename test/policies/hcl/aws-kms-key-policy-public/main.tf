# Seed mistake: the key policy allows kms:* to Principal {"AWS": "*"} with no restricting condition.
# Expect: aws_kms_key.orders
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

resource "aws_kms_key" "orders" {
  description             = "orders table"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Sid": "Everyone", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
      "Principal": {"AWS": "*"}
    }]}
  JSON
}
