# METADATA
# title: Decision entrypoint
# description: |
#   Collects the findings of every rule under data.leakguard.rules.<cloud>.<service>.<rule>
#   (adding a rule never edits this file), gives each its enforcement level (and the override
#   that set it), and returns the decision. The engine then applies waivers to it, which
#   decides `blocking` (src/evaluate/judge.ts), and derives exit codes from that.
package leakguard.main

import data.leakguard.lib.config
import data.leakguard.lib.coverage
import rego.v1

# Every rule's findings. The engine may split the work (src/evaluate/parallel.ts): each
# worker evaluates data.leakguard.shard.findings for a shard of the rules (data.shard.rules,
# [cloud, service, rule] paths, each rule still seeing the whole input), and the engine
# counts the summary of their union itself, with the parts that need no finding
# (data.leakguard.shard.estate).
# A list, not a set: every finding names its rule and each rule's deny set is already free of
# duplicates, and inserting into a set hashes every finding once more.
raw := [f |
	some cloud, service, rule
	some f in data.leakguard.rules[cloud][service][rule].deny
] if not data.shard

raw := [f |
	some p in data.shard.rules
	some f in data.leakguard.rules[p[0]][p[1]][p[2]].deny
] if data.shard

# Rule overrides beat control overrides, which beat the severity default.
levels := config.settings.enforcement

enforcement(f) := levels.rules[f.rule_id]

enforcement(f) := levels.controls[f.control] if not levels.rules[f.rule_id]

enforcement(f) := levels.by_severity[f.severity] if {
	not levels.rules[f.rule_id]
	not levels.controls[f.control]
}

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

# Each finding with its level, and the override that set it when one changed it. Both depend
# on the finding's rule alone (its id, control and severity), so they are worked out once per
# rule, not once per finding (~7,000 at 20k resources).
findings := [object.union(f, levelled[[f.rule_id, f.control, f.severity]]) | some f in raw]

levelled := {r: level_fields({"rule_id": r[0], "control": r[1], "severity": r[2]}) |
	some r in {[f.rule_id, f.control, f.severity] | some f in raw}
}

level_fields(f) := {"enforcement": enforcement(f), "override": o} if o := override_of(f)

level_fields(f) := {"enforcement": enforcement(f)} if not override_of(f)

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

# Managed resources of a type no rule reads, per type (data sources are not counted).
uncovered_by_type := {t: count(keys) |
	some t, keys in input.by_mode.managed
	not t in covered_types
}

uncovered := {
	"resources": sum([n | some n in uncovered_by_type]),
	"managed": sum([count(keys) | some keys in input.by_mode.managed]),
	"by_type": uncovered_by_type,
	"not_checked_allowed": config.settings.allow_not_checked == true,
}

schema_version := "1"

decision := {
	"schema_version": schema_version,
	"findings": findings,
	"overrides": overrides,
	"summary": {
		"resources": count(input.resources),
		"findings": count(findings),
		"advisory": object.get(tally("enforcement"), "advisory", 0),
		"by_severity": object.union({"critical": 0, "high": 0, "medium": 0, "low": 0}, tally("severity")),
		"by_control": tally("control"),
		"uncovered": uncovered,
	},
}
