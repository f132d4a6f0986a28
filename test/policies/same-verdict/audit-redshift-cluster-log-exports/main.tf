# Found by an audit of public Terraform (session 33): i1-redshift-cluster-log-exports — a provisioned cluster exporting only
# connectionlog to CloudWatch (inline logging block, or aws_redshift_logging) had passed audit logging; a Serverless namespace with
# the same list was reported. terraform-aws-modules/terraform-aws-redshift main.tf @ 001c4e015d8cba7af35179a4d53d4660a4912c07.
provider "aws" {
  region = "eu-west-1"
}

locals {
  kms  = "arn:aws:kms:eu-west-1:123456789012:key/0c0a3f1e-1111-2222-3333-444455556666"
  tags = { owner = "team-a", environment = "prod", "data-classification" = "pii" }
}

resource "aws_redshift_parameter_group" "ssl" {
  name   = "ssl"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

# Provisioned cluster: logging on, but only the connection log is exported (no useractivitylog / userlog)
resource "aws_redshift_cluster" "inline" {
  cluster_identifier                  = "inline"
  node_type                           = "ra3.xlplus"
  cluster_type                        = "single-node"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  kms_key_id                          = local.kms
  cluster_parameter_group_name        = aws_redshift_parameter_group.ssl.name
  automated_snapshot_retention_period = 14
  skip_final_snapshot                 = true
  publicly_accessible                 = false
  tags                                = local.tags

  logging {
    enable               = true
    log_destination_type = "cloudwatch"
    log_exports          = ["connectionlog"]
  }
}

# Same through the stand-alone resource
resource "aws_redshift_cluster" "separate" {
  cluster_identifier                  = "separate"
  node_type                           = "ra3.xlplus"
  cluster_type                        = "single-node"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  kms_key_id                          = local.kms
  cluster_parameter_group_name        = aws_redshift_parameter_group.ssl.name
  automated_snapshot_retention_period = 14
  skip_final_snapshot                 = true
  publicly_accessible                 = false
  tags                                = local.tags
}

resource "aws_redshift_logging" "separate" {
  cluster_identifier   = aws_redshift_cluster.separate.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog"]
}

# Contrast: a Serverless namespace with the same export list is reported
resource "aws_redshiftserverless_namespace" "ns" {
  namespace_name = "ns"
  kms_key_id     = local.kms
  log_exports    = ["connectionlog"]
  tags           = local.tags
}
