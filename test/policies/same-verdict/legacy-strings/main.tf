# Code from the Terraform 0.11 era, still common in public modules: every value a "${…}"
# string, count included ("1" and "0"), booleans as strings. Terraform converts them.
provider "aws" {
  region = "us-east-1"
}

variable "encrypt" {
  default = "false"
}

variable "kms_key" {
  default = ""
}

locals {
  with_key = "${var.kms_key == "" ? 0 : 1}"
}

resource "aws_sqs_queue" "plain" {
  count = "${1 - local.with_key}"

  name                    = "orders"
  sqs_managed_sse_enabled = "${var.encrypt}"
  policy                  = "${jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }] })}"
}

resource "aws_sqs_queue" "with_key" {
  count = "${local.with_key}"

  name              = "orders"
  kms_master_key_id = "${var.kms_key}"
}

resource "aws_db_instance" "legacy" {
  count = "2"

  identifier          = "legacy-${count.index}"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = "20"
  username            = "admin"
  password            = "not-a-real-password-0"
  publicly_accessible = "${count.index == 0 ? "true" : "false"}"
  storage_encrypted   = "${var.encrypt}"
  skip_final_snapshot = "true"
}
