package leakguard.rules.azure.network.flow_log_enabled_test

import data.leakguard.rules.azure.network.flow_log_enabled as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

flow_log(values) := k.az("azurerm_network_watcher_flow_log.app", object.union({"name": "app-nsg-flows"}, values), {})

failing_input := t.with_index([flow_log({"enabled": false})])

test_disabled_flow_log_fails if {
	k.summary(rule.deny) == {["azure-network-flow-log-enabled", "test/azurerm_network_watcher_flow_log.app", "Flow log azurerm_network_watcher_flow_log.app is disabled (enabled = false)"]} with input as failing_input
}

test_enabled_flow_log_passes if {
	count(rule.deny) == 0 with input as t.with_index([flow_log({"enabled": true})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["azure-network-flow-log-enabled", "test/azurerm_network_watcher_flow_log.app", "Flow log azurerm_network_watcher_flow_log.app has enabled unknown at plan time"]} with input as t.with_index([k.unknown(flow_log({}), ["enabled"])])
}
