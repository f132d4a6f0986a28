package leakguard.rules.aws.kms.key_rotation_test

import data.leakguard.rules.aws.kms.key_rotation as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key(values) := t.resource("aws_kms_key.data", values, {})

failing_input := t.with_index([key({"enable_key_rotation": false})])

test_rotation_off_fails if {
	k.summary(rule.deny) == {["aws-kms-key-rotation", "test/aws_kms_key.data", "KMS key aws_kms_key.data does not rotate (enable_key_rotation is not true)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([key({})])
}

test_rotation_on_passes if {
	count(rule.deny) == 0 with input as t.with_index([key({"enable_key_rotation": true})])
}

test_asymmetric_key_is_skipped if {
	count(rule.deny) == 0 with input as t.with_index([key({"customer_master_key_spec": "RSA_2048", "enable_key_rotation": false})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-kms-key-rotation", "test/aws_kms_key.data", "KMS key aws_kms_key.data has enable_key_rotation unknown at plan time"]} with input as t.with_index([k.unknown(key({}), ["enable_key_rotation"])])
}
