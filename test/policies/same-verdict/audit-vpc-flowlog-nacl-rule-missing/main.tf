# Found by an audit of public Terraform (session 30): c-vpc-flowlog-nacl-rule-missing — VPC without flow logs and default NACL open to 0.0.0.0/0 + ::/0: no rule (rule missing)
# Minimal repro: VPC as terraform-aws-modules/terraform-aws-vpc creates it by default (enable_flow_log = false,
# manage_default_network_acl = true with the module's default allow-all rules).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "ex" }
}

# no aws_flow_log for the VPC

resource "aws_default_network_acl" "this" {
  default_network_acl_id = aws_vpc.this.default_network_acl_id

  ingress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 101
    action          = "allow"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    ipv6_cidr_block = "::/0"
  }
  egress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
}
