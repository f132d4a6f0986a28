# METADATA
# title: PII Synapse SQL pool keeps no geo-backup
# description: |
#   A Synapse dedicated SQL pool takes restore points in its own region (kept 7 days, not
#   configurable) and, once a day, a geo-backup to the paired region, the only copy that
#   survives the loss of the region. A pool holding personal information (tagged itself, or in
#   a workspace tagged so) must keep the geo-backup: geo_backup_policy_enabled (default true)
#   not false and storage_account_type (default "GRS") not "LRS", which rules geo-backups out.
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven and is reported.
# custom:
#   id: azure-synapse-geo-backup-pii
#   control: backup-protection
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: backups
#     types: [azurerm_synapse_workspace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Leave geo_backup_policy_enabled at true and storage_account_type at "GRS" on the
#     azurerm_synapse_sql_pool (moving off LRS creates a new pool).
#   construct: HardenedSynapseWorkspace
#   fix:
#     summary: Keep the daily geo-backup of the pool
#     edits:
#       - set: { geo_backup_policy_enabled: 'true' }
#   runbook:
#     exposure: The pool's customer data has no copy outside its region; a regional loss or a deleted pool cannot be restored after 7 days
#     preserve:
#       - do: Record the pool's settings
#         run: az synapse sql pool show --name {{values.name}} --workspace-name {{via.synapse_workspace_id.name|fill.workspace-name}} --resource-group {{via.synapse_workspace_id.resource_group_name|fill.resource-group}}
#     contain:
#       - do: Turn the pool's geo-backup policy on (the pool's resource id from the show step)
#         run: az rest --method put --url https://management.azure.com{{fill.sql-pool-id}}/geoBackupPolicies/Default?api-version=2021-06-01 --body "{\"properties\":{\"state\":\"Enabled\"} }"
#     verify:
#       - do: properties.state reads Enabled
#         run: az rest --method get --url https://management.azure.com{{fill.sql-pool-id}}/geoBackupPolicies/Default?api-version=2021-06-01
#   example: |
#     resource "azurerm_synapse_sql_pool" "orders" {
#       name                      = "orderspool"
#       synapse_workspace_id      = azurerm_synapse_workspace.analytics.id
#       sku_name                  = "DW100c"
#       create_mode               = "Default"
#       storage_account_type      = "GRS"
#       geo_backup_policy_enabled = true
#       tags                      = { "data-classification" = "pii" }
#     }
package leakguard.rules.azure.synapse.geo_backup_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("azurerm_synapse_sql_pool")
	class := pii_class(p)
	msg := sprintf("Synapse SQL pool %s holds %s data but %s", [p.address, class, problem(p)])
}

pii_class(p) := resources.classification(p) if {
	resources.is_pii(p)
} else := resources.classification(w) if {
	some w in resources.linked_to_type(p, "synapse_workspace_id", "azurerm_synapse_workspace")
	resources.is_pii(w)
}

problem(p) := "its geo-backup settings are unknown at plan time" if {
	some path in ["geo_backup_policy_enabled", "storage_account_type"]
	resources.unverifiable(p, path)
} else := "keeps no geo-backup (storage_account_type LRS)" if {
	p.values.storage_account_type == "LRS"
} else := "keeps no geo-backup (geo_backup_policy_enabled false)" if {
	p.values.geo_backup_policy_enabled == false
}
