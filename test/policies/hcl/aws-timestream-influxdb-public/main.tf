# Seed mistake: the clickstream InfluxDB instance was given a public address to reach it from a laptop; shoppers' sessions answer on port 8086 from the internet.
# Expect: aws_timestreaminfluxdb_db_instance.clickstream
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

variable "influx_password" {
  type      = string
  sensitive = true
  default   = "placeholderSetByCi1"
}

resource "aws_timestreaminfluxdb_db_instance" "clickstream" {
  name                   = "clickstream"
  allocated_storage      = 20
  db_instance_type       = "db.influx.medium"
  organization           = "shop"
  bucket                 = "clicks"
  username               = "admin"
  password               = var.influx_password
  vpc_subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  publicly_accessible    = true
  tags = {
    data-classification = "pii"
    owner               = "analytics"
    environment         = "prod"
  }
}
