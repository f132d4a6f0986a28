# Variables typed with Terraform 0.11's bare keywords, as older scenario repositories still
# declare them: `type = list` and `type = map` are list(any) and map(any) to Terraform 1.x. The
# evaluator refused them (exit 2) where terraform plans the folder.
provider "aws" {
  region = "us-east-1"
}

#Required: User's Public IP Address(es)
variable "cg_whitelist" {
  type    = list(any)
  default = ["0.0.0.0/0"]
}

variable "db_settings" {
  type = map(any)
  default = {
    engine    = "postgres"
    encrypted = false
  }
}

resource "aws_security_group" "db" {
  name = "cg-rds-psql"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.cg_whitelist
  }
}

resource "aws_db_instance" "postgres" {
  identifier                  = "cg-rds-instance"
  engine                      = var.db_settings["engine"]
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "cgadmin"
  manage_master_user_password = true
  storage_encrypted           = var.db_settings["encrypted"]
  publicly_accessible         = true
  vpc_security_group_ids      = [aws_security_group.db.id]
  skip_final_snapshot         = true
}
