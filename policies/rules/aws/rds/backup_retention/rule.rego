# METADATA
# title: RDS backup retention below the configured minimum
# description: |
#   Automated backups must be kept at least backup_retention_days so data lost to an
#   incident (ransomware, bad deploy) can be restored. Applies to stand-alone instances and
#   clusters; unset means the AWS default of 1 day.
#   Unknowns: a period unknown at plan time with no reference is the provider default (1
#   day) and is reported; one set by reference is reported as unverifiable.
# custom:
#   id: aws-rds-backup-retention
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_db_instance, aws_rds_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set backup_retention_period to at least the configured minimum (RDS allows up to 35;
#     use AWS Backup for longer).
#   construct: HardenedPostgres
#   fix:
#     summary: Keep automated backups for the configured number of days
#     edits:
#       - set: { backup_retention_period: '{{settings.backup_retention_days}}' }
#     cdktf:
#       option: "backupRetentionDays (default max(14, minBackupRetentionDays))"
#       snippet: |
#         new HardenedPostgres(this, 'orders', { identifier: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], classification: 'pii' });
#   runbook:
#     exposure: Automated backups are kept too briefly to restore data from before an incident that went unnoticed for longer
#     preserve:
#       - do: Take a manual snapshot now (kept until deleted, unlike automated backups)
#         run: aws rds create-db-snapshot --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --db-snapshot-identifier {{values.identifier|fill.db-instance-identifier}}-leakguard-evidence --region {{region}}
#       - do: Record the retention and the restore window available now
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}}
#     contain:
#       - do: Raise the retention to the configured minimum, now
#         run: aws rds modify-db-instance --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --backup-retention-period {{fill.retention-days}} --apply-immediately --region {{region}}
#     verify:
#       - do: BackupRetentionPeriod reads the new value
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}} --query "DBInstances[0].BackupRetentionPeriod"
#   example: |
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       backup_retention_period     = 14 # at least backup_retention_days; AWS Backup for longer
#       backup_window               = "03:00-04:00"
#     }
package leakguard.rules.aws.rds.backup_retention

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.backup_retention_days

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.rds_storage_owners
	msg := message(r)
}

message(r) := sprintf("%s keeps automated backups %d days (minimum %d)", [r.address, days, min_days]) if {
	days := r.values.backup_retention_period
	is_number(days)
	days < min_days
}

message(r) := sprintf("%s does not set backup_retention_period (AWS default 1 day; minimum %d)", [r.address, min_days]) if {
	object.get(r.values, "backup_retention_period", null) == null
	not resources.unresolved(r, "backup_retention_period")
	min_days > 1
}

message(r) := sprintf("%s has a backup retention unknown at plan time", [r.address]) if {
	resources.unresolved(r, "backup_retention_period")
}
