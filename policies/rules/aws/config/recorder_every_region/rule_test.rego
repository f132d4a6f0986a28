package leakguard.rules.aws.config.recorder_every_region_test

import data.leakguard.rules.aws.config.recorder_every_region as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

west := t.resource("aws_s3_bucket.west", {}, {})

east := k.in_region(t.resource("aws_s3_bucket.east", {}, {}), "us-east-1")

east2 := k.in_region(t.resource("aws_sqs_queue.east", {}, {}), "us-east-1")

recorder := t.resource("aws_config_configuration_recorder.west", {"name": "default"}, {})

failing_input := t.with_index([west, east, east2, recorder])

test_region_without_recorder_fails if {
	k.summary(rule.deny) == {["aws-config-recorder-every-region", "region:aws:us-east-1", "Region us-east-1 has AWS resources but no AWS Config recorder"]} with input as failing_input
}

test_every_region_recorded_passes if {
	r2 := k.in_region(t.resource("aws_config_configuration_recorder.east", {"name": "default"}, {}), "us-east-1")
	count(rule.deny) == 0 with input as t.with_index([west, east, recorder, r2])
}
