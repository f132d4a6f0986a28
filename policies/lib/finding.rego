# METADATA
# title: Finding builder
# description: |
#   Builds every finding from the rule's METADATA chain so no rule repeats its own
#   id, severity or control in code.
package leakguard.lib.finding

import rego.v1

# The package annotation of the rule that calls us carries the rule's facts.
meta(chain) := m if {
	some link in chain
	m := link.annotations
	m.custom.id
}

# finding(rego.metadata.chain(), resource, message) is what every rule emits.
new(chain, resource, message) := {
	"rule_id": m.custom.id,
	"title": m.title,
	"control": m.custom.control,
	"severity": m.custom.severity,
	"cloud": m.custom.cloud,
	"message": message,
	"resource": object.filter(resource, {"key", "address", "stack", "type", "region", "action", "origin"}),
	"remediation": trim_space(m.custom.remediation),
	"legal": m.custom.legal,
	"audit_component": m.custom.audit_component,
} if {
	m := meta(chain)
}
