# METADATA
# title: Amazon Keyspaces table without point-in-time recovery
# description: |
#   Point-in-time recovery (point_in_time_recovery { status = "ENABLED" }, off by default)
#   lets a Keyspaces table be restored to any second of the last 35 days after corruption,
#   a bad deployment or malicious writes; without it a deleted or overwritten row is gone.
#   Unknowns: a status configured but not readable before apply is reported; a recovery
#   setting the provider only computes (not configured: a plan shows it unknown) is the
#   DISABLED default.
# custom:
#   id: aws-keyspaces-pitr
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_keyspaces_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Add point_in_time_recovery { status = "ENABLED" } to the aws_keyspaces_table.
#   construct: EncryptedKeyspacesTable
#   fix:
#     summary: Turn on point-in-time recovery
#     edits:
#       - nested: point_in_time_recovery
#         set: { status: '"ENABLED"' }
#     cdktf:
#       option: "EncryptedKeyspacesTable always turns point-in-time recovery on"
#       snippet: |
#         new EncryptedKeyspacesTable(this, 'orders', { keyspaceName: 'shop', tableName: 'orders', columns: [{ name: 'order_id', type: 'text' }], partitionKeys: ['order_id'] });
#   runbook:
#     exposure: Rows deleted or overwritten by mistake, by an attacker or by ransomware cannot be restored to a moment before the incident
#     preserve:
#       - do: Record the table's settings, recovery included
#         run: aws keyspaces get-table --keyspace-name {{values.keyspace_name}} --table-name {{values.table_name}} --region {{region}}
#       - do: Export the management events on the table in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.table_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on point-in-time recovery
#         run: aws keyspaces update-table --keyspace-name {{values.keyspace_name}} --table-name {{values.table_name}} --point-in-time-recovery status=ENABLED --region {{region}}
#     verify:
#       - do: The recovery status reads ENABLED
#         run: aws keyspaces get-table --keyspace-name {{values.keyspace_name}} --table-name {{values.table_name}} --region {{region}} --query pointInTimeRecovery.status
#   example: |
#     resource "aws_keyspaces_table" "orders" {
#       keyspace_name = "shop"
#       table_name    = "orders"
#       schema_definition {
#         column {
#           name = "order_id"
#           type = "text"
#         }
#         partition_key {
#           name = "order_id"
#         }
#       }
#       point_in_time_recovery {
#         status = "ENABLED"
#       }
#     }
package leakguard.rules.aws.keyspaces.pitr

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_keyspaces_table")
	msg := message(r, stores.text(r, "point_in_time_recovery.status"))
}

message(r, "unknown") := sprintf("Keyspaces table %s has point_in_time_recovery.status unknown before apply; whether it can be restored cannot be verified", [r.address])

message(r, s) := sprintf("Keyspaces table %s has no point-in-time recovery (point_in_time_recovery.status %s): rows deleted or overwritten cannot be restored", [r.address, shown(s)]) if {
	not s in {"unknown", "ENABLED"}
}

shown("") := "not set: DISABLED"

shown(s) := s if s != ""
