#!/usr/bin/env bash
# Builds the HCL evaluator (hcl-eval/, Go) to WebAssembly in build/hcl-eval/, reproducibly
# (-trimpath, no VCS stamp, no build id). Skips when the sources and the Go version are
# those of the existing build, so it costs nothing on a second run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/hcl-eval"
out="$root/build/hcl-eval"
mkdir -p "$out"

if ! command -v go >/dev/null 2>&1; then
  if [ -f "$out/hcl-eval.wasm" ] && [ -f "$out/wasm_exec.js" ]; then
    echo "hcl-eval: no Go on PATH; using the existing $out/hcl-eval.wasm"; exit 0
  fi
  echo "build-hcl-eval: need Go to build the HCL evaluator (hcl-eval/) to WebAssembly" >&2
  exit 2
fi

stamp="$( (go version; cd "$src" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -d' ' -f1)"
if [ -f "$out/hcl-eval.wasm" ] && [ -f "$out/wasm_exec.js" ] && [ "$(cat "$out/sources.sha256" 2>/dev/null)" = "$stamp" ]; then
  echo "hcl-eval: up to date ($out/hcl-eval.wasm)"; exit 0
fi
echo "building hcl-eval to WebAssembly (one-off, about a minute)..."
(cd "$src" && GOOS=js GOARCH=wasm CGO_ENABLED=0 go build -mod=readonly -trimpath -buildvcs=false -ldflags='-s -w -buildid=' -o "$out/hcl-eval.wasm.tmp" .)
mv "$out/hcl-eval.wasm.tmp" "$out/hcl-eval.wasm"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm_exec.js"
echo "$stamp" > "$out/sources.sha256"
echo "hcl-eval: $out/hcl-eval.wasm ($(sha256sum "$out/hcl-eval.wasm" | cut -c1-12))"
