# Found by an audit of public Terraform (session 31): g-root-variable-default-password
# Reduced from mo7amedgom3a/Serverless-ECommerce-Platform terraform/variables.tf @ 91e6797 (a sensitive object
# variable whose default holds the database password) and terraform/main.tf @ 068ce45: it had passed on every side.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

# Reduced from mo7amedgom3a/Serverless-ECommerce-Platform terraform/variables.tf (rds_config default)
variable "rds_config" {
  type = object({
    db_username = string
    db_password = string
  })
  sensitive = true
  default = {
    db_username = "admin"
    db_password = "mysql_password"
  }
}

# plain string form of the same thing
variable "db_password" {
  type    = string
  default = "mysql_password"
}

resource "aws_db_instance" "object_default" {
  identifier        = "object-default"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 10
  username          = var.rds_config.db_username
  password          = var.rds_config.db_password
}

resource "aws_db_instance" "string_default" {
  identifier        = "string-default"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 10
  username          = "admin"
  password          = var.db_password
}

# control: the same value as a literal is reported (aws-secret-in-code, "a value named as a secret at password")
resource "aws_db_instance" "literal" {
  identifier        = "literal"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 10
  username          = "admin"
  password          = "mysql_password"
}
