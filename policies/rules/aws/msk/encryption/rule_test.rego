package leakguard.rules.aws.msk.encryption_test

import data.leakguard.rules.aws.msk.encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(encryption) := t.resource("aws_msk_cluster.events", {"cluster_name": "events", "encryption_info": [encryption]}, {})

cmk := "arn:aws:kms:us-west-2:111122223333:key/k"

failing_input := t.with_index([cluster({"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT", "in_cluster": false}]})])

test_plain_text_and_aws_managed_key_fail if {
	k.summary(rule.deny) == {["aws-msk-encryption", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events: client_broker TLS_PLAINTEXT accepts plain text; in_cluster encryption off; no customer-managed encryption_at_rest_kms_key_arn (it is not classified as holding no personal information)"]} with input as failing_input
}

test_defaults_with_cmk_pass if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"encryption_at_rest_kms_key_arn": cmk})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"encryption_at_rest_kms_key_arn": cmk, "encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]})])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(cluster({}), {"data-classification": "internal"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-msk-encryption", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events: client_broker unknown before apply"]} with input as t.with_index([cluster({"encryption_at_rest_kms_key_arn": cmk, "encryption_in_transit": [{"client_broker": "${var.mode}"}]})])
}
