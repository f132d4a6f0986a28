# METADATA
# title: Shard entrypoint
# description: |
#   The findings of the rules data.shard.rules names, before enforcement and waivers are
#   applied: what one worker of the engine's parallel evaluation returns
#   (src/evaluate/parallel.ts). Its own package: OPA's WASM build rejects a second
#   entrypoint inside leakguard.main.
package leakguard.shard

import rego.v1

findings := data.leakguard.main.raw
