# Audit j3 (load balancers and ECS services of public configurations): what passed in
# silence. Access logs off (no block, a block without enabled, enabled from a variable),
# invalid headers routed to targets, a classic load balancer without logs, and a Fargate
# service with public IPs sharing the load balancer's group, next to the forms that pass: a
# dynamic access_logs block, a network load balancer, a classic one with a block.
provider "aws" {
  region = "us-east-1"
}

variable "log_bucket" {
  type    = string
  default = "shop-lb-logs"
}

variable "logs_enabled" {
  type    = bool
  default = false
}

variable "public_tasks" {
  type    = bool
  default = true
}

locals {
  subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  logs    = { bucket = var.log_bucket, prefix = "shop" }
  nlb     = "network"
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# No access_logs, drop_invalid_header_fields left out.
resource "aws_lb" "bare" {
  name            = "shop-bare"
  subnets         = local.subnets
  security_groups = [aws_security_group.web.id]
}

# A bucket named, enabled from a variable that is false.
resource "aws_lb" "named_bucket" {
  name                       = "shop-named"
  subnets                    = local.subnets
  drop_invalid_header_fields = !var.logs_enabled
  access_logs {
    bucket  = var.log_bucket
    enabled = var.logs_enabled
  }
}

# Passes: a dynamic block over a local.
resource "aws_alb" "dynamic_logs" {
  name                       = "shop-dynamic"
  subnets                    = local.subnets
  drop_invalid_header_fields = true
  dynamic "access_logs" {
    for_each = [local.logs]
    content {
      bucket  = access_logs.value.bucket
      prefix  = access_logs.value.prefix
      enabled = true
    }
  }
}

# Passes: a network load balancer (its logs cover TLS only; headers are not read).
resource "aws_lb" "nlb" {
  name               = "shop-nlb"
  load_balancer_type = local.nlb
  subnets            = local.subnets
}

resource "aws_elb" "legacy" {
  name               = "shop-legacy"
  availability_zones = ["us-east-1a"]
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

# Passes: enabled defaults to true on a classic load balancer.
resource "aws_elb" "legacy_logged" {
  name               = "shop-legacy-logged"
  availability_zones = ["us-east-1a"]
  access_logs {
    bucket = var.log_bucket
  }
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:1"
  launch_type     = "FARGATE"
  desired_count   = 2
  network_configuration {
    subnets          = local.subnets
    security_groups  = [aws_security_group.web.id]
    assign_public_ip = var.public_tasks
  }
}
