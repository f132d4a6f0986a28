# METADATA
# title: Test input builder
# description: |
#   Builds a normalized policy input (keys, by_type, reverse references) from a short
#   list of resources, the way the engine's normalizer does, so rule tests stay small.
package leakguard.testutil

import data.leakguard.lib.resources
import rego.v1

defaults := {
	"mode": "managed",
	"stack": "test",
	"cloud": "aws",
	"provider": "aws",
	"region": "us-west-2",
	"values": {},
	"unknown": [],
	"sensitive": [],
	"tags": {},
	"references": {},
	"action": "none",
	"origin": {"file": "test.tf.json"},
}

# resource(type.name-style address, values, references {attr: [addresses]})
resource(address, values, refs) := r if {
	parts := split(address, ".")
	stack := "test"
	r := object.union(defaults, {
		"key": concat("/", [stack, address]),
		"address": address,
		"type": parts[0],
		"name": parts[1],
		"cloud": cloud_of(parts[0]),
		"values": values,
		"references": {attr: [concat("/", [stack, a]) | some a in addrs] | some attr, addrs in refs},
	})
}

cloud_of(t) := "azure" if startswith(t, "azurerm_")

cloud_of(t) := "aws" if not startswith(t, "azurerm_")

# with_input(resources): the whole input document.
with_index(rs) := {
	"schema_version": "1",
	"sources": [],
	"stacks": {},
	"resources": {r.key: object.union(r, {"referenced_by": referenced_by(rs, r.key)}) | some r in rs},
	"by_type": {t: [r.key | some r in rs; r.type == t] | some t in {r.type | some r in rs}},
	"by_mode": by_mode_of(rs),
	"regions": {c: sort({r.region | some r in rs; r.cloud == c} | {x | some r in rs; r.cloud == c; some x in copy_regions(r); x != resources.unknown_region}) | some c in {r.cloud | some r in rs}},
	"scopes": scopes_of(rs),
	"with_secrets": [r.key | some r in rs; r.secrets],
}

# The by_mode index by its definition: by_type's keys split by mode (src/normalize
# byModeOf; test/normalize/indexes.test.ts holds the two equal).
by_mode_of(rs) := {mode: {t: [r.key | some r in rs; r.mode == mode; r.type == t] |
	some t in {r.type | some r in rs; r.mode == mode}
} |
	some mode in ["managed", "data"]
}

# The scopes index (input.scopes) by its definition: per cloud with a live resource, the
# first key, and the first key of each region scope. Normalize builds it in one pass
# (src/normalize/scopes.ts); test/normalize/indexes.test.ts holds the two equal.
scopes_of(rs) := {c: {"first": min({r.key | some r in live; r.cloud == c}), "regions": {region: min({r.key |
	some r in live
	r.cloud == c
	region_scopes(r)[region]
}) |
	some r in live
	r.cloud == c
	some region in region_scopes(r)
}} |
	some c in {r.cloud | some r in live}
} if {
	live := [r | some r in rs; r.mode == "managed"; r.action != "delete"]
}

scope_region(r) := resources.region_of(r)

# Every region scope a resource is in: its own, and those of its data's copies.
region_scopes(r) := {x | x := scope_region(r); x != null} | copy_regions(r)

# Where a type keeps copies of its data in other regions (src/normalize/scopes.ts
# COPY_REGIONS): [blocks' path, region attribute].
copy_paths := {
	"aws_dynamodb_table": ["replica", "region_name"],
	"aws_dynamodb_global_table": ["replica", "region_name"],
	"aws_secretsmanager_secret": ["replica", "region"],
	"aws_ecr_replication_configuration": ["replication_configuration.rule.destination", "region"],
}

# The regions of a resource's copies; the unknown region where a copy's region or the list
# of copies is unknown.
copy_regions(r) := {x |
	some x in resources.values_at(r, concat(".", copy_paths[r.type]))
	is_string(x)
	x != ""
} | {resources.unknown_region |
	some u in r.unknown
	copy_unknown(r, r.type, u)
}

copy_unknown(_, t, u) if {
	[path, attr] := copy_paths[t]
	u == concat(".", [path, attr])
}

# The list of copies unknown: only where something sets it (unknown and set from nothing, the
# provider computes it: a secret without replicas).
copy_unknown(r, t, u) if {
	parts := split(copy_paths[t][0], ".")
	some i in numbers.range(1, count(parts))
	u == concat(".", array.slice(parts, 0, i))
	some k, _ in r.references
	configured_under(k, u)
}

configured_under(k, u) if k == u

configured_under(k, u) if startswith(k, concat("", [u, "."]))

scope_region(r) := null if not resources.region_of(r)

referenced_by(rs, key) := [{"key": o.key, "type": o.type, "attribute": attr} |
	some o in rs
	some attr, keys in o.references
	key in keys
]
