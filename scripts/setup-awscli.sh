#!/usr/bin/env bash
# Installs the pinned AWS CLI (v1, from PyPI) into .tools/awscli, project-local, for the test
# that checks every runbook's AWS commands against the real CLI's command table (no network
# or credentials needed at test time). Skips when that version is already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(node -p "require('$root/package.json').leakguard.awscliVersion")"
venv="$root/.tools/awscli"
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -c 'import awscli; print(awscli.__version__)' 2>/dev/null)" = "$version" ]; then
  echo "awscli $version: $venv"; exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "setup-awscli: need python3 to install awscli $version from PyPI" >&2; exit 2; }
echo "installing awscli $version from PyPI into $venv (one-off)..."
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "awscli==$version"
echo "awscli $version: $venv"
