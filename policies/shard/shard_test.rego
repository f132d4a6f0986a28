package leakguard.shard_test

import data.leakguard.main
import data.leakguard.shard
import data.leakguard.testutil as t
import rego.v1

# A bare bucket: the public-access-block rule reports it, and so do other S3 rules.
doc := t.with_index([t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})])

pab := ["aws", "s3", "public_access_block"]

ids(fs) := {f.rule_id | some f in fs}

test_shard_evaluates_only_its_rules if {
	fs := shard.findings with input as doc with data.shard as {"rules": [pab], "findings": []}
	ids(fs) == {"aws-s3-public-access-block"}
}

test_shards_together_give_every_finding if {
	all := main.raw with input as doc
	count(ids(all)) > 1
	others := [p | some f in all; f.rule_id != "aws-s3-public-access-block"; p := path_of(f)]
	a := shard.findings with input as doc with data.shard as {"rules": [pab], "findings": []}
	b := shard.findings with input as doc with data.shard as {"rules": others, "findings": []}
	a | b == all
}

# The rule package path of a finding, from the rule it names.
path_of(f) := [c, s, r] if {
	some c, s, r
	some g in data.leakguard.rules[c][s][r].deny with input as doc
	g.rule_id == f.rule_id
}

test_judging_uses_the_given_findings_and_no_rule if {
	all := main.raw with input as doc
	judged := main.decision with input as doc with data.shard as {"rules": [], "findings": [f | some f in all]} with data.context as {"today": "2026-06-01"}
	one_pass := main.decision with input as doc with data.context as {"today": "2026-06-01"}
	judged == one_pass
	none := main.decision with input as doc with data.shard as {"rules": [], "findings": []} with data.context as {"today": "2026-06-01"}
	none.findings == []
}
