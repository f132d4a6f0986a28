# One managed policy per JSON file of a folder (fileset + file + templatefile), a pattern of
# many platform repositories: the wildcard policy must be found in the file that holds it.
provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_policy" "team" {
  for_each = fileset("${path.module}/policies", "*.json")

  name   = trimsuffix(each.value, ".json")
  policy = file("${path.module}/policies/${each.value}")
}

resource "aws_iam_policy" "templated" {
  name = "deploy"
  policy = templatefile("${path.module}/policies/deploy.tftpl", {
    actions = ["s3:*"]
    bucket  = "shop-artifacts"
  })
}

resource "aws_iam_policy" "inline_yaml" {
  name   = "reader"
  policy = jsonencode(yamldecode(file("${path.module}/policies/reader.yaml")))
}
