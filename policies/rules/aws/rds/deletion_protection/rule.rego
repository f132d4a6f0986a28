# METADATA
# title: RDS deletion protection off
# description: |
#   Without deletion_protection (default false) one destroy, console click or compromised
#   pipeline deletes the database and, by default, its automated backups.
#   Applies to stand-alone instances and clusters.
#   Unknowns: a flag unknown at plan time is not proven and is reported.
# custom:
#   id: aws-rds-deletion-protection
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set deletion_protection = true (and delete_automated_backups = false).
#   construct: HardenedPostgres
#   fix:
#     summary: Turn on deletion protection
#     edits:
#       - set: { deletion_protection: true }
#     cdktf:
#       option: "HardenedPostgres always sets deletion protection"
#       snippet: |
#         new HardenedPostgres(this, 'orders', { identifier: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], classification: 'pii' });
#   runbook:
#     exposure: One API call (or a terraform destroy) deletes the database, and with skip_final_snapshot its data is gone
#     preserve:
#       - do: Take a manual snapshot now
#         run: aws rds create-db-snapshot --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --db-snapshot-identifier {{values.identifier|fill.db-instance-identifier}}-leakguard-evidence --region {{region}}
#       - do: Export deletion attempts in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=DeleteDBInstance --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on deletion protection, now
#         run: aws rds modify-db-instance --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --deletion-protection --apply-immediately --region {{region}}
#     verify:
#       - do: DeletionProtection reads true
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}} --query "DBInstances[0].DeletionProtection"
#   example: |
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       deletion_protection         = true
#       delete_automated_backups    = false
#       skip_final_snapshot         = false
#       final_snapshot_identifier   = "orders-final"
#     }
package leakguard.rules.aws.rds.deletion_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.rds_storage_owners
	object.get(r.values, "deletion_protection", false) != true
	msg := message(r)
}

message(r) := sprintf("%s has deletion protection unknown at plan time", [r.address]) if resources.unknown_at(r, "deletion_protection")

message(r) := sprintf("%s can be deleted without turning off deletion protection first", [r.address]) if not resources.unknown_at(r, "deletion_protection")
