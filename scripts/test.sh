#!/usr/bin/env bash
# The test command (README, CI): type-check, policy build gates, generated-file checks, Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-opa.sh
bash scripts/build-hcl-eval.sh
bash scripts/setup-clis.sh
echo "== tsc (build + type-check of tests)"
npx tsc -p tsconfig.build.json
npx tsc --noEmit -p tsconfig.json
echo "== generated types up to date"
node dist/scripts/gen-types.js --check
echo "== attribute types cover every attribute the rules read"
node dist/scripts/gen-attribute-types.js --check
echo "== policies: fmt, check --strict, test + coverage, build wasm"
node dist/scripts/build-policies.js
if [ -f dist/scripts/gen-docs.js ]; then
  echo "== rule docs up to date"
  node dist/scripts/gen-docs.js --check
fi
echo "== jest"
mkdir -p build
status=0
npx jest --ci --json --outputFile=build/jest-results.json "$@" || status=$?
# One plain closing line, whatever the reporter printed above.
node -e '
const r = require("./build/jest-results.json");
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit $status
