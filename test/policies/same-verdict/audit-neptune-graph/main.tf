# Neptune Analytics graphs in the forms real code writes them: settings left to the service
# (a plan shows them unknown: the provider reads AWS's defaults back), set from variables and
# locals, the key by reference or named AWS_OWNED_KEY, graphs made by for_each.
provider "aws" {
  region = "us-east-1"
}

variable "public" {
  type    = bool
  default = true
}

locals {
  tags = {
    data-classification = "pii"
    owner               = "recommendations"
    environment         = "prod"
  }
  graphs = {
    links   = { protect = false, key = "AWS_OWNED_KEY" }
    fraud   = { protect = true, key = aws_kms_key.graph.arn }
    catalog = { protect = true, key = null }
  }
}

resource "aws_kms_key" "graph" {
  description         = "CMK for the customer graphs"
  enable_key_rotation = true
}

# Everything left to the service: private, protected, a key AWS owns.
resource "aws_neptunegraph_graph" "defaults" {
  graph_name         = "defaults"
  provisioned_memory = 16
  tags               = local.tags
}

resource "aws_neptunegraph_graph" "from_variable" {
  graph_name          = "from-variable"
  provisioned_memory  = 16
  public_connectivity = var.public
  kms_key_identifier  = aws_kms_key.graph.arn
  tags                = local.tags
}

resource "aws_neptunegraph_graph" "each" {
  for_each            = local.graphs
  graph_name          = each.key
  provisioned_memory  = 16
  deletion_protection = each.value.protect
  kms_key_identifier  = each.value.key
  tags                = local.tags
}
