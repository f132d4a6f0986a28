#!/usr/bin/env bash
# The AWS emulator for the drift end-to-end test: moto's server from PyPI, if missing.
set -euo pipefail
if python3 -c 'import moto.server, boto3' >/dev/null 2>&1; then exit 0; fi
python3 -m pip install --quiet --disable-pip-version-check 'moto[server]'
python3 -c 'import moto.server, boto3'
