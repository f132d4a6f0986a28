# METADATA
# title: Resource lookups
# description: |
#   Indexed access to the normalized input. Rules go through `of_type` and the
#   reference links, never a scan of all resources inside another scan.
package leakguard.lib.resources

import rego.v1

# Managed resources of one type.
of_type(t) := [r |
	some key in object.get(input.by_type, t, [])
	r := input.resources[key]
	r.mode == "managed"
]

# Data sources of one type.
data_of_type(t) := [r |
	some key in object.get(input.by_type, t, [])
	r := input.resources[key]
	r.mode == "data"
]

# Resources of type t that refer to r through attribute attr (e.g. the public access
# block whose `bucket` points at this bucket). Works when the value is unknown at plan
# time, because links come from references, not values.
linked_from(r, t, attr) := [input.resources[ref.key] |
	some ref in r.referenced_by
	ref.type == t
	ref.attribute == attr
]

# Attribute unknown until apply (plans only).
unknown(r, attr) if attr in r.unknown

# Nested blocks arrive as an object (CDKTF single block) or as a list (plans, HCL, CDKTF lists).
blocks(v) := v if is_array(v)

blocks(v) := [v] if is_object(v)

blocks(null) := []

# An attribute's value is a Terraform reference expression (config sources only).
is_reference(v) if {
	is_string(v)
	contains(v, "${")
}

# Set: a literal non-empty value, a reference, or unknown at plan time (computed from
# another resource, which the reference links already checked).
is_set(r, attr) if {
	v := object.get(r.values, attr, null)
	v != null
	v != ""
}

is_set(r, attr) if unknown(r, attr)

is_set(r, attr) if count(object.get(r.references, attr, [])) > 0
