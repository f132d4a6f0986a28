# METADATA
# title: Log group retention unbounded or out of range
# description: |
#   Logs hold customer data (identifiers, IPs, request bodies): kept forever they become a
#   breach target and a retention-policy violation; kept too briefly they cannot support an
#   investigation. retention_in_days must be within [log_retention_min_days,
#   log_retention_max_days]; absent or 0 means never expire.
#   Unknowns: a retention unknown at plan time cannot be shown in range and is reported.
# custom:
#   id: aws-log-group-retention
#   control: log-retention
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Retention and disposal of personal information; audit-log management
#   remediation: |
#     Set retention_in_days to a CloudWatch value within the configured range (e.g. 90,
#     180, 365).
#   construct: BoundedLogGroup
#   fix:
#     summary: Keep the logs for the shortest CloudWatch retention period inside the configured range
#     edits:
#       - set:
#           retention_in_days:
#             smallest_of: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
#             at_least: log_retention_min_days
#             at_most: log_retention_max_days
#     cdktf:
#       option: "retentionDays within minRetentionDays..maxRetentionDays (default 365)"
#       snippet: |
#         new BoundedLogGroup(this, 'orders-logs', { name: '/shop/orders', retentionDays: 90, minRetentionDays: 90, maxRetentionDays: 400, classification: 'pii' });
#   example: |
#     resource "aws_cloudwatch_log_group" "orders" {
#       name       = "/shop/orders"
#       kms_key_id = aws_kms_key.logs.arn
#
#       # A CloudWatch value within [log_retention_min_days, log_retention_max_days] (default 90-400).
#       retention_in_days = 365
#     }
package leakguard.rules.aws.cloudwatch.log_group_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.log_retention_min_days

max_days := config.settings.log_retention_max_days

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_cloudwatch_log_group")
	msg := message(r, object.get(r.values, "retention_in_days", null))
}

# Retention values that keep logs forever (a rule: a literal in message() is built on every call).
never := {null, 0}

message(r, days) := sprintf("Log group %s never expires its logs (retention_in_days unset or 0); keep %d-%d days", [r.address, min_days, max_days]) if {
	days in never
	not resources.unknown_at(r, "retention_in_days")
	not resources.interpolated(r, "retention_in_days")
}

message(r, days) := sprintf("Log group %s keeps logs %d days, outside %d-%d", [r.address, days, min_days, max_days]) if {
	is_number(days)
	days != 0
	not in_range(days)
}

message(r, _) := sprintf("Log group %s has a retention unknown at plan time", [r.address]) if resources.unknown_at(r, "retention_in_days")

message(r, _) := sprintf("Log group %s has a retention unknown at plan time", [r.address]) if resources.interpolated(r, "retention_in_days")

in_range(days) if {
	days >= min_days
	days <= max_days
}
