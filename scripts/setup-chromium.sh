#!/usr/bin/env bash
# Headless Chromium for the drift HTML report test: Debian's `chromium` package,
# installed only when /usr/bin/chromium is missing (root, as on CI and dev machines).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: no apt-get on this machine; install the chromium package by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; an update is what makes `chromium` installable.
$SUDO apt-get update -qq >/dev/null || true
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium
echo "setup-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
