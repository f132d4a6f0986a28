package leakguard.rules.aws.secretsmanager.cmk_test

import data.leakguard.rules.aws.secretsmanager.cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

secret(values) := t.resource("aws_secretsmanager_secret.db", object.union({"name": "orders/db"}, values), {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

failing_input := t.with_index([secret({})])

test_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-secretsmanager-cmk", "test/aws_secretsmanager_secret.db", "Secrets Manager secret aws_secretsmanager_secret.db is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set kms_key_id to a customer-managed key"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([secret({"kms_key_id": "alias/aws/secretsmanager"})])
}

test_replica_under_aws_managed_key_fails if {
	k.summary(rule.deny) == {["aws-secretsmanager-cmk", "test/aws_secretsmanager_secret.db", "Secrets Manager secret aws_secretsmanager_secret.db has a replica in eu-west-1 under an AWS-managed key: set its kms_key_id to a customer-managed key"]} with input as t.with_index([secret({"kms_key_id": cmk, "replica": [{"region": "eu-west-1"}]})])
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as t.with_index([secret({"kms_key_id": cmk, "replica": [{"region": "eu-west-1", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/r"}]})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(secret({}), {"data-classification": "internal"})])
	ref := object.union(secret({"replica": [{"region": "eu-west-1"}]}), {"references": {"kms_key_id": ["test/aws_kms_key.k"], "replica.kms_key_id": ["test/aws_kms_key.r"]}})
	count(rule.deny) == 0 with input as t.with_index([ref])
}
