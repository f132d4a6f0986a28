# METADATA
# title: DynamoDB global-table replica without point-in-time recovery or the table's customer-managed key
# description: |
#   A replica of a global table (aws_dynamodb_table replica block) holds a full copy of the
#   customer data in another region but takes neither of the table's protections:
#   point_in_time_recovery is off unless the replica sets it (its default is false, whatever
#   the table has), and a replica without kms_key_arn is encrypted with the AWS-managed
#   aws/dynamodb key of its region even when the table uses a customer-managed key, so the
#   key policy no longer governs reads of that copy. The finding is on the table and names
#   the replica's region_name. A replica declared on its own (aws_dynamodb_table_replica) is
#   judged the same way and reported on itself, its table's key read through global_table_arn
#   when that table is in the input. (A table without a customer-managed key is reported by
#   aws-dynamodb-cmk.)
#   Unknowns: a replica's point_in_time_recovery not readable before apply is not proven and
#   is reported; a replica key set by reference counts as set (a plan does not say
#   which replica a computed key belongs to, so a table with any replica key set by reference
#   has each replica without a literal key counted as set). Replica blocks set but unknown at
#   plan time (a dynamic block over a value known only after apply) are reported: that each
#   replica has point-in-time recovery cannot be verified.
# custom:
#   id: aws-dynamodb-replica-protection
#   control: backup-protection
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: backups
#     types: [aws_dynamodb_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups); encryption of personal information
#   remediation: |
#     In every replica block (or aws_dynamodb_table_replica) set point_in_time_recovery = true and, when the table uses a
#     customer-managed key, kms_key_arn = a customer-managed key in the replica's region (a
#     replica key of a multi-Region key, or a key created with that region's provider).
#   construct: HardenedTable
#   runbook:
#     exposure: The replica's copy of the customer data in another region cannot be restored to a moment before an incident, or is encrypted under a key the table's key policy does not govern
#     preserve:
#       - do: Record the global table's replicas with their keys and status
#         run: aws dynamodb describe-table --table-name {{values.name}} --region {{region}} --query Table.Replicas
#       - do: Take an on-demand backup of the replica now, the restore point and the evidence of its data as it is
#         run: aws dynamodb create-backup --table-name {{values.name}} --backup-name {{values.name}}-leakguard-evidence --region {{fill.replica-region}}
#       - do: Record the replica's backup settings in its region
#         run: aws dynamodb describe-continuous-backups --table-name {{values.name}} --region {{fill.replica-region}}
#       - do: Export the management events on the table in the replica's region in the exposure window
#         run: aws cloudtrail lookup-events --region {{fill.replica-region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on point-in-time recovery for the replica, in its region
#         run: aws dynamodb update-continuous-backups --table-name {{values.name}} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region {{fill.replica-region}}
#       - do: Encrypt the replica with a customer-managed key of its region (online; no downtime)
#         run: aws dynamodb update-table --table-name {{values.name}} --region {{region}} --replica-updates "Update={RegionName={{fill.replica-region}},KMSMasterKeyId={{fill.replica-kms-key-arn}}}"
#     verify:
#       - do: PointInTimeRecoveryStatus reads ENABLED in the replica's region
#         run: aws dynamodb describe-continuous-backups --table-name {{values.name}} --region {{fill.replica-region}} --query ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus
#       - do: Every replica names its customer-managed key (KMSMasterKeyId)
#         run: aws dynamodb describe-table --table-name {{values.name}} --region {{region}} --query Table.Replicas
#   example: |
#     resource "aws_dynamodb_table" "orders" {
#       name             = "orders"
#       billing_mode     = "PAY_PER_REQUEST"
#       hash_key         = "order_id"
#       stream_enabled   = true
#       stream_view_type = "NEW_AND_OLD_IMAGES"
#       attribute {
#         name = "order_id"
#         type = "S"
#       }
#       replica {
#         region_name            = "eu-west-1"
#         point_in_time_recovery = true
#       }
#     }
package leakguard.rules.aws.dynamodb.replica_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	some rep in resources.blocks_at(r, "replica")
	msg := pitr_message(r, rep)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	table_cmk(r)
	some rep in resources.blocks_at(r, "replica")
	not replica_key(r, rep)
	msg := sprintf("DynamoDB table %s uses a customer-managed key but its replica in %s has no kms_key_arn of its own and is encrypted with the AWS-managed key", [r.address, region_of(rep)])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	table_cmk(r)
	some rep in resources.blocks_at(r, "replica")
	k := object.get(rep, "kms_key_arn", null)
	is_string(k)
	stores.aws_managed_alias(k)
	msg := sprintf("DynamoDB table %s uses a customer-managed key but its replica in %s is encrypted with the AWS-managed key %s", [r.address, region_of(rep), k])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	resources.unresolved(r, "replica")
	msg := sprintf("DynamoDB table %s has replicas unknown at plan time; that each replica has point-in-time recovery and its own key cannot be verified", [r.address])
}

# Replicas declared as resources of their own, in their provider's region.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table_replica")
	msg := standalone_pitr_message(r)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table_replica")
	some table in resources.linked_to_type(r, "global_table_arn", "aws_dynamodb_table")
	table_cmk(table)
	not resources.configured(r, "kms_key_arn")
	msg := sprintf("DynamoDB table replica %s in %s has no kms_key_arn while its table %s uses a customer-managed key; the replica is encrypted with the AWS-managed key", [r.address, resources.region_of(r), table.address])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table_replica")
	k := object.get(r.values, "kms_key_arn", null)
	is_string(k)
	stores.aws_managed_alias(k)
	msg := sprintf("DynamoDB table replica %s in %s is encrypted with the AWS-managed key %s", [r.address, resources.region_of(r), k])
}

standalone_pitr_message(r) := sprintf("DynamoDB table replica %s in %s has point-in-time recovery unknown at plan time", [r.address, resources.region_of(r)]) if {
	resources.unresolved(r, "point_in_time_recovery")
} else := sprintf("DynamoDB table replica %s in %s has no point-in-time recovery (a replica's point_in_time_recovery is false unless set)", [r.address, resources.region_of(r)]) if {
	not object.get(r.values, "point_in_time_recovery", null) in {true, "true"}
}

# A replica without point-in-time recovery, false or unset alike (a plan writes the unset
# default as false, so both read the same).
pitr_message(r, rep) := sprintf("DynamoDB table %s has a replica in %s with point-in-time recovery unknown at plan time", [r.address, region_of(rep)]) if {
	pitr_unknown(r, rep)
} else := sprintf("DynamoDB table %s has a replica in %s without point-in-time recovery (a replica's point_in_time_recovery is false unless set)", [r.address, region_of(rep)]) if {
	not object.get(rep, "point_in_time_recovery", null) in {true, "true"}
}

pitr_unknown(_, rep) if {
	v := object.get(rep, "point_in_time_recovery", null)
	is_string(v)
	contains(v, "${")
}

pitr_unknown(r, rep) if {
	object.get(rep, "point_in_time_recovery", null) == null
	resources.unknown_at(r, "replica.point_in_time_recovery")
}

# The table is encrypted with a customer-managed key (the aws-dynamodb-cmk reading).
table_cmk(r) if {
	resources.any_true(r, "server_side_encryption.enabled")
	stores.customer_key(r, "server_side_encryption.kms_key_arn")
}

replica_key(_, rep) if {
	k := object.get(rep, "kms_key_arn", null)
	is_string(k)
	k != ""
}

replica_key(r, rep) if {
	object.get(rep, "kms_key_arn", null) == null
	resources.references_under(r, "replica.kms_key_arn")
}

region_of(rep) := rep.region_name if resources.literal(rep.region_name)

else := "a region unknown at plan time"
