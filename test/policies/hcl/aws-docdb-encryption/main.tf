# Seed mistake: A DocumentDB cluster without storage encryption.
# Expect: aws_docdb_cluster.profiles
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

resource "aws_docdb_cluster" "profiles" {
  cluster_identifier          = "customer-profiles"
  master_username             = "profiles_admin"
  manage_master_user_password = true
  skip_final_snapshot         = true
}
