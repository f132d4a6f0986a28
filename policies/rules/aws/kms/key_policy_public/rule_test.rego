package leakguard.rules.aws.kms.key_policy_public_test

import data.leakguard.rules.aws.kms.key_policy_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key(statements) := t.resource("aws_kms_key.data", {"policy": json.marshal({"Statement": statements})}, {})

failing_input := t.with_index([key([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}])])

test_public_key_policy_fails if {
	k.summary(rule.deny) == {["aws-kms-key-policy-public", "test/aws_kms_key.data", "Key policy of aws_kms_key.data allows kms:* to every principal without a restricting condition"]} with input as failing_input
}

test_root_and_scoped_service_pass if {
	count(rule.deny) == 0 with input as t.with_index([key([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "kms:*", "Resource": "*"},
		{"Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt"], "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111111111111", "kms:ViaService": "s3.us-west-2.amazonaws.com"}}},
	])])
}

test_default_policy_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_kms_key.data", {}, {}), ["policy"])])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_kms_key.data", {}, {})])
}

test_key_policy_resource_unreadable_fails if {
	p := t.resource("aws_kms_key_policy.data", {"policy": "${jsonencode(local.p)}"}, {"key_id": ["aws_kms_key.data"]})
	k.summary(rule.deny) == {["aws-kms-key-policy-public", "test/aws_kms_key_policy.data", "Key policy of aws_kms_key_policy.data cannot be read before apply; it cannot be shown not to allow every principal"]} with input as t.with_index([p])
}

test_allow_with_not_principal_fails if {
	k.summary(rule.deny) == {["aws-kms-key-policy-public", "test/aws_kms_key.data", "Key policy of aws_kms_key.data allows kms:decrypt (NotPrincipal: all but those it names) to every principal without a restricting condition"]} with input as t.with_index([key([{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "kms:Decrypt", "Resource": "*"}])])
}

# kms:ViaService alone: every account's requests through S3 may use the key.
test_via_service_alone_fails if {
	count(rule.deny) == 1 with input as t.with_index([key([{"Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt"], "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.us-west-2.amazonaws.com"}}}])])
}
