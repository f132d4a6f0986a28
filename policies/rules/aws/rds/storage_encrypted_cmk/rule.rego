# METADATA
# title: RDS storage and backups not encrypted with a customer-managed key
# description: |
#   Snapshots and automated backups inherit the database's encryption; an unencrypted
#   instance or cluster leaves every backup readable by whoever gets a copy. RDS instances
#   (not cluster members) and Aurora/RDS clusters need storage_encrypted = true and a
#   kms_key_id (customer-managed key; without it RDS uses the AWS-managed aws/rds key).
#   An unset storage_encrypted is the provider's default: false, except on Aurora
#   Serverless v1 clusters (engine_mode "serverless"), which are always encrypted, so only
#   the customer-managed key can be missing there.
#   Unknowns: a key id unknown at plan time but set by reference counts as set; one the
#   provider computes (not configured) is the AWS-managed key and does not; a
#   storage_encrypted flag unknown at plan time is not proven and is reported.
# custom:
#   id: aws-rds-encrypted-cmk
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_db_instance, aws_rds_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; business continuity and disaster recovery (backups)
#   remediation: |
#     Set storage_encrypted = true and kms_key_id = aws_kms_key.x.arn (encryption cannot be
#     added in place: restore an encrypted copy of a snapshot).
#   construct: HardenedPostgres
#   fix:
#     summary: Encrypt storage with a customer-managed key (aws_kms_key named after the database, added unless it exists)
#     edits:
#       - set: { storage_encrypted: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         comment: { kms_key_id: "leakguard: changing encryption replaces the database; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new HardenedPostgres(this, 'orders', { identifier: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id], classification: 'pii' });
#   runbook:
#     exposure: The database and its snapshots use the AWS-managed aws/rds key, whose policy cannot be narrowed; anyone allowed to restore or share snapshots reads the data
#     preserve:
#       - do: Record the instance's key
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}}
#       - do: List its snapshots and who they are shared with
#         run: aws rds describe-db-snapshots --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}}
#     contain:
#       - do: Snapshot the instance, then copy the snapshot re-encrypted with the customer-managed key
#         run: aws rds copy-db-snapshot --source-db-snapshot-identifier {{fill.snapshot-id}} --target-db-snapshot-identifier {{values.identifier|fill.db-instance-identifier}}-cmk --kms-key-id {{fill.kms-key-arn}} --region {{region}}
#       - do: Restore from the re-encrypted snapshot and cut clients over (the key of a running instance cannot be changed)
#         run: aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {{values.identifier|fill.db-instance-identifier}}-cmk --db-snapshot-identifier {{values.identifier|fill.db-instance-identifier}}-cmk --region {{region}}
#     verify:
#       - do: KmsKeyId of the new instance is the customer-managed key
#         run: aws rds describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}}-cmk --region {{region}} --query "DBInstances[0].KmsKeyId"
#   example: |
#     resource "aws_db_instance" "orders" {
#       identifier                  = "orders"
#       engine                      = "postgres"
#       instance_class              = "db.t4g.medium"
#       allocated_storage           = 50
#       username                    = "orders_admin"
#       manage_master_user_password = true
#       storage_encrypted           = true
#       kms_key_id                  = aws_kms_key.rds.arn
#     }
package leakguard.rules.aws.rds.storage_encrypted_cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

missing(r) := [what |
	some [what, ok] in [
		[sprintf("storage_encrypted (%s)", [encryption_state(r)]), encrypted(r)],
		["a customer-managed kms_key_id", cmk(r)],
	]
	not ok
]

encrypted(r) if r.values.storage_encrypted == true

else if {
	serverless(r)
	not configured_encryption(r)
} else := false

# Aurora Serverless v1 clusters are always encrypted: the provider's default is true there.
serverless(r) if {
	r.type == "aws_rds_cluster"
	object.get(r.values, "engine_mode", "provisioned") == "serverless"
}

configured_encryption(r) if object.get(r.values, "storage_encrypted", null) != null

configured_encryption(r) if resources.references_under(r, "storage_encrypted")

encryption_state(r) := "unknown at plan time" if resources.unresolved(r, "storage_encrypted")

else := "unknown at plan time" if {
	resources.unknown_at(r, "storage_encrypted")
	configured_encryption(r)
} else := "unset: false by default" if not configured_encryption(r)

else := resources.shown(r.values.storage_encrypted)

cmk(r) if resources.configured(r, "kms_key_id")

else := false

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.rds_storage_owners
	m := missing(r)
	count(m) > 0
	msg := sprintf("%s lacks %s; its storage, snapshots and backups are not under a customer-managed key", [r.address, concat(" and ", m)])
}
