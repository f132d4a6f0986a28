# METADATA
# title: Athena workgroup query results not encrypted under a customer-managed key
# description: |
#   Query results are copies of whatever the query selected, customer records included,
#   written to S3. A workgroup needs
#   configuration.result_configuration.encryption_configuration with SSE_KMS or CSE_KMS and
#   a customer-managed kms_key_arn (SSE_S3 uses an AWS-owned key; a customer-managed key is
#   required unless the workgroup is classified as holding no personal information), and
#   must not let clients override it (enforce_workgroup_configuration = false).
#   Unknowns: an option or flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-athena-workgroup-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_athena_workgroup]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Set configuration { enforce_workgroup_configuration = true, result_configuration {
#     encryption_configuration { encryption_option = "SSE_KMS", kms_key_arn =
#     aws_kms_key.x.arn } } }.
#   construct: EncryptedAthenaWorkgroup
#   fix:
#     summary: Encrypt query results with SSE_KMS under a customer-managed key (aws_kms_key named after the workgroup, added unless it exists) and enforce the workgroup's settings
#     edits:
#       - nested: configuration
#         set: { enforce_workgroup_configuration: true }
#       - nested: configuration.result_configuration.encryption_configuration
#         set: { encryption_option: '"SSE_KMS"', kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "EncryptedAthenaWorkgroup encrypts results with SSE_KMS under kmsKey (a HardenedKey, created when absent) and enforces the workgroup's settings"
#       snippet: |
#         new EncryptedAthenaWorkgroup(this, 'analysts', { name: 'analysts', outputLocation: 's3://shop-athena-results/analysts/' });
#   example: |
#     resource "aws_athena_workgroup" "analysts" {
#       name = "analysts"
#       configuration {
#         enforce_workgroup_configuration = true
#         result_configuration {
#           output_location = "s3://shop-athena-results/analysts/"
#           encryption_configuration {
#             encryption_option = "SSE_KMS"
#             kms_key_arn       = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#           }
#         }
#       }
#     }
package leakguard.rules.aws.athena.workgroup_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

encryption := "configuration.result_configuration.encryption_configuration"

option_problem(_, "unknown") := "encryption_option unknown before apply"

option_problem(_, "") := "query results not encrypted"

option_problem(r, "SSE_S3") := sprintf("results under SSE_S3, but %s: use SSE_KMS with a customer-managed kms_key_arn", [stores.cmk_reason(r)]) if stores.needs_cmk(r)

option_problem(r, option) := sprintf("%s without a customer-managed kms_key_arn (%s)", [option, stores.cmk_reason(r)]) if {
	option in {"SSE_KMS", "CSE_KMS"}
	stores.lacks_cmk(r, concat(".", [encryption, "kms_key_arn"]))
}

enforce_problem("off") := "clients may override the encryption (enforce_workgroup_configuration = false)"

enforce_problem("unknown") := "enforce_workgroup_configuration unknown before apply"

problems(r) := array.concat(
	[p | p := option_problem(r, stores.text(r, concat(".", [encryption, "encryption_option"])))],
	[p | p := enforce_problem(stores.setting(r, "configuration.enforce_workgroup_configuration"))],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_athena_workgroup")
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("Athena workgroup %s: %s", [r.address, concat("; ", ps)])
}
