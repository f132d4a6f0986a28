# Found by an audit of public Terraform (session 33): i3-msk-no-client-auth-passes — an MSK cluster with no client_authentication
# block (terraform-aws-msk-kafka-cluster leaves it out for client_authentication = {}) had passed aws-msk-public: no method, no identity.
provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_key" "msk" {
  description         = "msk"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "msk" {
  name              = "/aws/msk/orders"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.msk.arn
  tags              = { data-classification = "internal", owner = "events", environment = "prod" }
}

# No client_authentication block: no SASL/IAM, SASL/SCRAM or mTLS method is enabled, so the
# only way a client can connect is unauthenticated (as terraform-aws-msk-kafka-cluster
# produces with client_authentication = {} — its dynamic block is then omitted).
resource "aws_msk_cluster" "orders" {
  cluster_name           = "orders"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"]
    security_groups = ["sg-0123456789abcdef0"]
    storage_info {
      ebs_storage_info {
        volume_size = 100
      }
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.msk.name
      }
    }
  }

  tags = { data-classification = "pii", owner = "events", environment = "prod" }
}
