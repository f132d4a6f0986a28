package leakguard.rules.azure.monitor.workspace_retention_test

import data.leakguard.rules.azure.monitor.workspace_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

ws(values) := k.az("azurerm_log_analytics_workspace.central", object.union({"name": "central"}, values), {})

failing_input := t.with_index([ws({})])

test_provider_default_fails if {
	k.summary(rule.deny) == {["azure-log-analytics-retention", "test/azurerm_log_analytics_workspace.central", "Log Analytics workspace azurerm_log_analytics_workspace.central keeps logs 30 days, outside 90-400"]} with input as failing_input
}

test_too_long_fails if {
	count(rule.deny) == 1 with input as t.with_index([ws({"retention_in_days": 730})])
}

test_in_range_passes if {
	count(rule.deny) == 0 with input as t.with_index([ws({"retention_in_days": 365})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["azure-log-analytics-retention", "test/azurerm_log_analytics_workspace.central", "Log Analytics workspace azurerm_log_analytics_workspace.central has a retention unknown at plan time"]} with input as t.with_index([k.unknown(ws({}), ["retention_in_days"])])
}
