# Reduced from terraform-aws-modules/terraform-aws-secrets-manager main.tf @ 1e7ccd7 (var.secret_string -> aws_secretsmanager_secret_version)
variable "secret_string" {
  type      = string
  default   = null
  sensitive = true
}
resource "aws_secretsmanager_secret" "s" {
  name = "s"
}
resource "aws_secretsmanager_secret_version" "v" {
  secret_id     = aws_secretsmanager_secret.s.id
  secret_string = var.secret_string
}
