package leakguard.rules.aws.ssm.secure_parameter_test

import data.leakguard.rules.aws.ssm.secure_parameter as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

param(name, values) := t.resource("aws_ssm_parameter.p", object.union({"name": name}, values), {})

failing_input := t.with_index([param("/shop/db/password", {"type": "String", "value": "x"})])

test_plain_text_secret_fails if {
	k.summary(rule.deny) == {["aws-ssm-parameter-secure", "test/aws_ssm_parameter.p", "SSM parameter aws_ssm_parameter.p looks like a secret or holds personal information but is a String stored in plain text: use a SecureString"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([param("/shop/payments/API_TOKEN", {"type": "StringList"})])
	count(rule.deny) == 1 with input as t.with_index([k.tagged(param("/shop/customer-export", {"type": "String"}), {"data-classification": "pii"})])
}

test_plain_configuration_passes if {
	count(rule.deny) == 0 with input as t.with_index([param("/shop/feature-flags", {"type": "String"})])
}

test_secure_string_keys if {
	k.summary(rule.deny) == {["aws-ssm-parameter-secure", "test/aws_ssm_parameter.p", "SSM SecureString parameter aws_ssm_parameter.p is encrypted with an AWS-managed key, but it is not classified as holding no personal information: set key_id to a customer-managed key"]} with input as t.with_index([param("/shop/db/password", {"type": "SecureString"})])
	count(rule.deny) == 0 with input as t.with_index([param("/shop/db/password", {"type": "SecureString", "key_id": "alias/shop-secrets"})])
}

test_unknown_type_fails_for_secrets if {
	count(rule.deny) == 1 with input as t.with_index([param("/shop/db/password", {"type": "${var.type}"})])
	count(rule.deny) == 0 with input as t.with_index([param("/shop/region", {"type": "${var.type}"})])
}
