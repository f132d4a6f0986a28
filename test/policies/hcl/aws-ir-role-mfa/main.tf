# Seed mistake: the incident-response role can be assumed by the on-call role without MFA.
# Expect: aws_iam_role.incident_response
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

resource "aws_iam_role" "incident_response" {
  name                 = "incident-response"
  max_session_duration = 3600
  permissions_boundary = "arn:aws:iam::111111111111:policy/workload-boundary"
  assume_role_policy   = <<-JSON
    {"Version": "2012-10-17", "Statement": [{
      "Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"AWS": "arn:aws:iam::111111111111:role/security-oncall"}
    }]}
  JSON
}
