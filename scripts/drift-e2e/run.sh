#!/usr/bin/env bash
# Drift end to end against a running moto server:
#   apply the stack → accept the provider's own normalisation (apply -refresh-only) →
#   refresh-only plan (no drift) → change things out of band → refresh-only plan (drift).
# Usage: run.sh <workdir> <endpoint, e.g. http://127.0.0.1:45991>
# Writes into <workdir>: nodrift-plan.json, state.json (terraform show -json), terraform.tfstate,
# drift-plan.json. Uses the offline provider mirror at $TF_PLUGIN_MIRROR (default /opt/tf-plugins).
set -euo pipefail
work=${1:?workdir}
endpoint=${2:?endpoint}
here="$(cd "$(dirname "$0")" && pwd)"
mirror=${TF_PLUGIN_MIRROR:-/opt/tf-plugins}
mkdir -p "$work"
cp "$here/stack/main.tf" "$work/main.tf"
cat > "$work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_VAR_endpoint="$endpoint"
export TF_VAR_db_password="${DRIFT_E2E_SECRET_BEFORE:-LG-SECRET-before-7f3a9c}"
cd "$work"
tf() { terraform "$@" -no-color >>"$work/terraform.log" 2>&1 || { tail -40 "$work/terraform.log" >&2; exit 1; }; }
tf init
tf apply -auto-approve
tf apply -refresh-only -auto-approve
tf plan -refresh-only -out nodrift.tfplan
terraform show -json nodrift.tfplan > nodrift-plan.json
terraform show -json > state.json
python3 "$here/out-of-band.py" "$endpoint" "${DRIFT_E2E_SECRET_AFTER:-LG-SECRET-after-91be2d}" >>"$work/terraform.log"
tf plan -refresh-only -out drift.tfplan
terraform show -json drift.tfplan > drift-plan.json
echo "drift-e2e: wrote $work/{nodrift-plan,state,drift-plan}.json"
