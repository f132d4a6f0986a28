# Seed mistake: A TLS-only, IAM-authenticated order-events cluster whose CloudWatch broker log delivery is switched off, so no one can tell which clients read the topics.
# Expect: aws_msk_cluster.events
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

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/aws/msk/order-events"
  retention_in_days = 90
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "order-events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60710"]
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }

  client_authentication {
    sasl {
      iam = true
    }
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = false
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }
}
