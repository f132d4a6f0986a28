package leakguard.rules.aws.forensics.evidence_object_lock_test

import data.leakguard.rules.aws.forensics.evidence_object_lock as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := k.tagged(t.resource("aws_s3_bucket.evidence", {"bucket": "shop-evidence", "object_lock_enabled": true}, {}), {"purpose": "forensics"})

lock(retention) := t.resource("aws_s3_bucket_object_lock_configuration.evidence", {"rule": {"default_retention": retention}}, {"bucket": ["aws_s3_bucket.evidence"]})

failing_input := t.with_index([bucket, lock({"mode": "GOVERNANCE", "days": 30})])

test_governance_short_retention_fails if {
	k.summary(rule.deny) == {["aws-forensic-object-lock", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence Object Lock is not COMPLIANCE mode for at least 365 days (GOVERNANCE 30 days)"]} with input as failing_input
}

test_no_lock_fails if {
	k.summary(rule.deny) == {["aws-forensic-object-lock", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence has no Object Lock default retention; evidence can be deleted or overwritten"]} with input as t.with_index([bucket])
}

test_compliance_lock_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, lock([{"mode": "COMPLIANCE", "days": 365}])])
	count(rule.deny) == 0 with input as t.with_index([bucket, lock({"mode": "COMPLIANCE", "years": 2})])
}

test_legacy_inline_lock_passes if {
	b := object.union(bucket, {"values": {"object_lock_configuration": [{"object_lock_enabled": "Enabled", "rule": [{"default_retention": [{"mode": "COMPLIANCE", "days": 400}]}]}]}})
	count(rule.deny) == 0 with input as t.with_index([b])
}

test_unknown_period_fails if {
	l := k.unknown(lock({"mode": "COMPLIANCE"}), ["rule.default_retention.days"])
	k.summary(rule.deny) == {["aws-forensic-object-lock", "test/aws_s3_bucket.evidence", "Evidence bucket aws_s3_bucket.evidence Object Lock is not COMPLIANCE mode for at least 365 days (COMPLIANCE period unknown)"]} with input as t.with_index([bucket, l])
}

test_untagged_bucket_is_not_evidence if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_s3_bucket.b", {}, {})])
}
