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
