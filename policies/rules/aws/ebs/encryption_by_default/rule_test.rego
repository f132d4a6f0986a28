package leakguard.rules.aws.ebs.encryption_by_default_test

import data.leakguard.rules.aws.ebs.encryption_by_default as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([t.resource("aws_ebs_encryption_by_default.this", {"enabled": false}, {})])

test_disabled_fails if {
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_ebs_encryption_by_default.this", "aws_ebs_encryption_by_default.this turns EBS encryption by default off in us-west-2"]} with input as failing_input
}

test_enabled_or_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ebs_encryption_by_default.this", {"enabled": true}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ebs_encryption_by_default.this", {}, {})])
}

test_unknown_fails if {
	r := t.resource("aws_ebs_encryption_by_default.this", {"enabled": "${var.on}"}, {})
	k.summary(rule.deny) == {["aws-ebs-encryption-by-default", "test/aws_ebs_encryption_by_default.this", "aws_ebs_encryption_by_default.this has enabled unknown before apply; EBS encryption by default cannot be verified"]} with input as t.with_index([r])
}
