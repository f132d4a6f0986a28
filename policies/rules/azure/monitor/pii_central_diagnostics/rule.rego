# METADATA
# title: PII data store not logging to the central workspace
# description: |
#   Every data store classified as personal information (storage accounts, SQL servers and
#   databases, Key Vaults, Cosmos DB, Event Hubs and Service Bus namespaces, PostgreSQL and
#   MySQL servers, flexible and single, Redis caches, AI Search services, Synapse workspaces)
#   must send its logs to the central Log Analytics workspace (central_workspace_names; any
#   workspace when none is configured) through an azurerm_monitor_diagnostic_setting targeting
#   it (for storage, the account or one of its services). For the stores whose access is logged
#   in named categories, the setting must enable one of them, or the "audit" or "allLogs"
#   category group (an enabled_log block, or a legacy log block not disabled): Cosmos DB
#   DataPlaneRequests/ControlPlaneRequests (or the Mongo, Cassandra, Gremlin and Table API
#   request logs), Event Hubs and Service Bus RuntimeAuditLogs/OperationalLogs, PostgreSQL
#   PostgreSQLLogs (flexible servers also PostgreSQLFlexSessions), MySQL MySqlAuditLogs, Redis
#   ConnectedClientList/MSEntraAuthenticationAuditLog, AI Search OperationLogs, Synapse
#   SQLSecurityAuditEvents/SynapseRbacOperations/GatewayApiRequests/BuiltinSqlReqsEnded; a
#   setting with metrics only logs no access. SQL servers may instead use an extended auditing
#   policy with log_monitoring_enabled, and Synapse workspaces a
#   azurerm_synapse_workspace_extended_auditing_policy with log_monitoring_enabled.
#   Unknowns: a workspace id unknown at plan time counts when it refers to a central
#   workspace in the input; a literal id is matched by its workspace name; a category or
#   category group unknown at plan time cannot be shown to log access and does not count.
# custom:
#   id: azure-pii-central-diagnostics
#   control: central-audit-correlation
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types:
#       - azurerm_storage_account
#       - azurerm_mssql_server
#       - azurerm_sql_server
#       - azurerm_key_vault
#       - azurerm_cosmosdb_account
#       - azurerm_eventhub_namespace
#       - azurerm_servicebus_namespace
#       - azurerm_postgresql_flexible_server
#       - azurerm_postgresql_server
#       - azurerm_mysql_flexible_server
#       - azurerm_mysql_server
#       - azurerm_redis_cache
#       - azurerm_search_service
#       - azurerm_synapse_workspace
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management (centralised collection and correlation)
#   remediation: |
#     Add azurerm_monitor_diagnostic_setting { target_resource_id = the store,
#     log_analytics_workspace_id = the central workspace, enabled_log { category_group =
#     "audit" } } (or an audit category named above).
#   construct: HardenedStorageAccount
#   example: |
#     # For the PII store (tagged data-classification = pii): its blob service, SQL server, Key Vault,
#     # database server, Cosmos DB account, namespace, cache, search service or Synapse workspace.
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

store_types := [
	"azurerm_storage_account", "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_sql_server", "azurerm_key_vault",
	"azurerm_cosmosdb_account", "azurerm_eventhub_namespace", "azurerm_servicebus_namespace",
	"azurerm_postgresql_flexible_server", "azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_mysql_server",
	"azurerm_redis_cache", "azurerm_search_service", "azurerm_synapse_workspace",
]

messaging_audit := {"runtimeauditlogs", "operationallogs"}

# Stores whose access lands in named log categories (lower case): a setting must enable one of
# them (or an audit/allLogs group) to count. The others keep any central setting.
audit_categories := {
	"azurerm_cosmosdb_account": {"dataplanerequests", "controlplanerequests", "mongorequests", "cassandrarequests", "gremlinrequests", "tableapirequests"},
	"azurerm_eventhub_namespace": messaging_audit,
	"azurerm_servicebus_namespace": messaging_audit,
	"azurerm_postgresql_flexible_server": {"postgresqllogs", "postgresqlflexsessions"},
	"azurerm_postgresql_server": {"postgresqllogs"},
	"azurerm_mysql_flexible_server": {"mysqlauditlogs"},
	"azurerm_mysql_server": {"mysqlauditlogs"},
	"azurerm_redis_cache": {"connectedclientlist", "msentraauthenticationauditlog"},
	"azurerm_search_service": {"operationlogs"},
	"azurerm_synapse_workspace": {"sqlsecurityauditevents", "synapserbacoperations", "gatewayapirequests", "builtinsqlreqsended"},
}

audit_groups := {"audit", "alllogs"}

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
	logs_access(r, s)
}

logs_access(r, _) if not audit_categories[r.type]

logs_access(r, s) if {
	some l in resources.blocks_at(s, "enabled_log")
	audit_log(r, l)
}

# azurerm 3's log { category, enabled } blocks.
logs_access(r, s) if {
	some l in resources.blocks_at(s, "log")
	object.get(l, "enabled", true) != false
	audit_log(r, l)
}

audit_log(_, l) if audit_groups[lower(l.category_group)]

audit_log(r, l) if audit_categories[r.type][lower(l.category)]

logged(r) if {
	r.type in {"azurerm_mssql_server", "azurerm_sql_server"}
	some p in resources.linked_from(r, "azurerm_mssql_server_extended_auditing_policy", "server_id")
	p.values.log_monitoring_enabled == true
}

logged(r) if {
	r.type == "azurerm_synapse_workspace"
	some p in resources.linked_from(r, "azurerm_synapse_workspace_extended_auditing_policy", "synapse_workspace_id")
	p.values.log_monitoring_enabled == true
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in store_types
	some r in resources.of_type(t)
	resources.is_pii(r)
	not logged(r)
	msg := message(r)
}

message(r) := sprintf("%s holds %s data but sends no logs to the central Log Analytics workspace", [r.address, resources.classification(r)]) if {
	not central_without_audit(r)
} else := sprintf("%s holds %s data but its diagnostic setting to the central workspace enables no access log (an audit category or the audit/allLogs group)", [r.address, resources.classification(r)])

central_without_audit(r) if {
	audit_categories[r.type]
	some s in resources.linked_from(r, "azurerm_monitor_diagnostic_setting", "target_resource_id")
	central_setting(s)
}
