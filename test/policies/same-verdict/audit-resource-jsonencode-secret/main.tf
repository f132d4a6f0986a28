# Found by an audit of public Terraform (session 31): f-resource-jsonencode-secret
provider "aws" {
  region = "us-west-2"
}

resource "aws_secretsmanager_secret" "db" {
  name = "shop-db"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = "admin"
    password = "Sup3rS3cretPassw0rd!"
  })
}

resource "aws_ssm_parameter" "api" {
  name  = "/shop/api-key"
  type  = "SecureString"
  value = jsonencode({ key = "sk_live_abcdef1234567890" })
}
