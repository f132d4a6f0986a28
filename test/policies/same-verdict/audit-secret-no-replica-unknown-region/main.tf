# Found by an audit of public Terraform (session 30): d-secret-no-replica-unknown-region — a secret with no replica puts "(region unknown)" in the estate: unfixable GuardDuty/Config findings, and HCL ≠ plan
# Reduced from terraform-aws-modules/terraform-aws-secrets-manager main.tf @ 1e7ccd7
# (aws_secretsmanager_secret with `dynamic "replica" { for_each = var.replica }`, var.replica = {} by default).
provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_key" "secrets" {
  description         = "secrets"
  enable_key_rotation = true
}

variable "with_plain" {
  type    = bool
  default = true
}

# A plain secret: no replica. (A literal `replica` block absent or a dynamic one over {} give the same plan.)
resource "aws_secretsmanager_secret" "app" {
  count                   = var.with_plain ? 1 : 0
  name                    = "app-db"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
  tags = {
    data-classification = "internal"
    owner               = "platform"
    environment         = "prod"
  }
}

# The module's form: a dynamic replica block over an empty map.
variable "replica" {
  type    = map(any)
  default = {}
}

resource "aws_secretsmanager_secret" "module_form" {
  name                    = "app-api"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
  dynamic "replica" {
    for_each = var.replica
    content {
      kms_key_id = try(replica.value.kms_key_id, null)
      region     = try(replica.value.region, replica.key)
    }
  }
  tags = {
    data-classification = "internal"
    owner               = "platform"
    environment         = "prod"
  }
}

# us-east-1 is fully covered, so the only region findings left are the spurious ones.
resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_iam_role" "config" {
  name                 = "config"
  permissions_boundary = "arn:aws:iam::123456789012:policy/boundary"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "config.amazonaws.com" } }]
  })
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = aws_iam_role.config.arn
  recording_group {
    all_supported = true
  }
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = "config-bucket-123456789012"
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.main]
}
