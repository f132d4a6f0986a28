package leakguard.rules.aws.neptune.encryption_test

import data.leakguard.rules.aws.neptune.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(values) := t.resource("aws_neptune_cluster.graph", object.union({"engine": "neptune"}, values), {})

failing_input := t.with_index([cluster({"storage_encrypted": false})])

test_unencrypted_fails if {
	k.summary(rule.deny) == {["aws-neptune-encryption", "test/aws_neptune_cluster.graph", "Neptune cluster aws_neptune_cluster.graph is not encrypted at rest (storage_encrypted is not true)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([cluster({})])
}

test_keys if {
	count(rule.deny) == 1 with input as t.with_index([cluster({"storage_encrypted": true})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"storage_encrypted": true, "kms_key_arn": "arn:aws:kms:us-west-2:111122223333:key/k"})])
}

test_unknown_flag_fails if {
	r := object.union(k.unknown(cluster({}), ["storage_encrypted"]), {"references": {"storage_encrypted": ["test/terraform_data.flags"]}})
	k.summary(rule.deny) == {["aws-neptune-encryption", "test/aws_neptune_cluster.graph", "Neptune cluster aws_neptune_cluster.graph has storage_encrypted unknown before apply; its encryption at rest cannot be verified"]} with input as t.with_index([r])
}
