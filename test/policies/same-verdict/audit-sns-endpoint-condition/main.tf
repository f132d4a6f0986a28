# Found by an audit of public Terraform (session 30): a-sns-endpoint-condition — SNS topic policy limited by `sns:Endpoint` reported as public (false block)
# Minimal repro of the "SQS to SNS Topic" pattern documented in terraform-aws-modules/terraform-aws-sns
# README.md and examples/complete (topic_policy_statements "sub"/"sqs": Principal AWS "*" limited by
# StringLike sns:Endpoint = the subscribing queue's ARN), written out as the module renders it.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_kms_key" "k" {
  description         = "sns/sqs"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "sub" {
  name              = "pub-sub"
  kms_master_key_id = aws_kms_key.k.arn
}

resource "aws_sns_topic" "t" {
  name              = "pub-sub"
  kms_master_key_id = aws_kms_key.k.arn
}

data "aws_iam_policy_document" "t" {
  statement {
    sid       = "SQSSubscribe"
    actions   = ["sns:Subscribe", "sns:Receive"]
    resources = [aws_sns_topic.t.arn]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringLike"
      variable = "sns:Endpoint"
      values   = [aws_sqs_queue.sub.arn]
    }
  }
}

resource "aws_sns_topic_policy" "t" {
  arn    = aws_sns_topic.t.arn
  policy = data.aws_iam_policy_document.t.json
}
