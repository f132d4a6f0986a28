#!/usr/bin/env bash
# Installs the pinned OPA release into .tools/bin (project-local), reusing an
# `opa` on PATH only when it is exactly the pinned version.
set -euo pipefail
OPA_VERSION="$(node -p "require('./package.json').leakguard.opaVersion" 2>/dev/null || true)"
[ -n "$OPA_VERSION" ] || OPA_VERSION="1.22.3"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"

version_of() { "$1" version 2>/dev/null | awk '/^Version:/ {print $2}'; }

if [ -x "$bin/opa" ] && [ "$(version_of "$bin/opa")" = "$OPA_VERSION" ]; then
  echo "opa $OPA_VERSION: $bin/opa"; exit 0
fi
if command -v opa >/dev/null 2>&1 && [ "$(version_of "$(command -v opa)")" = "$OPA_VERSION" ]; then
  ln -sf "$(command -v opa)" "$bin/opa"
  echo "opa $OPA_VERSION: reusing $(command -v opa)"; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "setup-opa: need Go (to 'go install' OPA v$OPA_VERSION) or opa $OPA_VERSION on PATH; found neither" >&2
  exit 2
fi
echo "installing opa v$OPA_VERSION with go install (one-off, a few minutes)..."
GOBIN="$bin" CGO_ENABLED=0 go install "github.com/open-policy-agent/opa@v$OPA_VERSION"
[ "$(version_of "$bin/opa")" = "$OPA_VERSION" ] || { echo "setup-opa: installed opa does not report version $OPA_VERSION" >&2; exit 2; }
echo "opa $OPA_VERSION: $bin/opa"
