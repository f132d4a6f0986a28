# METADATA
# title: Finding builder
# description: |
#   Builds every finding from the rule's METADATA chain so no rule repeats its own
#   id, severity or control in code. A finding carries the facts enforcement levels need
#   (id, control, severity); the engine adds the rule's other facts (title, cloud,
#   remediation, legal references, audit component) from the rule catalogue the policy
#   build writes from the same METADATA (src/evaluate/policy.ts): OPA's WASM hashes a whole
#   finding on every set insert, and those facts were most of its bytes.
package leakguard.lib.finding

import rego.v1

# The package annotation of the rule that calls us carries the rule's facts.
meta(chain) := m if {
	some link in chain
	m := link.annotations
	m.custom.id
}

# What a finding keeps of its subject (a rule, not a literal in new(): that would be built
# again for every finding).
subject_fields := {"key", "address", "stack", "type", "region", "action", "origin"}

# The subject as the policy reports it. A resource of the input goes by its key alone: the
# engine adds its other subject fields from the input (src/evaluate/policy.ts Judging), which
# spares a copy of them in every finding and their hashing on every set insert (~10 % of an
# evaluation where most resources have a finding). Any other subject (a region, an estate, a
# provider block) is reported whole. data.full_subjects reports every subject whole: the
# tests compare both ways on every fixture and public plan (test/evaluate/subjects.test.ts),
# which holds that rules pass the input's resources unchanged.
subject(r) := s if {
	not whole_subjects
	input.resources[r.key]
	s := {"key": r.key}
} else := object.filter(r, subject_fields)

whole_subjects if data.full_subjects

# finding(rego.metadata.chain(), resource, message) is what every rule emits.
new(chain, resource, message) := {
	"rule_id": m.custom.id,
	"control": m.custom.control,
	"severity": m.custom.severity,
	"message": message,
	"resource": subject(resource),
} if {
	m := meta(chain)
}
