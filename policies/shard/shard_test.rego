package leakguard.shard_test

import data.leakguard.main
import data.leakguard.shard
import data.leakguard.testutil as t
import rego.v1

# A bare bucket: the public-access-block rule reports it, and so do other S3 rules.
doc := t.with_index([t.resource("aws_s3_bucket.b", {"bucket": "shop-exports"}, {})])

pab := ["aws", "s3", "public_access_block"]

ids(fs) := {f.rule_id | some f in fs}

# A shard's findings with their levels added, as the engine adds them (summary.ts levelledChunk).
levelled(chunk) := [object.union(f, fields) |
	some f in chunk.raw
	some [r, c, s, fields] in chunk.levels
	[r, c, s] == [f.rule_id, f.control, f.severity]
]

test_shard_evaluates_only_its_rules if {
	fs := levelled(shard.findings) with input as doc with data.shard as {"rules": [pab]}
	ids(fs) == {"aws-s3-public-access-block"}
}

test_shard_levels_every_finding_once if {
	chunk := shard.findings with input as doc with data.shard as {"rules": [pab]}
	count(chunk.raw) > 0
	count(levelled(chunk)) == count(chunk.raw)
	count({[r, c, s] | some [r, c, s, _] in chunk.levels}) == count(chunk.levels)
}

test_shards_together_give_every_finding if {
	all := main.raw with input as doc
	count(ids(all)) > 1
	others := [p | some f in all; f.rule_id != "aws-s3-public-access-block"; p := path_of(f)]
	a := levelled(shard.findings) with input as doc with data.shard as {"rules": [pab]}
	b := levelled(shard.findings) with input as doc with data.shard as {"rules": others}
	{f | some f in array.concat(a, b)} == {f | some f in main.findings with input as doc}
}

# The rule package path of a finding, from the rule it names.
path_of(f) := [c, s, r] if {
	some c, s, r
	some g in data.leakguard.rules[c][s][r].deny with input as doc
	g.rule_id == f.rule_id
}

test_estate_is_the_decision_without_findings if {
	one_pass := main.decision with input as doc with data.context as {"today": "2026-06-01"}
	e := shard.estate with input as doc with data.shard as {"rules": []}
	e.schema_version == one_pass.schema_version
	e.overrides == one_pass.overrides
	e.resources == one_pass.summary.resources
	e.uncovered == one_pass.summary.uncovered
}

test_shard_findings_carry_their_level if {
	fs := levelled(shard.findings) with input as doc with data.shard as {"rules": [pab]}
	count(fs) > 0
	every f in fs {
		f.enforcement in {"hard", "soft", "advisory"}
	}
}
