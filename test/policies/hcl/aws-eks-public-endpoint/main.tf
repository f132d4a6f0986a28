# Seed mistake: the cluster leaves endpoint_public_access and public_access_cidrs unset, so its
# Kubernetes API server answers the whole internet (public by default, 0.0.0.0/0 by default);
# its Secrets are under a customer-managed key, so only the endpoint is wrong.
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

resource "aws_kms_key" "eks" {
  description         = "EKS Secrets"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "shop" {
  name     = "shop"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
