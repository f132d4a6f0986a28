# Seed mistake: the replication instance staging the CRM database has no kms_key_arn, so its
# storage is under the AWS-managed aws/dms key.
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

resource "aws_dms_replication_subnet_group" "crm" {
  replication_subnet_group_id          = "crm-migration"
  replication_subnet_group_description = "crm migration subnets"
  subnet_ids                           = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

resource "aws_dms_replication_instance" "crm" {
  replication_instance_id     = "crm-migration"
  replication_instance_class  = "dms.t3.large"
  replication_subnet_group_id = aws_dms_replication_subnet_group.crm.id
  publicly_accessible         = false
}
