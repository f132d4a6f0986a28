# METADATA
# title: Shard entrypoints
# description: |
#   What the workers of the engine's parallel evaluation return (src/evaluate/parallel.ts):
#   `findings`, the findings of the rules data.shard.rules names as the rules give them
#   (`raw`) with their enforcement levels (before waivers) once per rule, control and
#   severity (`levels`, main.levelled as [rule_id, control, severity, fields] rows: the
#   engine adds each finding's fields, where main.findings copies every finding in WASM),
#   and once per evaluation `estate`, the parts of the decision that depend on no finding.
#   The engine counts the summary from the findings.
#   test/evaluate/parallel.test.ts proves the result equal to data.leakguard.main.decision.
#   Its own package: OPA's WASM build rejects a second entrypoint inside leakguard.main.
package leakguard.shard

import data.leakguard.main
import rego.v1

findings := {
	"raw": main.raw,
	"levels": [[k[0], k[1], k[2], fields] | some k, fields in main.levelled],
}

estate := {
	"schema_version": main.schema_version,
	"overrides": main.overrides,
	"resources": count(input.resources),
	"uncovered": main.uncovered,
}
