# Seed mistake: An SNS topic without a KMS key.
# Expect: aws_sns_topic.order_events
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

resource "aws_sns_topic" "order_events" {
  name = "order-events"
}
