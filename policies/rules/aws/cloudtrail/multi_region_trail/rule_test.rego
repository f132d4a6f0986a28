package leakguard.rules.aws.cloudtrail.multi_region_trail_test

import data.leakguard.rules.aws.cloudtrail.multi_region_trail as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop"}, {})

good := {"is_multi_region_trail": true, "enable_log_file_validation": true, "kms_key_id": "${aws_kms_key.audit.arn}", "include_global_service_events": true}

failing_input := t.with_index([bucket])

test_no_trail_reports_the_estate if {
	k.summary(rule.deny) == {["aws-cloudtrail-multi-region", "estate:aws", "No CloudTrail trail in the evaluated stacks; AWS API activity is not recorded"]} with input as failing_input
}

test_compliant_trail_passes if {
	count(rule.deny) == 0 with input as t.with_index([bucket, t.resource("aws_cloudtrail.main", good, {})])
}

test_single_region_trail_without_validation_fails if {
	trail := t.resource("aws_cloudtrail.main", {"is_multi_region_trail": false, "enable_log_file_validation": false, "kms_key_id": "", "include_global_service_events": false}, {})
	k.summary(rule.deny) == {["aws-cloudtrail-multi-region", "test/aws_cloudtrail.main", "CloudTrail aws_cloudtrail.main lacks multi-region, log-file validation, KMS encryption, global service events, and no other trail is multi-region with validation and KMS"]} with input as t.with_index([bucket, trail])
}

test_one_good_trail_covers_the_others if {
	bad := t.resource("aws_cloudtrail.regional", {}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, bad, t.resource("aws_cloudtrail.main", good, {})])
}

test_unknown_flags_are_missing if {
	trail := k.unknown(t.resource("aws_cloudtrail.main", object.remove(good, ["is_multi_region_trail"]), {}), ["is_multi_region_trail", "enable_logging"])
	k.summary(rule.deny) == {["aws-cloudtrail-multi-region", "test/aws_cloudtrail.main", "CloudTrail aws_cloudtrail.main lacks multi-region, logging enabled, and no other trail is multi-region with validation and KMS"]} with input as t.with_index([trail])
}

test_trail_in_another_stack_counts if {
	trail := k.in_stack(t.resource("aws_cloudtrail.main", good, {}), "shop-baseline")
	count(rule.deny) == 0 with input as t.with_index([bucket, trail])
}
