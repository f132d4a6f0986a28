package leakguard.main_test

import data.leakguard.main
import data.leakguard.testutil as t
import rego.v1

# The S3 public-access-block rule (critical → hard by default) drives these cases.
bucket := t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})

doc := t.with_index([bucket])

ctx := {"today": "2026-06-01"}

# Only the public-access-block rule's findings: the other rules also report on these
# bare buckets, and these tests are about enforcement and waivers, not rules.
pab_only(d) := {"aws": {"s3": {"public_access_block": {"deny": fs}}}} if {
	fs := data.leakguard.rules.aws.s3.public_access_block.deny with input as d
}

waiver(extra) := object.union(
	{"rule": "aws-s3-public-access-block", "resource": "test/aws_s3_bucket.b", "reason": "legacy bucket, migration in SHOP-12", "owner": "platform", "expires": "2026-12-31"},
	extra,
)

soft := {"enforcement": {"rules": {"aws-s3-public-access-block": "soft"}}}

test_hard_by_default_blocks if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx
	[f] := d.findings
	f.enforcement == "hard"
	f.blocking == true
	f.waived == false
	d.summary.blocking == 1
	d.summary.by_severity.critical == 1
	d.summary.by_control == {"public-storage": 1}
}

test_soft_rule_waived_by_valid_waiver if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [waiver({})]
	[f] := d.findings
	f.waived == true
	f.blocking == false
	f.waiver.owner == "platform"
	d.waivers == [{"waiver": waiver({}), "status": "applied", "matched": ["test/aws_s3_bucket.b"]}]
	d.summary.waived == 1
}

test_glob_waiver_on_address if {
	w := waiver({"resource": "aws_s3_bucket.*"})
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [w]
	d.findings[0].waived == true
}

indexed := t.resource(`aws_s3_bucket.b["a"]`, {"bucket": "shop-exports"}, {})

applies_to_indexed(w) if {
	in_doc := t.with_index([indexed])
	d := main.decision with input as in_doc with data.leakguard.rules as pab_only(in_doc) with data.context as ctx with data.config as soft with data.waivers as [w]
	d.findings[0].waived == true
	d.waivers == [{"waiver": w, "status": "applied", "matched": [`test/aws_s3_bucket.b["a"]`]}]
}

test_exact_waiver_on_indexed_address if {
	applies_to_indexed(waiver({"resource": `aws_s3_bucket.b["a"]`}))
	applies_to_indexed(waiver({"resource": `test/aws_s3_bucket.b["a"]`}))
	not applies_to_indexed(waiver({"resource": `aws_s3_bucket.b["b"]`}))
}

test_expired_waiver_stops_waiving if {
	w := waiver({"expires": "2026-05-31"})
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [w]
	d.findings[0].blocking == true
	d.waivers[0].status == "expired"
}

test_waiver_on_hard_rule_is_refused if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.waivers as [waiver({})]
	d.findings[0].blocking == true
	d.findings[0].waived == false
	d.waivers[0].status == "refused"
}

test_unused_waiver_is_reported if {
	w := waiver({"resource": "test/aws_s3_bucket.other"})
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [w]
	d.waivers == [{"waiver": w, "status": "unused", "matched": []}]
}

test_control_override_makes_advisory if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as cfg
	d.findings[0].enforcement == "advisory"
	d.findings[0].blocking == false
	d.summary.advisory == 1
	d.summary.blocking == 0
}

test_rule_override_beats_control_override if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}, "rules": {"aws-s3-public-access-block": "hard"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as cfg
	d.findings[0].enforcement == "hard"
}

test_construct_waiver_covers_its_own_resource if {
	w := {"rule": "aws-s3-public-access-block", "reason": "public website assets, no PII", "owner": "web", "expires": "2027-01-01", "source": "shop/site"}
	waived := object.union(bucket, {"waivers": [w]})
	d := main.decision with input as t.with_index([waived]) with data.leakguard.rules as pab_only(t.with_index([waived])) with data.context as ctx with data.config as soft
	d.findings[0].waived == true
	d.waivers[0].status == "applied"
	d.waivers[0].waiver.resource == "test/aws_s3_bucket.b"
}

test_clean_input_has_no_findings if {
	full := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}
	pab := t.resource("aws_s3_bucket_public_access_block.b", object.union(full, {"bucket": "${aws_s3_bucket.b.id}"}), {"bucket": ["aws_s3_bucket.b"]})
	d := main.decision with input as t.with_index([bucket, pab]) with data.leakguard.rules as pab_only(t.with_index([bucket, pab])) with data.context as ctx
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

test_override_is_named_on_the_finding_and_counted_as_silencing if {
	cfg := {"enforcement": {"rules": {"aws-s3-public-access-block": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as cfg
	d.findings[0].override == {"set_by": "rules.aws-s3-public-access-block", "default": "hard"}
	d.overrides == [{"scope": "rules", "name": "aws-s3-public-access-block", "level": "advisory"}]
	d.summary.silenced_by_overrides == 1
}

test_no_override_nothing_silenced if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx
	not d.findings[0].override
	d.overrides == []
	d.summary.silenced_by_overrides == 0
}

test_override_that_keeps_blocking_silences_nothing if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft
	d.findings[0].override == {"set_by": "rules.aws-s3-public-access-block", "default": "hard"}
	d.findings[0].blocking == true
	d.summary.silenced_by_overrides == 0
}

# Made soft by an override and then waived: the waiver could only apply because of the override.
test_waiver_usable_only_through_override_counts_as_silenced if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [waiver({})]
	d.findings[0].waived == true
	d.summary.silenced_by_overrides == 1
}

test_severity_override_listed_only_when_it_differs if {
	cfg := {"enforcement": {"by_severity": {"critical": "soft", "high": "soft"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as cfg
	d.overrides == [{"scope": "by_severity", "name": "critical", "level": "soft"}]
	d.findings[0].override == {"set_by": "by_severity.critical", "default": "hard"}
}

test_control_override_named if {
	cfg := {"enforcement": {"controls": {"public-storage": "advisory"}}}
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as cfg
	d.findings[0].override.set_by == "controls.public-storage"
}

# Without `*` or `?` a resource matches only as written: brackets are not character classes.
test_brackets_are_not_a_glob if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [waiver({"resource": "aws_s3_bucket.[ab]"})]
	d.findings[0].waived == false
	d.waivers[0].status == "unused"
}

test_question_mark_pattern_on_key if {
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as [waiver({"resource": "test/aws_s3_bucket.?"})]
	d.findings[0].waived == true
}

# Two waivers for one finding: it takes the first, both are applied, an expired one is not.
test_every_live_covering_waiver_is_applied if {
	ws := [waiver({"resource": "aws_s3_bucket.b"}), waiver({}), waiver({"expires": "2026-01-01"})]
	d := main.decision with input as doc with data.leakguard.rules as pab_only(doc) with data.context as ctx with data.config as soft with data.waivers as ws
	d.findings[0].waiver == ws[0]
	[r.status | some r in d.waivers] == ["applied", "applied", "expired"]
}

# A construct waiver and a config waiver on one finding; a construct waiver for another rule is unused.
test_construct_and_config_waivers_together if {
	cw := {"rule": "aws-s3-public-access-block", "reason": "public website assets, no PII", "owner": "web", "expires": "2027-01-01", "source": "shop/site"}
	other := object.union(cw, {"rule": "aws-s3-access-logging"})
	res := object.union(bucket, {"waivers": [cw, other]})
	in_doc := t.with_index([res])
	d := main.decision with input as in_doc with data.leakguard.rules as pab_only(in_doc) with data.context as ctx with data.config as soft with data.waivers as [waiver({})]
	d.findings[0].waived == true
	{r.waiver.rule: r.status | some r in d.waivers; r.waiver.source} == {"aws-s3-public-access-block": "applied", "aws-s3-access-logging": "unused"}
	count(d.waivers) == 3
}
