# Resource types no other folder here plans, so the HCL path takes their schema's word for
# what the provider computes: an Aurora cluster and its instance leaving publicly_accessible,
# storage_encrypted and backup_retention_period unset (unknown until apply in the plan), and
# a security group rule.
provider "aws" {
  region = "us-west-2"
}

variable "master_password" {
  type      = string
  sensitive = true
  default   = "not-a-real-password-0"
}

resource "aws_vpc" "main" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.40.1.0/24"
  availability_zone = "us-west-2a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.40.2.0/24"
  availability_zone = "us-west-2b"
}

resource "aws_db_subnet_group" "orders" {
  name       = "orders"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_security_group" "db" {
  name   = "orders-db"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "db_from_vpc" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["10.40.0.0/16"]
  security_group_id = aws_security_group.db.id
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier     = "orders"
  engine                 = "aurora-postgresql"
  engine_version         = "16.2"
  master_username        = "orders"
  master_password        = var.master_password
  db_subnet_group_name   = aws_db_subnet_group.orders.name
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = true
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 2
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
  engine_version     = aws_rds_cluster.orders.engine_version
}
