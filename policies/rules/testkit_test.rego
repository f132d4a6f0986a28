# METADATA
# title: Rule test kit
# description: |
#   Builders the rule tests share on top of leakguard.testutil: Azure resources, data
#   sources, tags, other stacks, and the finding summary the tests compare.
package leakguard.testkit

import data.leakguard.lib.resources as lib
import data.leakguard.testutil as t
import rego.v1

# The parts of a finding a test pins: rule id, resource key, message.
summary(fs) := {[f.rule_id, f.resource.key, f.message] | some f in fs}

# An Azure resource (westeurope, default azurerm provider).
az(address, values, refs) := object.union(t.resource(address, values, refs), {"provider": "azurerm", "region": "westeurope"})

# A data source: `aws_iam_policy_document.x` becomes `data.aws_iam_policy_document.x`.
data_source(address, values) := object.union(t.resource(address, values, {}), {
	"mode": "data",
	"address": concat(".", ["data", address]),
	"key": concat("/", ["test", concat(".", ["data", address])]),
})

tagged(r, tags) := object.union(r, {"tags": tags})

in_region(r, region) := object.union(r, {"region": region})

unknown(r, paths) := object.union(r, {"unknown": paths})

# The resource moved to another stack; its own key and its reference keys follow.
in_stack(r, stack) := object.union(r, {
	"stack": stack,
	"key": concat("/", [stack, r.address]),
	"references": {attr: [concat("/", [stack, trim_prefix(k, "test/")]) | some k in keys] | some attr, keys in r.references},
})

# ---------------------------------------------------------------------------------------
# Tests of the shared lookups in leakguard.lib.resources that no single rule pins down.

# Attachments that name their bucket literally, grouped by type and name with sorted keys.
test_s3_named_groups_sorted_keys_by_type_and_name if {
	doc := t.with_index([
		t.resource("aws_s3_bucket_versioning.v2", {"bucket": "shop"}, {}),
		t.resource("aws_s3_bucket_versioning.v1", {"bucket": "shop"}, {}),
		t.resource("aws_s3_bucket_policy.p", {"bucket": "shop"}, {}),
		t.resource("aws_s3_bucket_logging.l", {"bucket": "${aws_s3_bucket.b.id}"}, {}),
	])
	named := lib.s3_named with input as doc
	named == {
		"aws_s3_bucket_versioning": {"shop": ["test/aws_s3_bucket_versioning.v1", "test/aws_s3_bucket_versioning.v2"]},
		"aws_s3_bucket_policy": {"shop": ["test/aws_s3_bucket_policy.p"]},
	}
}

test_identity_environments_by_name if {
	doc := t.with_index([
		tagged(t.resource("aws_iam_role.a", {"name": "deploy"}, {}), {"environment": "prod"}),
		tagged(t.resource("aws_iam_user.b", {"name": "deploy"}, {}), {"environment": "dev"}),
		tagged(t.resource("aws_iam_role.c", {"name": "${var.x}"}, {}), {"environment": "dev"}),
	])
	envs := lib.identity_environments with input as doc
	envs == {"deploy": {"prod", "dev"}}
}

test_timestamps_and_timespans if {
	lib.days_from_civil(1970, 1, 1) == 0
	lib.days_from_civil(2000, 3, 1) == 11017
	lib.timestamp_hours("2026-03-01T05:00:00Z") - lib.timestamp_hours("2026-02-28") == 29
	lib.timespan_hours("1.00:00:01") == 25
	lib.timespan_hours("06:00:00") == 6
	not lib.timestamp_hours("next tuesday")
}

test_environment_resolution if {
	lib.environment({"tags": {"environment": "Production"}, "stack": "x"}) == "prod"
	lib.environment({"tags": {}, "stack": "shop_stg.eu"}) == "staging"
	not lib.environment({"tags": {}, "stack": "payments"})
	lib.environment({"tags": {}, "stack": "payments"}) == "prod" with data.config as {"stack_environments": {"payments": "production"}}
}

test_csp_script_problems if {
	lib.csp_script_problems("default-src 'self'") == set()
	lib.csp_script_problems("default-src *; script-src 'self' 'UNSAFE-INLINE'") == {"script source 'UNSAFE-INLINE'"}
	lib.csp_script_problems("img-src *") == {"no script-src or default-src"}
}

test_broad_condition_values if {
	every v in ["*", "", "arn:aws:iam::*", "arn:aws:iam::*:role/x", "arn:*", "arn:aws:s3:::*", "o-*", "?*", "arn:aws:iam::12345678901?:root"] {
		lib.broad_condition_value(v)
	}
	every v in ["arn:aws:iam::123456789012:*", "arn:aws:s3:::bucket/*", "o-a1b2c3/*", "aroaexample:*", "10.0.0.0/8", "123456789012", "vpc-0abc"] {
		not lib.broad_condition_value(v)
	}
}

public_statement(cond) := lib.json_statement({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": cond})

test_wildcard_condition_is_no_restriction if {
	not lib.restricted(public_statement({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*"}}))
	not lib.restricted(public_statement({"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::123456789012:role/a", "*"]}}))
	not lib.restricted(public_statement({"StringEquals": {"aws:SourceAccount": []}}))
	lib.restricted(public_statement({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::123456789012:role/app-*"}}))
}

test_sns_endpoint_restricts_to_named_endpoints if {
	sub := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sns:Subscribe", "sns:Receive"], "Resource": "arn:aws:sns:us-east-1:123456789012:t"}
	lib.restricted(lib.json_statement(object.union(sub, {"Condition": {"StringLike": {"sns:Endpoint": "arn:aws:sqs:us-east-1:123456789012:orders"}}})))
	lib.restricted(lib.json_statement(object.union(sub, {"Condition": {"StringEquals": {"sns:Endpoint": "ops@example.com"}}})))
	every v in ["*@example.com", "https://*", "arn:aws:sqs:*:*:orders", "*", "arn:aws:sqs:us-east-1:*:q"] {
		not lib.restricted(lib.json_statement(object.union(sub, {"Condition": {"StringLike": {"sns:Endpoint": v}}})))
	}
	not lib.restricted(lib.json_statement(object.union(sub, {"Condition": {"StringNotLike": {"sns:Endpoint": "arn:aws:sqs:us-east-1:123456789012:orders"}}})))
	not lib.restricted(lib.json_statement(object.union(sub, {"Condition": {"StringLike": {"sns:Protocol": "sqs"}}})))
}

# Region and estate subjects: keyed by cloud and region, located at the provider block that
# configures the region, and the same whichever resources exist.

stacks_with_providers := {
	"b-app": {"name": "b-app", "format": "hcl", "source": "b/", "providers": {"aws": {"key": "aws", "cloud": "aws", "region": "us-east-1", "origin": {"file": "b/main.tf", "line": 3}}}},
	"a-net": {"name": "a-net", "format": "hcl", "source": "a/", "providers": {
		"aws": {"key": "aws", "cloud": "aws", "region": "eu-west-1", "origin": {"file": "a/main.tf", "line": 1}},
		"aws.east": {"key": "aws.east", "cloud": "aws", "alias": "east", "region": "us-east-1", "origin": {"file": "a/main.tf", "line": 9}},
	}},
}

placed(rs) := object.union(t.with_index(rs), {"stacks": stacks_with_providers})

test_region_anchor_is_keyed_by_region_and_located_at_its_provider if {
	east := in_region(t.resource("aws_s3_bucket.x", {}, {}), "us-east-1")
	lib.region_anchor("aws", "us-east-1") == {
		"key": "region:aws:us-east-1", "address": "region:aws:us-east-1", "type": "region", "region": "us-east-1",
		"stack": "a-net", "origin": {"file": "a/main.tf", "line": 9},
	} with input as placed([east])
	lib.estate_subject("aws") == {
		"key": "estate:aws", "address": "estate:aws", "type": "estate", "region": null,
		"stack": "a-net", "origin": {"file": "a/main.tf", "line": 1},
	} with input as placed([east])
}

test_region_anchor_does_not_depend_on_which_resources_exist if {
	a := in_region(t.resource("aws_s3_bucket.a", {}, {}), "us-east-1")
	z := in_region(t.resource("aws_sqs_queue.z", {}, {}), "us-east-1")
	s1 := lib.region_anchor("aws", "us-east-1") with input as placed([a, z])
	s2 := lib.region_anchor("aws", "us-east-1") with input as placed([z])
	s1 == s2
}

test_region_without_provider_is_located_at_its_first_resources_stack if {
	we := az("azurerm_storage_account.sa", {}, {})
	lib.region_anchor("azure", "westeurope") == {
		"key": "region:azure:westeurope", "address": "region:azure:westeurope", "type": "region", "region": "westeurope",
		"stack": "test", "origin": {"file": "test"},
	} with input as t.with_index([we])
	not lib.region_anchor("azure", "westeurope") with input as t.with_index([])
}

# An estate of resources in no region at all (Azure child and global resources) still has
# its estate subject; a deleted resource anchors nothing.
test_estate_of_regionless_resources_has_a_subject if {
	fd := object.union(az("azurerm_cdn_frontdoor_profile.fd", {}, {}), {"region": null})
	lib.estate_subject("azure").stack == "test" with input as t.with_index([fd])
	not lib.region_anchor("azure", "westeurope") with input as t.with_index([fd])
	gone := object.union(az("azurerm_storage_account.sa", {}, {}), {"action": "delete"})
	not lib.estate_subject("azure") with input as t.with_index([gone])
}

test_shown_never_prints_expression_text if {
	lib.shown("TLS1_0") == "TLS1_0"
	lib.shown(7) == "7"
	lib.shown("${var.tls}") == "unknown at plan time"
}
