# METADATA
# title: RDS snapshot not encrypted
# description: |
#   aws_db_snapshot and aws_db_cluster_snapshot are encrypted exactly when the instance or
#   cluster they are taken from has storage_encrypted = true; aws_db_snapshot_copy and
#   aws_rds_cluster_snapshot_copy are encrypted when they set kms_key_id or copy an encrypted
#   snapshot.
#   Unknowns: a snapshot of a database that is not in the input, or a copy of a snapshot
#   that is not, cannot be verified and is reported.
# custom:
#   id: aws-rds-snapshot-encryption
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_db_snapshot, aws_db_cluster_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Business continuity and disaster recovery (backups); encryption of personal information
#   remediation: |
#     Encrypt the source database (storage_encrypted = true, kms_key_id), or copy the
#     snapshot with a customer-managed kms_key_id and delete the unencrypted one.
#   construct: HardenedPostgres
#   runbook:
#     exposure: The snapshot holds the database unencrypted; any account it is shared with, and every restore from it, reads the data in the clear
#     preserve:
#       - do: Record who may restore the snapshot (sharing)
#         run: aws rds describe-db-snapshot-attributes --db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}} --region {{region}}
#       - do: Export the sharing and copy events in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.db_snapshot_identifier|fill.snapshot-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Stop sharing the snapshot with every account
#         run: aws rds modify-db-snapshot-attribute --db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}} --attribute-name restore --values-to-remove all --region {{region}}
#       - do: Copy it encrypted with the customer-managed key
#         run: aws rds copy-db-snapshot --source-db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}} --target-db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}}-encrypted --kms-key-id {{fill.kms-key-arn}} --region {{region}}
#       - do: Delete the unencrypted snapshot once the copy is available
#         run: aws rds delete-db-snapshot --db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}} --region {{region}}
#         destructive: true
#     verify:
#       - do: The copy reads Encrypted true
#         run: aws rds describe-db-snapshots --db-snapshot-identifier {{values.db_snapshot_identifier|fill.snapshot-id}}-encrypted --region {{region}} --query "DBSnapshots[0].Encrypted"
#   example: |
#     resource "aws_db_snapshot_copy" "orders_encrypted" {
#       source_db_snapshot_identifier = "arn:aws:rds:us-west-2:111122223333:snapshot:orders-pre-migration"
#       target_db_snapshot_identifier = "orders-pre-migration-encrypted"
#       kms_key_id                    = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
package leakguard.rules.aws.rds.snapshot_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# Snapshot type → [attribute naming its source, source type].
sources := {
	"aws_db_snapshot": ["db_instance_identifier", "aws_db_instance"],
	"aws_db_cluster_snapshot": ["db_cluster_identifier", "aws_rds_cluster"],
	"aws_db_snapshot_copy": ["source_db_snapshot_identifier", "aws_db_snapshot"],
	"aws_rds_cluster_snapshot_copy": ["source_db_cluster_snapshot_identifier", "aws_db_cluster_snapshot"],
}

copy_types := {"aws_db_snapshot_copy", "aws_rds_cluster_snapshot_copy"}

database_state(db) := "on" if {
	stores.setting(db, "storage_encrypted") == "on"
} else := "unknown" if {
	stores.setting(db, "storage_encrypted") == "unknown"
} else := "off"

# A snapshot's encryption: its source database's.
snapshot_state(s) := database_state(db) if {
	[attr, t] := sources[s.type]
	some db in resources.linked_to_type(s, attr, t)
} else := "unknown"

# A copy's: its own key, else the snapshot it copies.
copy_state(s) := "on" if {
	resources.configured(s, "kms_key_id")
} else := snapshot_state(src) if {
	[attr, t] := sources[s.type]
	some src in resources.linked_to_type(s, attr, t)
} else := "unknown"

state(s) := snapshot_state(s) if not s.type in copy_types

state(s) := copy_state(s) if s.type in copy_types

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some t, _ in sources
	some s in resources.of_type(t)
	msg := message(s, state(s))
}

message(s, "off") := sprintf("RDS snapshot %s is not encrypted (its source database has no storage encryption)", [s.address])

message(s, "unknown") := sprintf("RDS snapshot %s: its encryption cannot be verified before apply (source not in the input or its flag unknown)", [s.address])
