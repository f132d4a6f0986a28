# METADATA
# title: Log group not encrypted with a KMS key
# description: |
#   Without kms_key_id, log events (which carry customer identifiers) are encrypted only
#   with a CloudWatch-owned key: anyone with logs:GetLogEvents reads them and access cannot
#   be revoked by key policy.
#   Unknowns: a key unknown at plan time but set by reference counts as set.
# custom:
#   id: aws-log-group-kms
#   control: log-retention
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information; audit-log management
#   remediation: |
#     Set kms_key_id = aws_kms_key.x.arn (the key policy must allow logs.<region>.amazonaws.com).
#   construct: BoundedLogGroup
#   example: |
#     # The key policy lets logs.<region>.amazonaws.com use the key.
#     resource "aws_kms_key" "logs" {
#       description         = "CloudWatch Logs"
#       enable_key_rotation = true
#       policy              = data.aws_iam_policy_document.logs_key.json
#     }
#
#     resource "aws_cloudwatch_log_group" "orders" {
#       name              = "/shop/orders"
#       retention_in_days = 365
#       kms_key_id        = aws_kms_key.logs.arn
#     }
package leakguard.rules.aws.cloudwatch.log_group_kms

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_cloudwatch_log_group")
	not resources.is_set(r, "kms_key_id")
	msg := sprintf("Log group %s is not encrypted with a customer-managed KMS key", [r.address])
}
