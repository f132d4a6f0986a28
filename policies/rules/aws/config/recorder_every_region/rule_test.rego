package leakguard.rules.aws.config.recorder_every_region_test

import data.leakguard.rules.aws.config.recorder_every_region as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

west := t.resource("aws_s3_bucket.west", {}, {})

east := k.in_region(t.resource("aws_s3_bucket.east", {}, {}), "us-east-1")

east2 := k.in_region(t.resource("aws_sqs_queue.east", {}, {}), "us-east-1")

recorder := t.resource("aws_config_configuration_recorder.west", {"name": "default"}, {})

status(address, enabled) := t.resource(address, {"name": "default", "is_enabled": enabled}, {"name": ["aws_config_configuration_recorder.west"]})

started := status("aws_config_configuration_recorder_status.west", true)

failing_input := t.with_index([west, east, east2, recorder, started])

test_region_without_recorder_fails if {
	k.summary(rule.deny) == {["aws-config-recorder-every-region", "region:aws:us-east-1", "Region us-east-1 has AWS resources but no AWS Config recorder"]} with input as failing_input
}

test_every_region_recorded_passes if {
	r2 := k.in_region(t.resource("aws_config_configuration_recorder.east", {"name": "default", "recording_group": [{"all_supported": true}]}, {}), "us-east-1")
	s2 := k.in_region(t.resource("aws_config_configuration_recorder_status.east", {"name": "default", "is_enabled": true}, {}), "us-east-1")
	count(rule.deny) == 0 with input as t.with_index([west, east, recorder, started, r2, s2])
}

test_disabled_recorder_fails if {
	k.summary(rule.deny) == {["aws-config-recorder-every-region", "test/aws_config_configuration_recorder.west", "AWS Config recorder aws_config_configuration_recorder.west in us-west-2 is not recording: aws_config_configuration_recorder_status.off has is_enabled = false"]} with input as t.with_index([west, recorder, status("aws_config_configuration_recorder_status.off", false)])
}

test_unstarted_or_unknown_recorder_fails if {
	k.summary(rule.deny) == {["aws-config-recorder-every-region", "test/aws_config_configuration_recorder.west", "AWS Config recorder aws_config_configuration_recorder.west in us-west-2 is not recording: no aws_config_configuration_recorder_status starts it"]} with input as t.with_index([west, recorder])
	count(rule.deny) == 1 with input as t.with_index([west, recorder, k.unknown(status("aws_config_configuration_recorder_status.s", null), ["is_enabled"])])
}

test_partial_recording_fails if {
	every group in [[{"all_supported": false}], {"recording_strategy": {"use_only": "INCLUSION_BY_RESOURCE_TYPES"}}] {
		count(rule.deny) == 1 with input as t.with_index([west, object.union(recorder, {"values": {"name": "default", "recording_group": group}}), started])
	}
}

test_status_naming_recorder_literally_counts if {
	s := t.resource("aws_config_configuration_recorder_status.lit", {"name": "default", "is_enabled": true}, {})
	count(rule.deny) == 0 with input as t.with_index([west, recorder, s])
}

nowhere(r) := object.union(r, {"region": null})

# No provider block: the region is unknown, and a stopped recorder there is still judged.
test_region_unknown_is_judged if {
	k.summary(rule.deny) == {["aws-config-recorder-every-region", "test/aws_config_configuration_recorder.west", "AWS Config recorder aws_config_configuration_recorder.west in (region unknown) is not recording: aws_config_configuration_recorder_status.off has is_enabled = false"]} with input as t.with_index([nowhere(west), nowhere(recorder), nowhere(status("aws_config_configuration_recorder_status.off", false))])
}
