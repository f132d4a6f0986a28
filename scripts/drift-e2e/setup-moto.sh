#!/usr/bin/env bash
# The AWS emulator for the drift end-to-end test: moto's server from PyPI, if missing.
set -euo pipefail
if python3 -c 'import moto, moto.server, boto3; assert moto.__version__ == "5.2.1"' >/dev/null 2>&1; then exit 0; fi
# Pinned like every other dependency (moto 5.2.1 pulls boto3 1.43.x).
python3 -m pip install --quiet --disable-pip-version-check 'moto[server]==5.2.1'
python3 -c 'import moto.server, boto3'
