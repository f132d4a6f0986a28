# METADATA
# title: PII data store not logging to the central workspace
# description: |
#   Storage accounts, SQL servers and databases and Key Vaults classified as personal
#   information must send their logs to the central Log Analytics workspace
#   (central_workspace_names; any workspace when none is configured) through an
#   azurerm_monitor_diagnostic_setting targeting them (for storage, the account or one of
#   its services). SQL servers may instead use an extended auditing policy with
#   log_monitoring_enabled.
#   Unknowns: a workspace id unknown at plan time counts when it refers to a central
#   workspace in the input; a literal id is matched by its workspace name.
# custom:
#   id: azure-pii-central-diagnostics
#   control: central-audit-correlation
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [azurerm_storage_account, azurerm_mssql_server, azurerm_sql_server, azurerm_key_vault]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management (centralised collection and correlation)
#   remediation: |
#     Add azurerm_monitor_diagnostic_setting { target_resource_id = the store,
#     log_analytics_workspace_id = the central workspace, enabled_log { category_group =
#     "audit" } }.
#   construct: HardenedStorageAccount
#   example: |
#     # For the PII store (tagged data-classification = pii): its blob service, SQL server or Key Vault.
#     resource "azurerm_monitor_diagnostic_setting" "customers_blob" {
#       name                       = "to-central-workspace"
#       target_resource_id         = "${azurerm_storage_account.customers.id}/blobServices/default"
#       log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id # central_workspace_names
#       enabled_log {
#         category_group = "allLogs"
#       }
#     }
package leakguard.rules.azure.monitor.pii_central_diagnostics

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

names := {lower(n) | some n in config.settings.central_workspace_names}

store_types := ["azurerm_storage_account", "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_sql_server", "azurerm_key_vault"]

central_name(_) if count(names) == 0

central_name(name) if names[lower(name)]

central_setting(s) if {
	some w in resources.linked_to(s, "log_analytics_workspace_id")
	w.type == "azurerm_log_analytics_workspace"
	central_name(object.get(w.values, "name", ""))
}

central_setting(s) if {
	id := s.values.log_analytics_workspace_id
	resources.literal(id)
	parts := split(id, "/")
	central_name(parts[count(parts) - 1])
}

logged(r) if {
	some s in resources.linked_from(r, "azurerm_monitor_diagnostic_setting", "target_resource_id")
	central_setting(s)
}

logged(r) if {
	r.type in {"azurerm_mssql_server", "azurerm_sql_server"}
	some p in resources.linked_from(r, "azurerm_mssql_server_extended_auditing_policy", "server_id")
	p.values.log_monitoring_enabled == true
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in store_types
	some r in resources.of_type(t)
	resources.is_pii(r)
	not logged(r)
	msg := sprintf("%s holds %s data but sends no logs to the central Log Analytics workspace", [r.address, resources.classification(r)])
}
