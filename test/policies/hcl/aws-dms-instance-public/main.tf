# Seed mistake: the replication instance copying the CRM database has a public IP address
# (publicly_accessible = true).
# Expect: aws_dms_replication_instance.crm
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

resource "aws_dms_replication_subnet_group" "crm" {
  replication_subnet_group_id          = "crm-migration"
  replication_subnet_group_description = "crm migration subnets"
  subnet_ids                           = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_dms_replication_instance" "crm" {
  replication_instance_id     = "crm-migration"
  replication_instance_class  = "dms.t3.large"
  replication_subnet_group_id = aws_dms_replication_subnet_group.crm.id
  kms_key_arn                 = aws_kms_key.dms.arn
  publicly_accessible         = true
}
