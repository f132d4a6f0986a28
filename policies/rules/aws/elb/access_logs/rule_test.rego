package leakguard.rules.aws.elb.access_logs_test

import data.leakguard.rules.aws.elb.access_logs as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

id := "aws-lb-access-logs"

lb(values) := t.resource("aws_lb.shop", object.union({"name": "shop"}, values), {})

logs(enabled) := [{"bucket": "shop-lb-logs", "prefix": "shop", "enabled": enabled}]

failing_input := t.with_index([lb({"load_balancer_type": "application", "access_logs": []})])

no_logs := "Application Load Balancer aws_lb.shop does not write access logs; which requests reached the shop through it cannot be traced"

not_enabled := "Application Load Balancer aws_lb.shop does not write access logs (access_logs is written, but enabled is not true: it defaults to false); which requests reached the shop through it cannot be traced"

test_alb_without_logs_fails if {
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", no_logs]} with input as failing_input

	# The type left out is application; a block without enabled, or with enabled false, logs nothing.
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", no_logs]} with input as t.with_index([lb({})])
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", not_enabled]} with input as t.with_index([lb({"access_logs": [{"bucket": "shop-lb-logs"}]})])
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", not_enabled]} with input as t.with_index([lb({"load_balancer_type": "application", "access_logs": logs(false)})])

	# Internal ones too, and aws_alb.
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", no_logs]} with input as t.with_index([lb({"internal": true})])
	k.summary(rule.deny) == {[id, "test/aws_alb.shop", "Application Load Balancer aws_alb.shop does not write access logs; which requests reached the shop through it cannot be traced"]} with input as t.with_index([t.resource("aws_alb.shop", {}, {})])
}

test_alb_with_logs_passes if {
	count(rule.deny) == 0 with input as t.with_index([lb({"access_logs": logs(true)})])

	# The bucket set from another resource (unknown in a plan) still counts.
	from_bucket := object.union(t.resource("aws_lb.shop", {"access_logs": [{"enabled": true}]}, {"access_logs.bucket": ["test/aws_s3_bucket.logs"]}), {"unknown": ["access_logs.bucket"]})
	count(rule.deny) == 0 with input as t.with_index([from_bucket])
}

test_network_and_gateway_load_balancers_pass if {
	every type in ["network", "gateway"] {
		count(rule.deny) == 0 with input as t.with_index([lb({"load_balancer_type": type})])
	}
}

# The two ways a configured value is unknown: set from a resource (a plan), or unlinked.
hows(path) := [{"unknown": [path], "references": {path: ["test/terraform_data.elsewhere"]}}, {"unknown": [path], "unlinked": [path]}]

test_unknown_flag_or_type_fails_unverified if {
	every how in hows("access_logs.enabled") {
		k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has access_logs unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(lb({"access_logs": [{"bucket": "shop-lb-logs"}]}), how)])
	}
	every how in hows("access_logs") {
		k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has access_logs unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(lb({}), how)])
	}
	every how in hows("load_balancer_type") {
		k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has load_balancer_type unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(lb({}), how)])

		# Logging on: whatever the type, it logs.
		count(rule.deny) == 0 with input as t.with_index([object.union(lb({"access_logs": logs(true)}), how)])
	}
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has load_balancer_type unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([lb({"load_balancer_type": "${var.type}"})])
}

# The provider computes neither: unknown without a reference the plan shows (a dynamic block in
# a plan checked alone, audit k3) is configured all the same.
unverified(address) := sprintf("Load balancer %s has access_logs unknown at plan time; that it writes access logs cannot be verified", [address])

test_unknown_without_reference_is_configured if {
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", unverified("aws_lb.shop")]} with input as t.with_index([object.union(lb({"access_logs": [{"bucket": "shop-lb-logs"}]}), {"unknown": ["access_logs.enabled"]})])
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", unverified("aws_lb.shop")]} with input as t.with_index([object.union(lb({}), {"unknown": ["access_logs"]})])
	k.summary(rule.deny) == {[id, "test/aws_elb.legacy", unverified("aws_elb.legacy")]} with input as t.with_index([object.union(classic({}), {"unknown": ["access_logs"]})])
	k.summary(rule.deny) == {[id, "test/aws_lb.shop", "Load balancer aws_lb.shop has load_balancer_type unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(lb({}), {"unknown": ["load_balancer_type"]})])
}

classic(values) := t.resource("aws_elb.legacy", values, {})

test_classic_without_logs_fails if {
	msg := "Classic Load Balancer aws_elb.legacy does not write access logs; which requests reached the shop through it cannot be traced"
	k.summary(rule.deny) == {[id, "test/aws_elb.legacy", msg]} with input as t.with_index([classic({})])
	k.summary(rule.deny) == {[id, "test/aws_elb.legacy", msg]} with input as t.with_index([classic({"access_logs": []})])
	k.summary(rule.deny) == {[id, "test/aws_elb.legacy", msg]} with input as t.with_index([classic({"access_logs": [{"bucket": "shop-lb-logs", "enabled": false}]})])
}

test_classic_with_logs_passes if {
	# enabled defaults to true on a Classic Load Balancer.
	count(rule.deny) == 0 with input as t.with_index([classic({"access_logs": [{"bucket": "shop-lb-logs"}]})])
	count(rule.deny) == 0 with input as t.with_index([classic({"access_logs": [{"bucket": "shop-lb-logs", "enabled": true}]})])
}

test_classic_unknown_fails_unverified if {
	# A block whose enabled only apply knows (audit k3: it had passed on every side).
	every how in hows("access_logs.enabled") {
		k.summary(rule.deny) == {[id, "test/aws_elb.legacy", "Load balancer aws_elb.legacy has access_logs unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(classic({"access_logs": [{"bucket": "shop-lb-logs"}]}), how)])
	}
	k.summary(rule.deny) == {[id, "test/aws_elb.legacy", "Load balancer aws_elb.legacy has access_logs unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([classic({"access_logs": [{"bucket": "shop-lb-logs", "enabled": "${var.logs}"}]})])
	every how in hows("access_logs") {
		k.summary(rule.deny) == {[id, "test/aws_elb.legacy", "Load balancer aws_elb.legacy has access_logs unknown at plan time; that it writes access logs cannot be verified"]} with input as t.with_index([object.union(classic({}), how)])
	}
}
