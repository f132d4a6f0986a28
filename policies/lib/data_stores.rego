# METADATA
# title: Data-store resource types
# description: |
#   The one list of resource types that hold customer data, with the checks each needs.
#   Rules declare what they check in METADATA (custom.data_stores: check and types); the
#   conformance test (test/policies/data-stores.test.ts) fails when a type here lacks a rule
#   for one of its checks, unless the check is marked not applicable (with why) or listed as
#   a known gap (printed on every run, and refused once a rule closes it).
package leakguard.lib.data_stores

import rego.v1

# Check kinds a rule can make for a data store (custom.data_stores.check) …
checks := ["public-reachability", "encryption-at-rest", "encryption-in-transit", "backups", "audit-logging"]

# … and the ones every type needs.
required := ["public-reachability", "encryption-at-rest"]

# type → the service it belongs to.
types := {
	# AWS
	"aws_s3_bucket": "S3",
	"aws_db_instance": "RDS",
	"aws_rds_cluster": "RDS / Aurora",
	"aws_dynamodb_table": "DynamoDB",
	# Azure
	"azurerm_storage_account": "Storage",
	"azurerm_mssql_server": "SQL Database",
	"azurerm_sql_server": "SQL Database (legacy)",
	"azurerm_key_vault": "Key Vault",
}

# Checks that do not apply to a type, with the reason.
not_applicable := {"azurerm_key_vault": {"encryption-at-rest": "Key Vault always encrypts keys and secrets at rest with HSM-protected keys; there is no setting to get wrong"}}

# Checks a type still lacks a rule for, with the reason; the test prints them and fails once
# a rule covers one (so this list only shrinks).
known_gaps := {"aws_dynamodb_table": {"public-reachability": "DynamoDB resource policies (aws_dynamodb_resource_policy) are not read yet"}}
