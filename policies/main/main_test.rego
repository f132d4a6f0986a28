package leakguard.main_test

import data.leakguard.main
import data.leakguard.testutil as t
import rego.v1

# The S3 public-access-block rule (critical → hard by default) drives these cases.
bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

doc := t.with_index([bucket])

ctx := {"today": "2026-06-01"}

# Only the public-access-block rule's findings: the other rules also report on these
# bare buckets, and these tests are about enforcement levels, not rules. (Waivers and
# blocking are applied after evaluation: test/waivers/judge.test.ts.)
pab_only(d) := {"aws": {"s3": {"public_access_block": {"deny": fs}}}} if {
	fs := data.leakguard.rules.aws.s3.public_access_block.deny with input as d
}

soft := {"enforcement": {"rules": {"aws-s3-public-access-block": "soft"}}}

test_critical_is_hard_by_default if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc)
	[f] := d.findings
	f.enforcement == "hard"
	not f.blocking
	d.summary.by_severity.critical == 1
	d.summary.by_control == {"public-storage": 1}
}

test_control_override_makes_advisory if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as cfg
	d.findings[0].enforcement == "advisory"
	d.summary.advisory == 1
}

test_rule_override_beats_control_override if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}, "rules": {"aws-s3-public-access-block": "hard"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as cfg
	d.findings[0].enforcement == "hard"
}

test_clean_input_has_no_findings if {
	full := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}
	pab := t.resource("aws_s3_bucket_public_access_block.b", object.union(full, {"bucket": "${aws_s3_bucket.b.id}"}), {"bucket": ["aws_s3_bucket.b"]})
	d := main.decision with input as t.with_index([bucket, pab]) with data.leakguard.rules as pab_only(t.with_index([bucket, pab]))
	d.findings == []
	d.summary.findings == 0
	d.summary.resources == 2
}

# Resources of a type no rule reads are counted, per type; data sources are not, and a type a
# type-list setting adds (as configured) counts as covered.
test_uncovered_resources_are_counted_by_type if {
	rg := object.union(t.resource("azurerm_resource_group.rg", {}, {}), {"cloud": "azure"})
	pw := t.resource("random_password.db", {}, {})
	ds := object.union(t.resource("random_id.x", {}, {}), {"mode": "data", "key": "test/data.random_id.x", "address": "data.random_id.x"})
	d := main.decision with input as t.with_index([bucket, rg, pw, ds]) with data.context as ctx
	d.summary.uncovered == {"resources": 2, "managed": 3, "by_type": {"azurerm_resource_group": 1, "random_password": 1}, "not_checked_allowed": false}
	e := main.decision with input as t.with_index([bucket, rg, pw]) with data.context as ctx
		with data.config as {"azure_data_resource_types": ["azurerm_resource_group"]}
	e.summary.uncovered.by_type == {"random_password": 1}
}

# The config's acceptance of an input nothing covers is carried in the decision for the reports.
test_not_checked_allowed_follows_the_config if {
	pw := t.resource("random_password.db", {}, {})
	d := main.decision with input as t.with_index([pw]) with data.context as ctx with data.config as {"allow_not_checked": true}
	d.summary.uncovered == {"resources": 1, "managed": 1, "by_type": {"random_password": 1}, "not_checked_allowed": true}
}

# The generated list holds the types the rules name, and no invented ones.
test_coverage_list_comes_from_the_rules if {
	"azurerm_postgresql_flexible_server_configuration" in data.leakguard.lib.coverage.types
	"aws_s3_bucket_policy" in data.leakguard.lib.coverage.types
	not "azurerm_resource_group" in data.leakguard.lib.coverage.types
}

test_override_is_named_on_the_finding if {
	cfg := {"enforcement": {"rules": {"aws-s3-public-access-block": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as cfg
	d.findings[0].override == {"set_by": "rules.aws-s3-public-access-block", "default": "hard"}
	d.overrides == [{"scope": "rules", "name": "aws-s3-public-access-block", "level": "advisory"}]
}

test_no_override_none_named if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc)
	not d.findings[0].override
	d.overrides == []
}

test_soft_override_named if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as soft
	d.findings[0].override == {"set_by": "rules.aws-s3-public-access-block", "default": "hard"}
	d.findings[0].enforcement == "soft"
}

test_severity_override_listed_only_when_it_differs if {
	cfg := {"enforcement": {"by_severity": {"critical": "soft", "high": "soft"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as cfg
	d.overrides == [{"scope": "by_severity", "name": "critical", "level": "soft"}]
	d.findings[0].override == {"set_by": "by_severity.critical", "default": "hard"}
}

test_control_override_named if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.config as cfg
	d.findings[0].override.set_by == "controls.public-storage"
}
