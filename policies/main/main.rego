# METADATA
# title: Decision entrypoint
# description: |
#   Collects the findings of every rule under data.leakguard.rules.<cloud>.<service>.<rule>
#   (adding a rule never edits this file), applies enforcement levels and waivers, and
#   returns the whole decision. Exit codes are derived from `blocking` by the engine.
package leakguard.main

import data.leakguard.lib.config
import rego.v1

# Every rule's findings. The engine may split the work (src/evaluate/parallel.ts): each
# worker evaluates `raw` for a shard of the rules (data.shard.rules, [cloud, service, rule]
# paths, each rule still seeing the whole input), and one evaluation of `decision` then
# judges the shards' findings (data.shard.findings) without evaluating any rule again.
raw contains f if {
	not data.shard
	some cloud, service, rule
	some f in data.leakguard.rules[cloud][service][rule].deny
}

raw contains f if {
	some p in data.shard.rules
	some f in data.leakguard.rules[p[0]][p[1]][p[2]].deny
}

raw contains f if some f in data.shard.findings

today := data.context.today

# Rule overrides beat control overrides, which beat the severity default.
levels := config.settings.enforcement

enforcement(f) := levels.rules[f.rule_id]

enforcement(f) := levels.controls[f.control] if not levels.rules[f.rule_id]

enforcement(f) := levels.by_severity[f.severity] if {
	not levels.rules[f.rule_id]
	not levels.controls[f.control]
}

# Waivers from the user's config file and from CDKTF constructs (recorded on the resource).
default config_waivers := []

config_waivers := data.waivers

waivers contains w if {
	some w in config_waivers
}

waivers contains object.union(w, {"resource": key}) if {
	some key, r in input.resources
	some w in object.get(r, "waivers", [])
}

covers(w, f) if {
	w.rule == f.rule_id
	some target in [f.resource.key, f.resource.address]
	glob.match(w.resource, [], target)
}

# A key or address written out in full matches as written: in `module.m["a"].aws_s3_bucket.b[0]`
# the brackets are Terraform indexes, not glob character classes.
covers(w, f) if {
	w.rule == f.rule_id
	w.resource in {f.resource.key, f.resource.address}
}

expired(w) if w.expires < today

usable(w, f) if {
	covers(w, f)
	not expired(w)
	enforcement(f) == "soft"
}

default waiver_for(_) := null

waiver_for(f) := w if {
	ws := [w | some w in waivers; usable(w, f)]
	w := ws[0]
}

findings := [out |
	some f in raw
	level := enforcement(f)
	w := waiver_for(f)
	base := object.union(f, {
		"enforcement": level,
		"waived": w != null,
		"blocking": blocks(level, w),
	})
	out := with_waiver(base, w)
]

blocks("advisory", _) := false

blocks("hard", _) := true

blocks("soft", w) := w == null

with_waiver(base, null) := base

with_waiver(base, w) := object.union(base, {"waiver": w}) if w != null

refused(w) if {
	some f in raw
	covers(w, f)
	enforcement(f) == "hard"
}

waiver_status(w, _) := "refused" if refused(w)

waiver_status(w, _) := "expired" if {
	not refused(w)
	expired(w)
}

waiver_status(w, matched) := "applied" if {
	not refused(w)
	not expired(w)
	count(matched) > 0
}

waiver_status(w, matched) := "unused" if {
	not refused(w)
	not expired(w)
	count(matched) == 0
}

waiver_results := [{"waiver": w, "status": waiver_status(w, matched), "matched": matched} |
	some w in waivers
	matched := sort({f.resource.key | some f in raw; usable(w, f)})
]

# Findings with f[field] == value, counted per value once.
tally(field) := {v: n | some v in {f[field] | some f in findings}; n := count([f | some f in findings; f[field] == v])}

decision := {
	"schema_version": "1",
	"findings": findings,
	"waivers": waiver_results,
	"summary": {
		"resources": count(input.resources),
		"findings": count(findings),
		"blocking": object.get(tally("blocking"), true, 0),
		"waived": object.get(tally("waived"), true, 0),
		"advisory": object.get(tally("enforcement"), "advisory", 0),
		"by_severity": object.union({"critical": 0, "high": 0, "medium": 0, "low": 0}, tally("severity")),
		"by_control": tally("control"),
	},
}
