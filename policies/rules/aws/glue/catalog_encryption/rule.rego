# METADATA
# title: Glue Data Catalog not encrypted under a customer-managed key
# description: |
#   The Data Catalog holds table schemas, partition locations and connection passwords for
#   the data lake. aws_glue_data_catalog_encryption_settings must encrypt metadata at rest
#   (catalog_encryption_mode SSE-KMS or SSE-KMS-WITH-SERVICE-ROLE with a customer-managed
#   sse_aws_kms_key_id) and return connection passwords encrypted. A region with catalog
#   databases or tables but no encryption settings in the input is reported on each
#   database (the catalog is unencrypted by default).
#   Unknowns: a mode or flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-glue-catalog-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_glue_catalog_database]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information; inventory of personal information
#   remediation: |
#     Add aws_glue_data_catalog_encryption_settings with encryption_at_rest {
#     catalog_encryption_mode = "SSE-KMS", sse_aws_kms_key_id = aws_kms_key.x.arn } and
#     connection_password_encryption { return_connection_password_encrypted = true,
#     aws_kms_key_id = aws_kms_key.x.arn } in every region with a catalog.
#   construct: EncryptedDataCatalog
#   fix:
#     summary: Encrypt the Data Catalog with SSE-KMS under a customer-managed key (aws_kms_key named after the settings, added unless it exists) and return connection passwords encrypted
#     edits:
#       - on: aws_glue_data_catalog_encryption_settings
#         nested: data_catalog_encryption_settings.encryption_at_rest
#         set: { catalog_encryption_mode: '"SSE-KMS"', sse_aws_kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#       - on: aws_glue_data_catalog_encryption_settings
#         nested: data_catalog_encryption_settings.connection_password_encryption
#         set: { return_connection_password_encrypted: true }
#     cdktf:
#       option: "EncryptedDataCatalog encrypts the catalog and connection passwords under kmsKey (a HardenedKey, created when absent)"
#       snippet: |
#         new EncryptedDataCatalog(this, 'catalog', { kmsKey: catalogKey });
#   example: |
#     resource "aws_glue_data_catalog_encryption_settings" "this" {
#       data_catalog_encryption_settings {
#         encryption_at_rest {
#           catalog_encryption_mode = "SSE-KMS"
#           sse_aws_kms_key_id      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
#         connection_password_encryption {
#           return_connection_password_encrypted = true
#           aws_kms_key_id                        = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
#       }
#     }
package leakguard.rules.aws.glue.catalog_encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

base := "data_catalog_encryption_settings"

at_rest := concat(".", [base, "encryption_at_rest"])

mode_problem("unknown") := "catalog_encryption_mode unknown before apply"

mode_problem(m) := sprintf("metadata not encrypted at rest (catalog_encryption_mode %s)", [m]) if not m in {"unknown", "SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"}

key_problem(s, m) := "no customer-managed sse_aws_kms_key_id" if {
	m in {"SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"}
	not stores.customer_key(s, concat(".", [at_rest, "sse_aws_kms_key_id"]))
}

password_problem("unknown") := "return_connection_password_encrypted unknown before apply"

password_problem(state) := "connection passwords returned in plain text" if state in {"off", "unset"}

problems(s) := array.concat(
	array.concat([p | p := mode_problem(mode)], [p | p := key_problem(s, mode)]),
	[p | p := password_problem(stores.setting(s, concat(".", [base, "connection_password_encryption.return_connection_password_encrypted"])))],
) if {
	mode := stores.text(s, concat(".", [at_rest, "catalog_encryption_mode"]))
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("aws_glue_data_catalog_encryption_settings")
	ps := problems(s)
	count(ps) > 0
	msg := sprintf("Glue Data Catalog encryption settings %s: %s", [s.address, concat("; ", ps)])
}

# Regions whose catalog has encryption settings in the input (an unresolved region is a scope
# of its own, as everywhere).
configured_regions := {resources.region_of(s) | some s in resources.of_type("aws_glue_data_catalog_encryption_settings")}

# The catalog's region for a message: "(us-east-1)", or "(region unknown)".
shown(region) := region if resources.unresolved_scope(region)

else := sprintf("(%s)", [region])

deny contains finding.new(rego.metadata.chain(), db, msg) if {
	some db in resources.of_type("aws_glue_catalog_database")
	region := resources.region_of(db)
	not configured_regions[region]
	msg := sprintf("Glue catalog database %s is in a Data Catalog %s with no aws_glue_data_catalog_encryption_settings; its metadata is not encrypted", [db.address, shown(region)])
}
