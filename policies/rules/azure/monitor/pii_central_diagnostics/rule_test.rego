package leakguard.rules.azure.monitor.pii_central_diagnostics_test

import data.leakguard.rules.azure.monitor.pii_central_diagnostics as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault := k.tagged(k.az("azurerm_key_vault.kv", {"name": "shop-kv"}, {}), {"data-classification": "pii"})

workspace := k.az("azurerm_log_analytics_workspace.central", {"name": "shop-central"}, {})

setting(values, refs) := k.az("azurerm_monitor_diagnostic_setting.kv", values, object.union({"target_resource_id": ["azurerm_key_vault.kv"]}, refs))

failing_input := t.with_index([vault, workspace])

test_pii_vault_without_setting_fails if {
	k.summary(rule.deny) == {["azure-pii-central-diagnostics", "test/azurerm_key_vault.kv", "azurerm_key_vault.kv holds pii data but sends no logs to the central Log Analytics workspace"]} with input as failing_input
}

test_setting_to_workspace_by_reference_passes if {
	s := setting({"log_analytics_workspace_id": "${azurerm_log_analytics_workspace.central.id}"}, {"log_analytics_workspace_id": ["azurerm_log_analytics_workspace.central"]})
	count(rule.deny) == 0 with input as t.with_index([vault, workspace, s])
	count(rule.deny) == 0 with input as t.with_index([vault, workspace, s]) with data.config as {"central_workspace_names": ["shop-central"]}
	count(rule.deny) == 1 with input as t.with_index([vault, workspace, s]) with data.config as {"central_workspace_names": ["secops"]}
}

test_literal_workspace_id_is_matched_by_name if {
	s := setting({"log_analytics_workspace_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/SecOps"}, {})
	count(rule.deny) == 0 with input as t.with_index([vault, s]) with data.config as {"central_workspace_names": ["secops"]}
}

test_sql_server_auditing_policy_passes if {
	server := k.tagged(k.az("azurerm_mssql_server.sql", {}, {}), {"data-classification": "pii"})
	p := k.az("azurerm_mssql_server_extended_auditing_policy.a", {"log_monitoring_enabled": true}, {"server_id": ["azurerm_mssql_server.sql"]})
	count(rule.deny) == 0 with input as t.with_index([server, p])
	count(rule.deny) == 1 with input as t.with_index([server])
}

pii_store(type, name) := k.tagged(k.az(sprintf("%s.%s", [type, name]), {"name": name}, {}), {"data-classification": "pii"})

store_setting(type, name, values) := k.az(sprintf("azurerm_monitor_diagnostic_setting.%s", [name]), object.union({"log_analytics_workspace_id": "${azurerm_log_analytics_workspace.central.id}"}, values), {
	"target_resource_id": [sprintf("%s.%s", [type, name])],
	"log_analytics_workspace_id": ["azurerm_log_analytics_workspace.central"],
})

test_every_store_type_without_setting_fails if {
	types := ["azurerm_cosmosdb_account", "azurerm_eventhub_namespace", "azurerm_servicebus_namespace", "azurerm_postgresql_flexible_server", "azurerm_postgresql_server", "azurerm_mysql_flexible_server", "azurerm_mysql_server", "azurerm_redis_cache", "azurerm_search_service", "azurerm_synapse_workspace"]
	every type in types {
		k.summary(rule.deny) == {["azure-pii-central-diagnostics", sprintf("test/%s.s", [type]), sprintf("%s.s holds pii data but sends no logs to the central Log Analytics workspace", [type])]} with input as t.with_index([pii_store(type, "s"), workspace])
	}
}

test_audit_category_or_group_passes if {
	cases := [
		["azurerm_cosmosdb_account", {"category": "DataPlaneRequests"}],
		["azurerm_eventhub_namespace", {"category": "RuntimeAuditLogs"}],
		["azurerm_servicebus_namespace", {"category": "OperationalLogs"}],
		["azurerm_postgresql_flexible_server", {"category": "PostgreSQLLogs"}],
		["azurerm_postgresql_server", {"category": "PostgreSQLLogs"}],
		["azurerm_mysql_flexible_server", {"category": "MySqlAuditLogs"}],
		["azurerm_mysql_server", {"category": "MySqlAuditLogs"}],
		["azurerm_redis_cache", {"category": "ConnectedClientList"}],
		["azurerm_search_service", {"category": "OperationLogs"}],
		["azurerm_synapse_workspace", {"category": "SQLSecurityAuditEvents"}],
		["azurerm_mysql_flexible_server", {"category_group": "audit"}],
		["azurerm_redis_cache", {"category_group": "allLogs"}],
	]
	every c in cases {
		count(rule.deny) == 0 with input as t.with_index([pii_store(c[0], "s"), workspace, store_setting(c[0], "s", {"enabled_log": [c[1]]})])
	}
}

test_setting_without_access_log_fails if {
	msg := "azurerm_mysql_flexible_server.s holds pii data but its diagnostic setting to the central workspace enables no access log (an audit category or the audit/allLogs group)"
	metrics_only := store_setting("azurerm_mysql_flexible_server", "s", {"enabled_metric": [{"category": "AllMetrics"}]})
	k.summary(rule.deny) == {["azure-pii-central-diagnostics", "test/azurerm_mysql_flexible_server.s", msg]} with input as t.with_index([pii_store("azurerm_mysql_flexible_server", "s"), workspace, metrics_only])
	slow_only := store_setting("azurerm_mysql_flexible_server", "s", {"enabled_log": [{"category": "MySqlSlowLogs"}]})
	count(rule.deny) == 1 with input as t.with_index([pii_store("azurerm_mysql_flexible_server", "s"), workspace, slow_only])
	disabled_legacy := store_setting("azurerm_mysql_flexible_server", "s", {"log": [{"category": "MySqlAuditLogs", "enabled": false}]})
	count(rule.deny) == 1 with input as t.with_index([pii_store("azurerm_mysql_flexible_server", "s"), workspace, disabled_legacy])
	legacy := store_setting("azurerm_mysql_flexible_server", "s", {"log": [{"category": "MySqlAuditLogs", "enabled": true}]})
	count(rule.deny) == 0 with input as t.with_index([pii_store("azurerm_mysql_flexible_server", "s"), workspace, legacy])
}

test_unknown_category_does_not_count if {
	s := k.unknown(store_setting("azurerm_redis_cache", "s", {"enabled_log": [{"category": "${var.category}"}]}), ["enabled_log"])
	count(rule.deny) == 1 with input as t.with_index([pii_store("azurerm_redis_cache", "s"), workspace, s])
}

test_non_pii_store_is_not_judged if {
	cache := k.tagged(k.az("azurerm_redis_cache.s", {}, {}), {"data-classification": "internal"})
	count(rule.deny) == 0 with input as t.with_index([cache])
}

test_synapse_auditing_policy_passes if {
	ws := pii_store("azurerm_synapse_workspace", "s")
	p := k.az("azurerm_synapse_workspace_extended_auditing_policy.a", {"log_monitoring_enabled": true}, {"synapse_workspace_id": ["azurerm_synapse_workspace.s"]})
	count(rule.deny) == 0 with input as t.with_index([ws, p])
	off := k.az("azurerm_synapse_workspace_extended_auditing_policy.a", {"log_monitoring_enabled": false}, {"synapse_workspace_id": ["azurerm_synapse_workspace.s"]})
	count(rule.deny) == 1 with input as t.with_index([ws, off])
}
