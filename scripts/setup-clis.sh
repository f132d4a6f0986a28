#!/usr/bin/env bash
# Installs the pinned AWS CLI (v1) and Azure CLI from PyPI into .tools/awscli and .tools/azure-cli,
# project-local, for the test that checks every runbook command against the real CLIs' command
# tables (no network or credentials needed at test time). Skips a CLI already at its version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# install <venv> <pip package> <package.json leakguard key> <python module whose __version__ is checked>
install() {
  local venv="$root/.tools/$1" package="$2" module="$4" version
  version="$(node -p "require('$root/package.json').leakguard.$3")"
  if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -c "from $module import __version__; print(__version__)" 2>/dev/null)" = "$version" ]; then
    echo "$package $version: $venv"; return
  fi
  command -v python3 >/dev/null 2>&1 || { echo "setup-clis: need python3 to install $package $version from PyPI" >&2; exit 2; }
  echo "installing $package $version from PyPI into $venv (one-off)..."
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package==$version"
  echo "$package $version: $venv"
}

install awscli awscli awscliVersion awscli
install azure-cli azure-cli azureCliVersion azure.cli.core
