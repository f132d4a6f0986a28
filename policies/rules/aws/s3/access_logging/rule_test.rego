package leakguard.rules.aws.s3.access_logging_test

import data.leakguard.rules.aws.s3.access_logging as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

failing_input := t.with_index([bucket])

test_unlogged_bucket_fails if {
	k.summary(rule.deny) == {[
		"aws-s3-access-logging", "test/aws_s3_bucket.b",
		"S3 bucket aws_s3_bucket.b has neither server access logging nor CloudTrail S3 data events covering it",
	]} with input as failing_input
}

test_logging_resource_by_reference_passes if {
	l := k.unknown(t.resource("aws_s3_bucket_logging.b", {}, {"bucket": ["aws_s3_bucket.b"], "target_bucket": ["aws_s3_bucket.logs"]}), ["bucket", "target_bucket"])
	count(rule.deny) == 0 with input as t.with_index([bucket, l])
}

test_logging_resource_by_name_passes if {
	l := t.resource("aws_s3_bucket_logging.b", {"bucket": "shop-exports", "target_bucket": "logs"}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, l])
}

test_inline_logging_passes if {
	b := object.union(bucket, {"values": {"logging": {"target_bucket": "logs"}}})
	count(rule.deny) == 0 with input as t.with_index([b])
}

test_inline_logging_with_unknown_target_passes if {
	b := object.union(bucket, {"values": {"logging": [{"target_prefix": "log/"}]}, "unknown": ["logging.target_bucket"], "references": {"logging.target_bucket": ["test/aws_s3_bucket.logs"]}})
	count(rule.deny) == 0 with input as t.with_index([b])
}

test_trail_with_all_bucket_data_events_passes if {
	trail := t.resource("aws_cloudtrail.main", {"event_selector": [{"read_write_type": "All", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}, {})
	count(rule.deny) == 0 with input as t.with_index([bucket, trail])
}

test_trail_selecting_bucket_by_reference_passes if {
	trail := t.resource("aws_cloudtrail.main", {"event_selector": {"data_resource": {"type": "AWS::S3::Object", "values": ["${aws_s3_bucket.b.arn}/"]}}}, {"event_selector.data_resource.values": ["aws_s3_bucket.b"]})
	count(rule.deny) == 0 with input as t.with_index([bucket, trail])
}

test_trail_with_write_only_events_does_not_cover if {
	trail := t.resource("aws_cloudtrail.main", {"event_selector": [{"read_write_type": "WriteOnly", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}, {})
	count(rule.deny) == 1 with input as t.with_index([bucket, trail])
}

test_advanced_selector_for_bucket_arn_passes if {
	trail := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": [{"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "starts_with": ["arn:aws:s3:::shop-exports/"]},
		]}]},
		{},
	)
	count(rule.deny) == 0 with input as t.with_index([bucket, trail])
}

test_advanced_selector_for_other_bucket_does_not_cover if {
	trail := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": [{"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "starts_with": ["arn:aws:s3:::other/"]},
		]}]},
		{},
	)
	count(rule.deny) == 1 with input as t.with_index([bucket, trail])
}

test_advanced_selector_by_reference_and_all_buckets_pass if {
	by_ref := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": {"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "starts_with": ["${aws_s3_bucket.b.arn}/"]},
		]}},
		{"advanced_event_selector.field_selector.starts_with": ["aws_s3_bucket.b"]},
	)
	count(rule.deny) == 0 with input as t.with_index([bucket, by_ref])
	all_buckets := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": {"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
		]}},
		{},
	)
	count(rule.deny) == 0 with input as t.with_index([bucket, all_buckets])
}

test_disabled_trail_does_not_cover if {
	trail := t.resource("aws_cloudtrail.main", {"enable_logging": false, "event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}, {})
	count(rule.deny) == 1 with input as t.with_index([bucket, trail])
}

test_bucket_excluded_from_all_bucket_selector_is_not_covered if {
	trail := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": [{"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "not_starts_with": ["${aws_s3_bucket.b.arn}/"]},
		]}]},
		{"advanced_event_selector.field_selector.not_starts_with": ["aws_s3_bucket.b"]},
	)
	count(rule.deny) == 1 with input as t.with_index([bucket, trail])
	by_name := t.resource(
		"aws_cloudtrail.main", {"advanced_event_selector": [{"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "not_starts_with": ["arn:aws:s3:::shop-exports/"]},
		]}]},
		{},
	)
	count(rule.deny) == 1 with input as t.with_index([bucket, by_name])
}
