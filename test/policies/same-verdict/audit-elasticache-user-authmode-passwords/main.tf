# Found by an audit of public Terraform (session 30): d-elasticache-user-authmode-passwords — aws_elasticache_user authentication_mode.passwords: plan refused, literal missed
# Reduced from terraform-aws-modules/terraform-aws-elasticache modules/user-group/main.tf @ 03f6e43
# (aws_elasticache_user.this, dynamic "authentication_mode" { passwords = ... }) with the README/example users.
provider "aws" {
  region = "us-east-1"
}

variable "app_password" {
  type      = string
  sensitive = true
  default   = "from-a-vault-in-real-life-0001"
}

# 1) literal password in the authentication_mode block (as the module's example "curly" user)
resource "aws_elasticache_user" "literal" {
  user_id       = "curly"
  user_name     = "curly"
  access_string = "on ~* +@all"
  engine        = "REDIS"

  authentication_mode {
    type      = "password"
    passwords = ["password123456789", "password987654321"]
  }
}

# 2) the same, correctly fed from a sensitive variable
resource "aws_elasticache_user" "from_var" {
  user_id       = "app"
  user_name     = "app"
  access_string = "on ~app:* +@read +@write"
  engine        = "REDIS"

  authentication_mode {
    type      = "password"
    passwords = [var.app_password]
  }
}
