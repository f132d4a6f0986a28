# count and for_each: instances with Terraform's addresses, count = 0 resources that do not
# exist, a conditional for_each that yields nothing, and dynamic ingress rules.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "tables" {
  type = map(object({
    pitr = optional(bool, true)
    cmk  = optional(string)
  }))
  default = {
    orders    = {}
    customers = { pitr = false }
  }
}

variable "legacy" {
  type    = bool
  default = false
}

variable "ingress" {
  type = list(object({ port = number, cidrs = list(string) }))
  default = [
    { port = 443, cidrs = ["10.0.0.0/8"] },
    { port = 22, cidrs = ["0.0.0.0/0"] },
  ]
}

variable "egress" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_dynamodb_table" "this" {
  for_each     = var.tables
  name         = each.key
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = each.value.pitr
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = coalesce(each.value.cmk, "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
  }
}

resource "aws_db_instance" "legacy" {
  count                       = var.legacy ? 1 : 0
  identifier                  = "legacy"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "admin"
  manage_master_user_password = true
  publicly_accessible         = true
  skip_final_snapshot         = true
}

resource "aws_s3_bucket" "scratch" {
  for_each = var.legacy ? toset(["a", "b"]) : toset([])
  bucket   = "scratch-${each.key}"
  acl      = "public-read-write"
}

resource "aws_kms_key" "regional" {
  count                   = 2
  description             = "key ${count.index}"
  deletion_window_in_days = count.index == 0 ? 30 : 7
  enable_key_rotation     = count.index == 0
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
  dynamic "ingress" {
    for_each = var.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.egress
  }
}
