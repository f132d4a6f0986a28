package leakguard.rules.aws.glue.catalog_encryption_test

import data.leakguard.rules.aws.glue.catalog_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

settings(at_rest, password) := t.resource("aws_glue_data_catalog_encryption_settings.this", {"data_catalog_encryption_settings": [{"encryption_at_rest": [at_rest], "connection_password_encryption": [password]}]}, {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

database := t.resource("aws_glue_catalog_database.orders", {"name": "orders"}, {})

failing_input := t.with_index([settings({"catalog_encryption_mode": "DISABLED"}, {"return_connection_password_encrypted": false})])

test_disabled_fails if {
	k.summary(rule.deny) == {["aws-glue-catalog-encryption", "test/aws_glue_data_catalog_encryption_settings.this", "Glue Data Catalog encryption settings aws_glue_data_catalog_encryption_settings.this: metadata not encrypted at rest (catalog_encryption_mode DISABLED); connection passwords returned in plain text"]} with input as failing_input
}

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-glue-catalog-encryption", "test/aws_glue_data_catalog_encryption_settings.this", "Glue Data Catalog encryption settings aws_glue_data_catalog_encryption_settings.this: no customer-managed sse_aws_kms_key_id"]} with input as t.with_index([settings({"catalog_encryption_mode": "SSE-KMS"}, {"return_connection_password_encrypted": true})])
}

test_database_without_settings_fails if {
	k.summary(rule.deny) == {["aws-glue-catalog-encryption", "test/aws_glue_catalog_database.orders", "Glue catalog database aws_glue_catalog_database.orders is in a Data Catalog (us-west-2) with no aws_glue_data_catalog_encryption_settings; its metadata is not encrypted"]} with input as t.with_index([database])
	count(rule.deny) == 1 with input as t.with_index([database, k.in_region(settings({"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": cmk}, {"return_connection_password_encrypted": true}), "eu-west-1")])
}

test_encrypted_passes if {
	count(rule.deny) == 0 with input as t.with_index([database, settings({"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": cmk}, {"return_connection_password_encrypted": true, "aws_kms_key_id": cmk})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([settings({"catalog_encryption_mode": "${var.mode}"}, {"return_connection_password_encrypted": true})])
}

# No provider region (it comes from the environment): the catalog's region is shown unknown,
# not as null, and settings in the same unresolved region count for it (audit j1).
test_unresolved_region if {
	db := object.union(database, {"region": null})
	k.summary(rule.deny) == {["aws-glue-catalog-encryption", "test/aws_glue_catalog_database.orders", "Glue catalog database aws_glue_catalog_database.orders is in a Data Catalog (region unknown) with no aws_glue_data_catalog_encryption_settings; its metadata is not encrypted"]} with input as t.with_index([db])
	good := object.union(settings({"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": cmk}, {"return_connection_password_encrypted": true, "aws_kms_key_id": cmk}), {"region": null})
	count(rule.deny) == 0 with input as t.with_index([db, good])
}
