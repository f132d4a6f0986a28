# Found by an audit of public Terraform (session 32): h2-batch-job-properties-secrets
# terraform-aws-modules/terraform-aws-batch, examples/fargate/main.tf @0a069071da5cc744cae2fbc3b335a9c918dd6357 with the module main.tf @0231cbbb3bb7ebf07686fff3471b50e28180399a (full run /work/audit/h2
provider "aws" {
  region = "us-east-1"
}

locals {
  env = [
    { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLQ" },
    { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEQ" },
    { name = "DB_PASSWORD", value = "Zr8!mW3qNc6@yH1p" },
  ]
}

# control: reported (container_properties is a looked-at path)
resource "aws_batch_job_definition" "container" {
  name = "container"
  type = "container"
  container_properties = jsonencode({
    image = "busybox", vcpus = 1, memory = 128, command = ["ls"]
    environment = local.env
  })
}

# multinode job: same environment in node_properties.nodeRangeProperties[].container
resource "aws_batch_job_definition" "multinode" {
  name = "multinode"
  type = "multinode"
  node_properties = jsonencode({
    mainNode = 0
    numNodes = 2
    nodeRangeProperties = [{
      targetNodes = "0:"
      container = {
        image = "busybox", vcpus = 1, memory = 128, command = ["ls"]
        environment = local.env
      }
    }]
  })
}

# ECS-properties job: environment in ecs_properties.taskProperties[].containers[]
resource "aws_batch_job_definition" "ecs" {
  name                  = "ecs"
  type                  = "container"
  platform_capabilities = ["FARGATE"]
  ecs_properties = jsonencode({
    taskProperties = [{
      executionRoleArn = "arn:aws:iam::123456789012:role/exec"
      containers = [{
        name                 = "main"
        image                = "busybox"
        essential            = true
        resourceRequirements = [{ type = "VCPU", value = "1" }, { type = "MEMORY", value = "2048" }]
        environment          = local.env
      }]
    }]
  })
}

# EKS job: env block in eks_properties.pod_properties.containers
resource "aws_batch_job_definition" "eks" {
  name = "eks"
  type = "container"
  eks_properties {
    pod_properties {
      containers {
        image   = "busybox"
        command = ["sleep", "60"]
        env {
          name  = "DB_PASSWORD"
          value = "Zr8!mW3qNc6@yH1p"
        }
        env {
          name  = "AWS_SECRET_ACCESS_KEY"
          value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEQ"
        }
        resources {
          limits = { cpu = "1", memory = "1024Mi" }
        }
      }
    }
  }
}
