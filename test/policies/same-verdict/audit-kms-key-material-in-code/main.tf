# Found by an audit of public Terraform (session 30): c-kms-key-material-in-code — imported KMS key material written as a literal: not reported (rule gap)
# Minimal repro: terraform-aws-modules/terraform-aws-kms examples/complete `kms_external` — imported key material
# written into the configuration as a literal.
provider "aws" {
  region = "us-east-1"
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "Default"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_external_key" "this" {
  description             = "External key example"
  deletion_window_in_days = 30
  enabled                 = true
  key_material_base64     = "Wblj06fduthWggmsT0cLVoIMOkeLbc2kVfMud77i/JY="
  policy                  = data.aws_iam_policy_document.key.json
}
