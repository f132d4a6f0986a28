package leakguard.rules.aws.guardduty.s3_protection_test

import data.leakguard.rules.aws.guardduty.s3_protection as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

detector := t.resource("aws_guardduty_detector.d", {"enable": true}, {})

failing_input := t.with_index([detector])

test_detector_without_s3_protection_fails if {
	k.summary(rule.deny) == {["aws-guardduty-s3-protection", "test/aws_guardduty_detector.d", "GuardDuty detector aws_guardduty_detector.d does not have S3 protection (S3_DATA_EVENTS) enabled"]} with input as failing_input
}

test_feature_resource_passes if {
	f := t.resource("aws_guardduty_detector_feature.s3", {"name": "S3_DATA_EVENTS", "status": "ENABLED"}, {"detector_id": ["aws_guardduty_detector.d"]})
	count(rule.deny) == 0 with input as t.with_index([detector, f])
	off := t.resource("aws_guardduty_detector_feature.s3", {"name": "S3_DATA_EVENTS", "status": "DISABLED"}, {"detector_id": ["aws_guardduty_detector.d"]})
	count(rule.deny) == 1 with input as t.with_index([detector, off])
}

test_legacy_datasources_pass if {
	d := t.resource("aws_guardduty_detector.d", {"datasources": [{"s3_logs": [{"enable": true}]}]}, {})
	count(rule.deny) == 0 with input as t.with_index([d])
}
