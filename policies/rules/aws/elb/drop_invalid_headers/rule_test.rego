package leakguard.rules.aws.elb.drop_invalid_headers_test

import data.leakguard.rules.aws.elb.drop_invalid_headers as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-lb-drop-invalid-headers"

lb(values) := t.resource("aws_lb.shop", object.union({"name": "shop"}, values), {})

failing_input := t.with_index([lb({"load_balancer_type": "application", "drop_invalid_header_fields": false})])

msg(address) := sprintf("Application Load Balancer %s routes requests with invalid HTTP header fields to its targets (drop_invalid_header_fields is not true); such headers carry request smuggling past its routing", [address])

test_alb_passing_invalid_headers_fails if {
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", msg("aws_lb.shop")]} with input as failing_input

	# Left out: false, the provider's default; the type left out is application; internal ones too.
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", msg("aws_lb.shop")]} with input as t.with_index([lb({})])
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", msg("aws_lb.shop")]} with input as t.with_index([lb({"internal": true, "drop_invalid_header_fields": null})])
	k.summary(rule.deny) == {[id, "test/aws_alb.shop", msg("aws_alb.shop")]} with input as t.with_index([t.resource("aws_alb.shop", {}, {})])
}

test_alb_dropping_invalid_headers_passes if {
	count(rule.deny) == 0 with input as t.with_index([lb({"drop_invalid_header_fields": true})])
}

test_network_and_gateway_load_balancers_pass if {
	every type in ["network", "gateway"] {
		count(rule.deny) == 0 with input as t.with_index([lb({"load_balancer_type": type})])
	}
}

hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_unknown_flag_or_type_fails_unverified if {
	every how in hows("drop_invalid_header_fields") {
		k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has drop_invalid_header_fields unknown at plan time; that it drops invalid HTTP header fields cannot be verified"]} with input as t.with_index([object.union(lb({}), how)])
	}
	every how in hows("load_balancer_type") {
		k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has load_balancer_type unknown at plan time; that it drops invalid HTTP header fields cannot be verified"]} with input as t.with_index([object.union(lb({}), how)])
		count(rule.deny) == 0 with input as t.with_index([object.union(lb({"drop_invalid_header_fields": true}), how)])
	}
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has drop_invalid_header_fields unknown at plan time; that it drops invalid HTTP header fields cannot be verified"]} with input as t.with_index([lb({"drop_invalid_header_fields": "${var.drop}"})])

	# The provider does not compute it: unknown without a reference the plan shows is configured.
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has drop_invalid_header_fields unknown at plan time; that it drops invalid HTTP header fields cannot be verified"]} with input as t.with_index([object.union(lb({}), {"unknown": ["drop_invalid_header_fields"]})])
}
