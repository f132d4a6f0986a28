# METADATA
# title: DynamoDB table without point-in-time recovery
# description: |
#   Point-in-time recovery (point_in_time_recovery.enabled, default false) lets a table be
#   restored to any second of the last 35 days after corruption or malicious writes.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: aws-dynamodb-pitr
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_dynamodb_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add point_in_time_recovery { enabled = true } to the aws_dynamodb_table.
#   construct: HardenedTable
#   fix:
#     summary: Turn on point-in-time recovery
#     edits:
#       - nested: point_in_time_recovery
#         set: { enabled: true }
#     cdktf:
#       option: "pitrRecoveryDays (point-in-time recovery is always on; default 35)"
#       snippet: |
#         new HardenedTable(this, 'customers', { name: 'customers', hashKey: 'customer_id', attributes: [{ name: 'customer_id', type: 'S' }], pitrRecoveryDays: 35, classification: 'pii' });
#   runbook:
#     exposure: Items deleted or overwritten by mistake, by an attacker or by ransomware cannot be restored to a moment before the incident
#     preserve:
#       - do: Take an on-demand backup now, the restore point and the evidence of the table as it is
#         run: aws dynamodb create-backup --table-name {{values.name}} --backup-name {{values.name}}-leakguard-evidence --region {{region}}
#       - do: Record the table's backup settings
#         run: aws dynamodb describe-continuous-backups --table-name {{values.name}} --region {{region}}
#       - do: Export the management events on the table in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on point-in-time recovery
#         run: aws dynamodb update-continuous-backups --table-name {{values.name}} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region {{region}}
#     verify:
#       - do: PointInTimeRecoveryStatus reads ENABLED
#         run: aws dynamodb describe-continuous-backups --table-name {{values.name}} --region {{region}} --query ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus
#   example: |
#     resource "aws_dynamodb_table" "orders" {
#       name         = "orders"
#       billing_mode = "PAY_PER_REQUEST"
#       hash_key     = "order_id"
#       attribute {
#         name = "order_id"
#         type = "S"
#       }
#
#       point_in_time_recovery {
#         enabled = true
#       }
#     }
package leakguard.rules.aws.dynamodb.pitr

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	not resources.any_true(r, "point_in_time_recovery.enabled")
	msg := message(r)
}

# No block at all is off (a plan shows the provider's computed block as unknown); only a
# flag set from what apply knows is unknown.
message(r) := sprintf("DynamoDB table %s has point-in-time recovery unknown at plan time", [r.address]) if {
	resources.unknown_at(r, "point_in_time_recovery.enabled")
	not resources.computed_unset(r, "point_in_time_recovery")
} else := sprintf("DynamoDB table %s has no point-in-time recovery (it is off unless point_in_time_recovery { enabled = true })", [r.address])
