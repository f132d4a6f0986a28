# METADATA
# title: RDS snapshot shared publicly or with an unknown account
# description: |
#   A DB or cluster snapshot is a full copy of the database. shared_accounts = ["all"] makes
#   a snapshot public (anyone can restore it); any other account that is not one of the
#   configured environment or trusted accounts (environment_accounts, trusted_account_ids)
#   can restore it too. Covers aws_db_snapshot, aws_db_cluster_snapshot, aws_db_snapshot_copy
#   and aws_rds_cluster_snapshot_copy.
#   Unknowns: a shared_accounts list not readable before apply is reported.
# custom:
#   id: aws-rds-snapshot-shared
#   control: backup-protection
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_db_snapshot, aws_db_cluster_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Business continuity and disaster recovery (backups); access controls
#   remediation: |
#     Remove "all" from shared_accounts and share only with your own accounts (listed in
#     environment_accounts or trusted_account_ids).
#   construct: HardenedPostgres
#   fix:
#     summary: Stop sharing the snapshot publicly (remove "all" from shared_accounts)
#     edits:
#       - remove: { name: shared_accounts, values: [all] }
#   runbook:
#     exposure: Other AWS accounts (or everyone, with "all") can restore the snapshot and read the whole database
#     preserve:
#       - do: Record who may restore the snapshot now
#         run: aws rds describe-db-snapshot-attributes --db-snapshot-identifier {{values.db_snapshot_identifier}} --region {{region}}
#       - do: Look up who shared the snapshot, and when, in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.db_snapshot_identifier}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove every account (and "all") from the restore attribute; restores already made are outside your control, report them
#         run: aws rds modify-db-snapshot-attribute --db-snapshot-identifier {{values.db_snapshot_identifier}} --attribute-name restore --values-to-remove {{fill.shared-account-ids-or-all}} --region {{region}}
#     verify:
#       - do: The restore attribute lists no account
#         run: aws rds describe-db-snapshot-attributes --db-snapshot-identifier {{values.db_snapshot_identifier}} --region {{region}}
#   example: |
#     resource "aws_db_snapshot" "orders_pre_migration" {
#       db_instance_identifier = "orders"
#       db_snapshot_identifier = "orders-pre-migration"
#       shared_accounts        = []
#     }
package leakguard.rules.aws.rds.snapshot_shared

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

snapshot_types := ["aws_db_snapshot", "aws_db_cluster_snapshot", "aws_db_snapshot_copy", "aws_rds_cluster_snapshot_copy"]

snapshots := [s | some t in snapshot_types; some s in resources.of_type(t)]

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in snapshots
	resources.unresolved(s, "shared_accounts")
	msg := sprintf("RDS snapshot %s has shared_accounts unknown before apply; it cannot be shown to stay private", [s.address])
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in snapshots
	not resources.unresolved(s, "shared_accounts")
	outside := stores.shared_outside(stores.shared_accounts(s, "shared_accounts"))
	count(outside) > 0
	msg := message(s, outside)
}

message(s, outside) := sprintf("RDS snapshot %s is public (shared_accounts includes all)", [s.address]) if "all" in outside

message(s, outside) := sprintf("RDS snapshot %s is shared with %s, not configured accounts", [s.address, concat(", ", sort(outside))]) if not "all" in outside
