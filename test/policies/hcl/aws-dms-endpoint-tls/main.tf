# Seed mistake: the source endpoint reads the CRM database without TLS (ssl_mode = "none").
# Expect: aws_dms_endpoint.crm_source
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

resource "aws_kms_key" "dms" {
  description         = "dms replication"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "crm_db" {
  name       = "dms/crm-db"
  kms_key_id = aws_kms_key.dms.arn
}

resource "aws_dms_endpoint" "crm_source" {
  endpoint_id                     = "crm-source"
  endpoint_type                   = "source"
  engine_name                     = "mysql"
  database_name                   = "crm"
  kms_key_arn                     = aws_kms_key.dms.arn
  secrets_manager_arn             = aws_secretsmanager_secret.crm_db.arn
  secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets-access"
  ssl_mode                        = "none"
}
