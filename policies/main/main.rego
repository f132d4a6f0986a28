# METADATA
# title: Decision entrypoint
# description: |
#   Collects the findings of every rule under data.leakguard.rules.<cloud>.<service>.<rule>
#   (adding a rule never edits this file), applies enforcement levels and waivers, and
#   returns the whole decision. Exit codes are derived from `blocking` by the engine.
package leakguard.main

import data.leakguard.lib.config
import data.leakguard.lib.coverage
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

# Waivers from the user's config file (`data.waivers`, in file order) and from CDKTF
# constructs (recorded on their resource). Each has an id, and config waivers are indexed by
# rule and by the key or address they name, so matching a finding is a lookup, not a scan of
# every waiver: 10,000 waivers cost about what one does.
default config_waivers := []

config_waivers := data.waivers

waiver_by_id[sprintf("config/%d", [i])] := w if {
	some i, w in config_waivers
}

waiver_by_id[sprintf("construct/%s/%d", [key, j])] := object.union(w, {"resource": key}) if {
	some key, r in input.resources
	some j, w in object.get(r, "waivers", [])
}

# `*` and `?` make a pattern; anything else (Terraform indexes like `["a"]` included) matches
# a finding's key or address exactly as written.
pattern(s) if contains(s, "*")

pattern(s) if contains(s, "?")

exact_ids[w.rule][w.resource] contains sprintf("config/%d", [i]) if {
	some i, w in config_waivers
	not pattern(w.resource)
}

pattern_ids[w.rule] contains sprintf("config/%d", [i]) if {
	some i, w in config_waivers
	pattern(w.resource)
}

# Ids of every waiver that names the finding's rule and resource, expired or not. (One helper
# per kind: written as one expression, OPA's WASM planner made this quadratic in waivers.)
covering(f) := ((exact(f, f.resource.key) | exact(f, f.resource.address)) | (matching(f, f.resource.key) | matching(f, f.resource.address))) | on_construct(f)

exact(f, target) := {id | some id in exact_ids[f.rule_id][target]}

matching(f, target) := {id | some id in pattern_ids[f.rule_id]; glob.match(waiver_by_id[id].resource, [], target)}

on_construct(f) := {sprintf("construct/%s/%d", [f.resource.key, j]) |
	some j, w in object.get(input.resources, [f.resource.key, "waivers"], [])
	w.rule == f.rule_id
}

expired(w) if w.expires < today

live(ids) := {id | some id in ids; not expired(waiver_by_id[id])}

# The enforcement the finding would have without the config's overrides.
default_level(f) := config.defaults.enforcement.by_severity[f.severity]

# Where the finding's level came from when an override changed it.
override_of(f) := {"set_by": sprintf("rules.%s", [f.rule_id]), "default": default_level(f)} if {
	levels.rules[f.rule_id]
	levels.rules[f.rule_id] != default_level(f)
}

override_of(f) := {"set_by": sprintf("controls.%s", [f.control]), "default": default_level(f)} if {
	not levels.rules[f.rule_id]
	levels.controls[f.control]
	levels.controls[f.control] != default_level(f)
}

override_of(f) := {"set_by": sprintf("by_severity.%s", [f.severity]), "default": default_level(f)} if {
	not levels.rules[f.rule_id]
	not levels.controls[f.control]
	levels.by_severity[f.severity] != default_level(f)
}

# Each finding with its level and the waivers that could apply, computed once.
judged := [judge(f, covering(f)) | some f in raw]

judge(f, ids) := {"f": f, "level": enforcement(f), "covering": ids, "live": live(ids)}

# A soft finding takes the first (by id) live waiver covering it.
waiver_for("soft", ids) := waiver_by_id[sort(ids)[0]] if count(ids) > 0

default waiver_for(_, _) := null

findings := [out |
	some j in judged
	w := waiver_for(j.level, j.live)
	base := object.union(j.f, {
		"enforcement": j.level,
		"waived": w != null,
		"blocking": blocks(j.level, w),
	})
	out := with_override(with_waiver(base, w), j)
]

blocks("advisory", _) := false

blocks("hard", _) := true

blocks("soft", w) := w == null

with_waiver(base, null) := base

with_waiver(base, w) := object.union(base, {"waiver": w}) if w != null

with_override(base, j) := object.union(base, {"override": o}) if o := override_of(j.f)

with_override(base, j) := base if not override_of(j.f)

# Would block at the default level: hard, or soft with no live waiver for it.
blocks_by_default(j) if default_level(j.f) == "hard"

blocks_by_default(j) if {
	default_level(j.f) == "soft"
	count(j.live) == 0
}

# Findings an override made non-blocking: they would block without the config's overrides.
silenced := [f |
	some i, f in findings
	not f.blocking
	blocks_by_default(judged[i])
]

matched_by[id] contains j.f.resource.key if {
	some j in judged
	j.level == "soft"
	some id in j.live
}

refused_ids contains id if {
	some j in judged
	j.level == "hard"
	some id in j.covering
}

waiver_status(id, _) := "refused" if refused_ids[id]

waiver_status(id, w) := "expired" if {
	not refused_ids[id]
	expired(w)
}

waiver_status(id, w) := "applied" if {
	not refused_ids[id]
	not expired(w)
	matched_by[id]
}

waiver_status(id, w) := "unused" if {
	not refused_ids[id]
	not expired(w)
	not matched_by[id]
}

waiver_results := [{"waiver": w, "status": waiver_status(id, w), "matched": sort(object.get(matched_by, id, set()))} |
	some id, w in waiver_by_id
]

# The enforcement levels the user's config sets: every rule and control entry, and the
# severity levels that differ from the default.
overrides := array.concat(
	[{"scope": scope, "name": name, "level": level} |
		some scope in ["rules", "controls"]
		some name, level in object.get(config.user, ["enforcement", scope], {})
	],
	[{"scope": "by_severity", "name": sev, "level": level} |
		some sev, level in object.get(config.user, ["enforcement", "by_severity"], {})
		level != config.defaults.enforcement.by_severity[sev]
	],
)

# Findings with f[field] == value, counted per value once.
tally(field) := {v: n | some v in {f[field] | some f in findings}; n := count([f | some f in findings; f[field] == v])}

# Types some rule reads: the list generated from the rule sources, plus the types named by
# the type-list settings those rules read (as configured).
covered_types := coverage.types | {t | some key in coverage.type_settings; some t in config.settings[key]}

managed_count(keys) := count([k | some k in keys; input.resources[k].mode == "managed"])

# Managed resources of a type no rule reads, per type (data sources are not counted).
uncovered_by_type := {t: n |
	some t, keys in input.by_type
	not t in covered_types
	n := managed_count(keys)
	n > 0
}

uncovered := {
	"resources": sum([n | some n in uncovered_by_type]),
	"managed": sum([managed_count(keys) | some keys in input.by_type]),
	"by_type": uncovered_by_type,
	"not_checked_allowed": config.settings.allow_not_checked == true,
}

decision := {
	"schema_version": "1",
	"findings": findings,
	"waivers": waiver_results,
	"overrides": overrides,
	"summary": {
		"resources": count(input.resources),
		"findings": count(findings),
		"blocking": object.get(tally("blocking"), true, 0),
		"waived": object.get(tally("waived"), true, 0),
		"advisory": object.get(tally("enforcement"), "advisory", 0),
		"silenced_by_overrides": count(silenced),
		"by_severity": object.union({"critical": 0, "high": 0, "medium": 0, "low": 0}, tally("severity")),
		"by_control": tally("control"),
		"uncovered": uncovered,
	},
}
