package leakguard.rules.aws.cloudfront.waf_test

import data.leakguard.rules.aws.cloudfront.waf as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-cloudfront-waf"

key := "test/aws_cloudfront_distribution.shop"

cdn(values, refs) := t.resource("aws_cloudfront_distribution.shop", object.union({"enabled": true}, values), refs)

failing_input := t.with_index([cdn({"web_acl_id": ""}, {})])

open_msg := "CloudFront distribution aws_cloudfront_distribution.shop has no WAF web ACL (web_acl_id): requests reach its origins unfiltered"

test_distribution_without_waf_fails if {
	k.summary(rule.deny) == {[id, key, open_msg]} with input as failing_input
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([cdn({}, {})])
	k.summary(rule.deny) == {[id, key, open_msg]} with input as t.with_index([cdn({"web_acl_id": null}, {})])
}

test_distribution_with_waf_passes if {
	count(rule.deny) == 0 with input as t.with_index([cdn({"web_acl_id": "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"}, {})])

	# The ACL's ARN by reference: unknown in a plan, an expression in HCL.
	from_acl := object.union(cdn({}, {"web_acl_id": ["test/aws_wafv2_web_acl.edge"]}), {"unknown": ["web_acl_id"]})
	count(rule.deny) == 0 with input as t.with_index([from_acl])
	count(rule.deny) == 0 with input as t.with_index([cdn({"web_acl_id": "${aws_wafv2_web_acl.edge.arn}"}, {"web_acl_id": ["test/aws_wafv2_web_acl.edge"]})])
}

test_unreadable_web_acl_fails_unverified if {
	msg := "CloudFront distribution aws_cloudfront_distribution.shop has a web_acl_id unknown at plan time; that a WAF filters its requests cannot be verified"
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([cdn({"web_acl_id": "${var.acl}"}, {})])
	k.summary(rule.deny) == {[id, key, msg]} with input as t.with_index([object.union(cdn({}, {}), {"unknown": ["web_acl_id"], "unreadable": ["web_acl_id"]})])
}
