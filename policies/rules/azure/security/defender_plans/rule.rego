# METADATA
# title: Defender for Cloud plan not on the Standard tier
# description: |
#   Defender for Storage, SQL and Key Vault (defender_required_plans) detect malware
#   uploads, anomalous data extraction, SQL injection and unusual key access. Each required
#   plan needs an azurerm_security_center_subscription_pricing with tier "Standard" in the
#   evaluated stacks; a plan on Free is reported on its pricing resource, a missing plan on
#   the Azure estate (subject estate:azure).
#   Unknowns: a tier unknown at plan time is not proven and is reported. A plan
#   (resource_type) configured but unreadable is not the provider's default: on a tier other
#   than Standard it is reported as unverifiable while a required plan is not proven Standard;
#   on Standard, a required plan reported missing says it may be that one.
# custom:
#   id: azure-defender-plans
#   control: threat-detection
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Network monitoring and defences; protection against malicious code
#   remediation: |
#     Add azurerm_security_center_subscription_pricing { resource_type = "<plan>",
#     tier = "Standard" } for StorageAccounts, SqlServers and KeyVaults.
#   construct: AzureBaseline
#   fix:
#     summary: Put the Defender plan on the Standard tier
#     edits:
#       - set: { tier: '"Standard"' }
#     cdktf:
#       option: "defenderPlans (each on the Standard tier; the data services' plans cannot be left out)"
#       snippet: |
#         new AzureBaseline(this, 'baseline', { regions: ['westus2'], resourceGroupName: rg.name, workspaceName: 'log-shop-central' });
#   runbook:
#     exposure: Threats against storage, SQL or Key Vault in the subscription are not detected
#     preserve:
#       - do: Record the plans' tiers as they are now
#         run: az security pricing list
#       - do: Export the subscription's activity log for the window, the only record while detection was off
#         run: az monitor activity-log list --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn on the Standard tier of the plan
#         run: az security pricing create --name {{values.resource_type|fill.plan-name}} --tier Standard
#     verify:
#       - do: pricingTier reads Standard
#         run: az security pricing show --name {{values.resource_type|fill.plan-name}}
#   example: |
#     resource "azurerm_security_center_subscription_pricing" "storage" {
#       tier          = "Standard"
#       resource_type = "StorageAccounts"
#       subplan       = "DefenderForStorageV2"
#     }
#
#     resource "azurerm_security_center_subscription_pricing" "sql" {
#       tier          = "Standard"
#       resource_type = "SqlServers"
#     }
#
#     resource "azurerm_security_center_subscription_pricing" "key_vaults" {
#       tier          = "Standard"
#       resource_type = "KeyVaults"
#     }
package leakguard.rules.azure.security.defender_plans

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

pricings := resources.of_type("azurerm_security_center_subscription_pricing")

# resource_type defaults to VirtualMachines in the provider.
plan(p) := object.get(p.values, "resource_type", "VirtualMachines") if not resources.unresolved(p, "resource_type")

standard contains plan(p) if {
	some p in pricings
	p.values.tier == "Standard"
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in pricings
	plan(p) in config.settings.defender_required_plans
	not standard[plan(p)]
	msg := sprintf("%s leaves Defender plan %s on tier %s", [p.address, plan(p), object.get(p.values, "tier", "unknown at plan time")])
}

deny contains finding.new(rego.metadata.chain(), resources.estate_subject("azure"), msg) if {
	some required in config.settings.defender_required_plans
	not required in {plan(p) | some p in pricings}
	msg := missing_message(required)
}

# Pricings whose plan cannot be read, on Standard or not.
unknown_plans := [p | some p in pricings; resources.unresolved(p, "resource_type")]

unknown_standard := sort([p.address | some p in unknown_plans; p.values.tier == "Standard"])

missing_message(required) := sprintf("Defender for Cloud plan %s is not enabled (Standard tier) in the evaluated stacks", [required]) if {
	count(unknown_standard) == 0
} else := sprintf("Defender for Cloud plan %s is not shown enabled (Standard tier) in the evaluated stacks; %s enables a plan unknown at plan time, which cannot be verified to be it", [required, concat(", ", unknown_standard)])

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in unknown_plans
	object.get(p.values, "tier", null) != "Standard"
	open := sort([x | some x in config.settings.defender_required_plans; not standard[x]])
	count(open) > 0
	msg := sprintf("%s sets tier %s on a Defender plan unknown at plan time; that it is not required plan %s cannot be verified", [p.address, object.get(p.values, "tier", "unknown at plan time"), concat(" or ", open)])
}
