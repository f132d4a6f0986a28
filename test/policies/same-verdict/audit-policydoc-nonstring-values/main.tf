# Found by an audit of public Terraform (session 30): b-policydoc-nonstring-values — HCL side drops bool/number elements of aws_iam_policy_document lists
provider "aws" {
  region = "us-east-1"
}

locals { tags = { data-classification = "internal", owner = "team", environment = "dev" } }

# (1) TLS-deny written with a bool, as in alphagov govuk csp_reports bucket:
#     condition { test = "Bool" values = [false] variable = "aws:SecureTransport" }
resource "aws_s3_bucket" "csp_reports" {
  bucket = "govuk-test-csp-reports"
  tags   = local.tags
}
resource "aws_s3_bucket_policy" "csp_reports" {
  bucket = aws_s3_bucket.csp_reports.id
  policy = data.aws_iam_policy_document.csp_reports_bucket_policy.json
}
data "aws_iam_policy_document" "csp_reports_bucket_policy" {
  statement {
    sid    = "DenyNonTLS"
    effect = "Deny"
    principals {
      identifiers = ["*"]
      type        = "AWS"
    }
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::govuk-test-csp-reports", "arn:aws:s3:::govuk-test-csp-reports/*"]
    condition {
      test     = "Bool"
      values   = [false]
      variable = "aws:SecureTransport"
    }
  }
}

# (2) Role trusting another account whose id is a number-typed variable
#     (variable "account_id" { type = number } is common; identifiers = [var.aws_account_id] too)
variable "trusted_account_id" {
  type    = number
  default = 999988887777
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.trusted_account_id]
    }
  }
}
resource "aws_iam_role" "cross_account" {
  name                 = "cross-account"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = "arn:aws:iam::123456789012:policy/boundary"
}

# (3) Allow * restricted to one account by a number-valued condition
resource "aws_s3_bucket" "shared" {
  bucket = "org-shared-artifacts"
  tags   = local.tags
}
data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::org-shared-artifacts/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = [123456789012]
    }
  }
}
resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.shared.json
}
