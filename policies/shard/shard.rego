# METADATA
# title: Shard entrypoints
# description: |
#   What the workers of the engine's parallel evaluation return (src/evaluate/parallel.ts):
#   `findings`, the findings of the rules data.shard.rules names with their enforcement
#   levels (before waivers), and once per evaluation `estate`, the parts of the decision that
#   depend on no finding. The engine counts the summary from the findings.
#   test/evaluate/parallel.test.ts proves the result equal to data.leakguard.main.decision.
#   Its own package: OPA's WASM build rejects a second entrypoint inside leakguard.main.
package leakguard.shard

import data.leakguard.main
import rego.v1

findings := main.findings

estate := {
	"schema_version": main.schema_version,
	"overrides": main.overrides,
	"resources": count(input.resources),
	"uncovered": main.uncovered,
}
