# Found by an audit of public Terraform (session 33): i1-efs-mount-target-condition-public — terraform-aws-efs's default
# policy (Allow "*" with Bool elasticfilesystem:AccessedViaMountTarget = true beside the TLS-only Deny) had blocked as public.
# terraform-aws-modules/terraform-aws-efs main.tf @ 6655a67611672cdf1ad5ccb94a93ed782eb2ecdb.
provider "aws" {
  region = "us-east-1"
}

resource "aws_efs_file_system" "this" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = "arn:aws:kms:us-east-1:123456789012:key/0c0a3f1e-1111-2222-3333-444455556666"
  tags           = { owner = "team-a", environment = "prod", "data-classification" = "internal" }
}

resource "aws_efs_backup_policy" "this" {
  file_system_id = aws_efs_file_system.this.id
  backup_policy {
    status = "ENABLED"
  }
}

# The policy terraform-aws-efs builds by default (deny_nonsecure_transport = true, no policy_statements),
# which is also the EFS console's "Prevent root access / anonymous access" preset form.
data "aws_iam_policy_document" "policy" {
  statement {
    sid       = "NonSecureTransport"
    effect    = "Deny"
    actions   = ["*"]
    resources = [aws_efs_file_system.this.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid    = "NonSecureTransportAccessedViaMountTarget"
    effect = "Allow"
    actions = [
      "elasticfilesystem:ClientRootAccess",
      "elasticfilesystem:ClientWrite",
      "elasticfilesystem:ClientMount"
    ]
    resources = [aws_efs_file_system.this.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "elasticfilesystem:AccessedViaMountTarget"
      values   = ["true"]
    }
  }
}

resource "aws_efs_file_system_policy" "this" {
  file_system_id = aws_efs_file_system.this.id
  policy         = data.aws_iam_policy_document.policy.json
}
