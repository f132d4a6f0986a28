package leakguard.rules.aws.guardduty.detector_every_region_test

import data.leakguard.rules.aws.guardduty.detector_every_region as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

west := t.resource("aws_s3_bucket.west", {}, {})

failing_input := t.with_index([west, t.resource("aws_guardduty_detector.west", {"enable": false}, {})])

test_disabled_detector_fails if {
	k.summary(rule.deny) == {["aws-guardduty-every-region", "region:aws:us-west-2", "Region us-west-2 has AWS resources but no enabled GuardDuty detector"]} with input as failing_input
}

test_enabled_detector_passes if {
	count(rule.deny) == 0 with input as t.with_index([west, t.resource("aws_guardduty_detector.west", {}, {})])
}

test_region_without_detector_fails if {
	east := k.in_region(t.resource("aws_s3_bucket.east", {}, {}), "us-east-1")
	count(rule.deny) == 1 with input as t.with_index([west, east, t.resource("aws_guardduty_detector.west", {"enable": true}, {})])
}

nowhere(r) := object.union(r, {"region": null})

# No provider block: the region is unknown, and a disabled detector there does not cover it.
test_region_unknown_is_judged if {
	k.summary(rule.deny) == {["aws-guardduty-every-region", "region:aws:(region unknown)", "Region (region unknown) has AWS resources but no enabled GuardDuty detector"]} with input as t.with_index([nowhere(west), nowhere(t.resource("aws_guardduty_detector.west", {"enable": false}, {}))])
	count(rule.deny) == 0 with input as t.with_index([nowhere(west), nowhere(t.resource("aws_guardduty_detector.west", {"enable": true}, {}))])
}

# Two providers whose regions are unresolved (from the environment, from a variable without a
# value) are two unknown scopes, not one: the alias exists for another region, and a detector
# of the default provider said nothing of it.
test_aliased_provider_unknown_region_is_its_own_scope if {
	eu := object.union(nowhere(t.resource("aws_s3_bucket.eu", {}, {})), {"provider": "aws.eu"})
	k.summary(rule.deny) == {["aws-guardduty-every-region", "region:aws:(region unknown: provider aws.eu)", "Region (region unknown: provider aws.eu) has AWS resources but no enabled GuardDuty detector"]} with input as t.with_index([nowhere(west), eu, nowhere(t.resource("aws_guardduty_detector.west", {}, {}))])
	detector_eu := object.union(nowhere(t.resource("aws_guardduty_detector.eu", {}, {})), {"provider": "aws.eu"})
	count(rule.deny) == 0 with input as t.with_index([nowhere(west), eu, nowhere(t.resource("aws_guardduty_detector.west", {}, {})), detector_eu])
}

# A table's replica keeps the customer data in its own region: that region needs a detector
# too (normalize puts it in the region scopes; a replica region only apply knows is unknown).
test_replica_region_needs_a_detector if {
	table := t.resource("aws_dynamodb_table.orders", {"replica": [{"region_name": "eu-west-1"}]}, {})
	k.summary(rule.deny) == {["aws-guardduty-every-region", "region:aws:eu-west-1", "Region eu-west-1 has AWS resources but no enabled GuardDuty detector"]} with input as t.with_index([table, t.resource("aws_guardduty_detector.west", {}, {})])
	later := object.union(t.resource("aws_dynamodb_table.orders", {"replica": [{}]}, {}), {"unknown": ["replica.region_name"]})
	k.summary(rule.deny) == {["aws-guardduty-every-region", "region:aws:(region unknown)", "Region (region unknown) has AWS resources but no enabled GuardDuty detector"]} with input as t.with_index([later, t.resource("aws_guardduty_detector.west", {}, {})])
}
