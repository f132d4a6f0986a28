package leakguard.rules.aws.forensics.evidence_versioning_test

import data.leakguard.rules.aws.forensics.evidence_versioning as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.evidence", {"bucket": "shop-evidence"}, {}), {"purpose": "forensics"})

failing_input := t.with_index([bucket])

test_unversioned_evidence_fails if {
	k.summary(rule.deny) == {["aws-forensic-versioning", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence does not have versioning enabled"]} with input as failing_input
}

test_versioning_resource_passes if {
	v := t.resource("aws_s3_bucket_versioning.evidence", {"bucket": "shop-evidence", "versioning_configuration": [{"status": "Enabled"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, v])
	suspended := t.resource("aws_s3_bucket_versioning.evidence", {"versioning_configuration": {"status": "Suspended"}}, {"bucket": ["aws_s3_bucket.evidence"]})
	count(rule.deny) == 1 with input as t.with_index([bucket, suspended])
}

test_legacy_inline_versioning_passes if {
	count(rule.deny) == 0 with input as t.with_index([object.union(bucket, {"values": {"versioning": {"enabled": true}}})])
}
