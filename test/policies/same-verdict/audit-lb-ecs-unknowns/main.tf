# Audit k3: what only apply knows around load balancers and ECS services. A classic load
# balancer's access_logs.enabled and whole access_logs blocks (dynamic over an apply-time
# condition) had passed or read as definite; an ECS service whose assign_public_ip only apply
# knows, sharing the load balancer's group, had passed in silence; a dynamic
# network_configuration hid the shared group from a plan checked alone. All not verifiable.
provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "lb-logs-123456789012"
}

resource "terraform_data" "public" {
  input = true
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "api" {
  name = "api"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-1", "subnet-2"]
  security_groups            = [aws_security_group.web.id, aws_security_group.api.id]
  drop_invalid_header_fields = true

  dynamic "access_logs" {
    for_each = aws_s3_bucket.logs.id != "" ? [1] : []
    content {
      bucket  = aws_s3_bucket.logs.id
      enabled = true
    }
  }
}

resource "aws_elb" "apply_time" {
  name               = "apply-time"
  availability_zones = ["us-east-1a"]
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = aws_s3_bucket.logs.id != ""
  }
}

resource "aws_elb" "dynamic" {
  name               = "dynamic"
  availability_zones = ["us-east-1a"]
  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
  dynamic "access_logs" {
    for_each = aws_s3_bucket.logs.id != "" ? [1] : []
    content {
      bucket = aws_s3_bucket.logs.id
    }
  }
}

# Its public IP setting only apply knows.
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:1"
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-1"]
    security_groups  = [aws_security_group.web.id]
    assign_public_ip = terraform_data.public.output
  }
}

# Public tasks in a dynamic network_configuration.
resource "aws_ecs_service" "api" {
  name            = "api"
  task_definition = "api:1"
  launch_type     = "FARGATE"
  dynamic "network_configuration" {
    for_each = [1]
    content {
      subnets          = ["subnet-1"]
      security_groups  = [aws_security_group.api.id]
      assign_public_ip = true
    }
  }
}
