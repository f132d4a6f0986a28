# METADATA
# title: DynamoDB table not encrypted with a customer-managed key
# description: |
#   Tables (and their backups and PITR data) are encrypted with an AWS-owned key unless
#   server_side_encryption { enabled = true, kms_key_arn = <CMK> }; enabled without a key
#   uses the AWS-managed aws/dynamodb key, which cannot be restricted or revoked.
#   Unknowns: a key unknown at plan time but set by reference counts as set; an enabled
#   flag unknown at plan time is not proven and is reported.
# custom:
#   id: aws-dynamodb-cmk
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_dynamodb_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; business continuity and disaster recovery (backups)
#   remediation: |
#     Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.x.arn }.
#   construct: HardenedTable
#   fix:
#     summary: Encrypt the table with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - nested: server_side_encryption
#         set: { enabled: true, kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new HardenedTable(this, 'customers', { name: 'customers', hashKey: 'customer_id', attributes: [{ name: 'customer_id', type: 'S' }], kmsKey: tableKey, classification: 'pii' });
#   runbook:
#     exposure: The table and its backups are encrypted with an AWS-owned or AWS-managed key, so reads of its data are governed by IAM alone and cannot be restricted or audited through a key policy
#     preserve:
#       - do: Record the table's encryption as it is now
#         run: aws dynamodb describe-table --table-name {{values.name}} --region {{region}}
#       - do: List the table's backups (they keep the old key)
#         run: aws dynamodb list-backups --table-name {{values.name}} --region {{region}}
#       - do: Export the management events on the table in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Switch the table to the customer-managed key (online; no downtime)
#         run: aws dynamodb update-table --table-name {{values.name}} --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId={{fill.kms-key-arn}} --region {{region}}
#     verify:
#       - do: SSEDescription names the customer-managed key
#         run: aws dynamodb describe-table --table-name {{values.name}} --region {{region}} --query Table.SSEDescription
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
#       server_side_encryption {
#         enabled     = true
#         kms_key_arn = aws_kms_key.orders.arn
#       }
#     }
package leakguard.rules.aws.dynamodb.cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

cmk(r) if {
	resources.any_true(r, "server_side_encryption.enabled")
	key_set(r)
}

# A key other than the AWS-managed one (alias/aws/dynamodb is a valid kms_key_arn, and had passed).
key_set(r) if {
	some k in resources.values_at(r, "server_side_encryption.kms_key_arn")
	stores.customer_key_value(k)
}

key_set(r) if resources.references_under(r, "server_side_encryption.kms_key_arn")

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_dynamodb_table")
	not cmk(r)
	msg := sprintf("DynamoDB table %s is not encrypted with a customer-managed KMS key", [r.address])
}
