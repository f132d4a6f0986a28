#!/usr/bin/env bash
# The test command (README, CI): type-check, policy build gates, generated-file checks, Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-opa.sh
echo "== tsc (build + type-check of tests)"
npx tsc -p tsconfig.build.json
npx tsc --noEmit -p tsconfig.json
echo "== generated types up to date"
node dist/scripts/gen-types.js --check
echo "== policies: fmt, check --strict, test + coverage, build wasm"
node dist/scripts/build-policies.js
if [ -f dist/scripts/gen-docs.js ]; then
  echo "== rule docs up to date"
  node dist/scripts/gen-docs.js --check
fi
echo "== jest"
npx jest --ci "$@"
