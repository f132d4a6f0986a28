# Timestream for InfluxDB instances: publicly_accessible left to the service (a plan shows it
# unknown: the provider reads AWS's default back), and set from a variable's default.
provider "aws" {
  region = "us-east-1"
}

variable "public" {
  type    = bool
  default = true
}

variable "influx_password" {
  type      = string
  sensitive = true
  default   = "placeholderSetByCi1"
}

locals {
  instances = { telemetry = null, clickstream = var.public }
}

resource "aws_timestreaminfluxdb_db_instance" "this" {
  for_each               = local.instances
  name                   = each.key
  allocated_storage      = 20
  db_instance_type       = "db.influx.medium"
  organization           = "shop"
  bucket                 = "clicks"
  username               = "admin"
  password               = var.influx_password
  vpc_subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  publicly_accessible    = each.value
}
