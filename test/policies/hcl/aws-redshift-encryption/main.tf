# Seed mistake: A private Redshift cluster that is not encrypted.
# Expect: aws_redshift_cluster.analytics
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

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  master_username        = "analytics_admin"
  manage_master_password = true
  publicly_accessible    = false
  skip_final_snapshot    = true
}
