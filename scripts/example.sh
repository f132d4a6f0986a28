#!/usr/bin/env bash
# Main job on a fresh machine: install, build the policy, synthesize the example shop and
# check it. Exit code is Leakguard's: 0 pass, 1 blocked, 2 error.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/setup-opa.sh
bash scripts/build-hcl-eval.sh
npx tsc -p tsconfig.build.json
node dist/scripts/build-policies.js
echo "== synthesizing the example shop (cdktf synth → cdktf.out)"
rm -rf cdktf.out
node dist/stacks/main.js
echo "== leakguard check cdktf.out"
node bin/leakguard.js check cdktf.out "$@"   # leakguard.config.json is discovered
