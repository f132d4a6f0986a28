# METADATA
# title: Data-store automated backups kept too briefly
# description: |
#   Automated backups are what a ransomware or deletion incident is recovered from. Neptune
#   and DocumentDB clusters keep 1 day unless backup_retention_period says otherwise,
#   Redshift clusters 1 day (automated_snapshot_retention_period), and ElastiCache
#   replication groups, Redis/Valkey cache clusters outside a replication group, ElastiCache
#   Serverless caches and MemoryDB clusters none unless snapshot_retention_limit says
#   otherwise (0 turns automatic snapshots off); each must keep at least
#   backup_retention_days (default 7). Memcached keeps no data to back up and is skipped
#   (an engine not readable before apply is judged). RDS has its own rule
#   (aws-rds-backup-retention).
#   Unknowns: a retention not readable before apply is reported.
# custom:
#   id: aws-store-backup-retention
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_neptune_cluster, aws_docdb_cluster, aws_redshift_cluster, aws_elasticache_replication_group, aws_elasticache_cluster, aws_elasticache_serverless_cache, aws_memorydb_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set the retention attribute to at least backup_retention_days (e.g.
#     backup_retention_period = 14).
#   construct: EncryptedGraphDatabase
#   fix:
#     summary: Keep automated backups for the configured minimum (the smallest common retention at or above it)
#     edits:
#       - on: aws_neptune_cluster
#         set: { backup_retention_period: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_docdb_cluster
#         set: { backup_retention_period: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_redshift_cluster
#         set: { automated_snapshot_retention_period: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_elasticache_replication_group
#         set: { snapshot_retention_limit: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_elasticache_cluster
#         set: { snapshot_retention_limit: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_elasticache_serverless_cache
#         set: { snapshot_retention_limit: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#       - on: aws_memorydb_cluster
#         set: { snapshot_retention_limit: { smallest_of: [7, 14, 21, 28, 35], at_least: backup_retention_days } }
#     cdktf:
#       option: "backupRetentionDays (EncryptedGraphDatabase; EncryptedDocumentDatabase, PrivateWarehouse and EncryptedRedis take the same option)"
#       snippet: |
#         new EncryptedGraphDatabase(this, 'graph', { identifier: 'customer-graph', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], backupRetentionDays: 14 });
#   runbook:
#     exposure: Automated backups of the store are kept too briefly to restore data from before an incident that went unnoticed for longer
#     preserve:
#       - do: Take a manual snapshot now (Neptune shown; DocumentDB uses aws docdb create-db-cluster-snapshot, ElastiCache aws elasticache create-snapshot or create-serverless-snapshot, MemoryDB aws memorydb create-snapshot, Redshift aws redshift create-cluster-snapshot)
#         run: aws neptune create-db-cluster-snapshot --db-cluster-identifier {{values.cluster_identifier|values.replication_group_id|fill.cluster-identifier}} --db-cluster-snapshot-identifier {{values.cluster_identifier|values.replication_group_id|fill.cluster-identifier}}-leakguard-evidence --region {{region}}
#       - do: Record the retention and restore window available now
#         run: aws neptune describe-db-clusters --db-cluster-identifier {{values.cluster_identifier|values.replication_group_id|fill.cluster-identifier}} --region {{region}}
#     contain:
#       - do: Raise the retention to the configured minimum, now (DocumentDB takes the same options under aws docdb modify-db-cluster)
#         run: aws neptune modify-db-cluster --db-cluster-identifier {{values.cluster_identifier|values.replication_group_id|fill.cluster-identifier}} --backup-retention-period {{fill.retention-days}} --apply-immediately --region {{region}}
#     verify:
#       - do: BackupRetentionPeriod reads the new value
#         run: aws neptune describe-db-clusters --db-cluster-identifier {{values.cluster_identifier|values.replication_group_id|fill.cluster-identifier}} --region {{region}} --query "DBClusters[0].BackupRetentionPeriod"
#   example: |
#     resource "aws_docdb_cluster" "profiles" {
#       cluster_identifier          = "customer-profiles"
#       master_username             = "profiles_admin"
#       manage_master_user_password = true
#       storage_encrypted           = true
#       kms_key_id                  = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       backup_retention_period     = 14
#     }
package leakguard.rules.aws.backup.store_retention

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores as store_settings
import rego.v1

# Type → [label, retention attribute, service default in days].
stores := {
	"aws_neptune_cluster": ["Neptune cluster", "backup_retention_period", 1],
	"aws_docdb_cluster": ["DocumentDB cluster", "backup_retention_period", 1],
	"aws_redshift_cluster": ["Redshift cluster", "automated_snapshot_retention_period", 1],
	"aws_elasticache_replication_group": ["ElastiCache replication group", "snapshot_retention_limit", 0],
	"aws_elasticache_cluster": ["ElastiCache cache cluster", "snapshot_retention_limit", 0],
	"aws_elasticache_serverless_cache": ["ElastiCache Serverless cache", "snapshot_retention_limit", 0],
	"aws_memorydb_cluster": ["MemoryDB cluster", "snapshot_retention_limit", 0],
}

# Memcached keeps nothing to back up; a cache cluster in a replication group is judged with
# its group.
judged(r) if not r.type in {"aws_elasticache_cluster", "aws_elasticache_serverless_cache"}

judged(r) if {
	r.type == "aws_elasticache_serverless_cache"
	lower(store_settings.text(r, "engine")) != "memcached"
}

judged(r) if {
	r.type == "aws_elasticache_cluster"
	not resources.configured(r, "replication_group_id")
	not resources.interpolated(r, "replication_group_id")
	store_settings.cache_engine(r) != "memcached"
}

minimum := data.leakguard.lib.config.settings.backup_retention_days

retention(r, attr, default_days) := "unknown" if {
	resources.unresolved(r, attr)
} else := v if {
	some v in resources.values_at(r, attr)
	is_number(v)
} else := default_days

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, [label, attr, default_days] in stores
	some r in resources.of_type(t)
	judged(r)
	msg := message(r, label, attr, retention(r, attr, default_days))
}

message(r, label, attr, "unknown") := sprintf("%s %s has %s unknown before apply; backup retention cannot be verified", [label, r.address, attr])

message(r, label, attr, days) := sprintf("%s %s keeps automated backups %d days (%s); at least %d required", [label, r.address, days, attr, minimum]) if {
	is_number(days)
	days < minimum
}
