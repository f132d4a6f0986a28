# Seed mistake: order events are delivered to a fulfilment webhook over plain HTTP.
# Expect: aws_sns_topic_subscription.fulfilment
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

resource "aws_sns_topic" "orders" {
  name              = "order-events"
  kms_master_key_id = "alias/order-events"
}

resource "aws_sns_topic_subscription" "fulfilment" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "http"
  endpoint  = "http://fulfilment.example.com/sns"
}
