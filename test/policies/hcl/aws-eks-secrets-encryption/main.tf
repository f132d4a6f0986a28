# Seed mistake: the cluster has no encryption_config, so Kubernetes Secrets (database passwords,
# API tokens) are encrypted only with keys AWS owns, which no key policy of the account governs;
# its API endpoint is private, so only the encryption is wrong.
# Expect: aws_eks_cluster.shop
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

resource "aws_eks_cluster" "shop" {
  name     = "shop"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
