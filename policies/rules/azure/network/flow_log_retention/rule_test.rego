package leakguard.rules.azure.network.flow_log_retention_test

import data.leakguard.rules.azure.network.flow_log_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

flow_log(policy) := k.az("azurerm_network_watcher_flow_log.app", {"name": "app-nsg-flows", "enabled": true, "retention_policy": policy}, {})

failing_input := t.with_index([flow_log([{"enabled": true, "days": 7}])])

test_short_retention_fails if {
	k.summary(rule.deny) == {["azure-network-flow-log-retention", "test/azurerm_network_watcher_flow_log.app", "Flow log azurerm_network_watcher_flow_log.app keeps flows 7 days, outside 90-400 (0 is forever)"]} with input as failing_input
}

test_forever_fails if {
	count(rule.deny) == 1 with input as t.with_index([flow_log([{"enabled": true, "days": 0}])])
	k.summary(rule.deny) == {["azure-network-flow-log-retention", "test/azurerm_network_watcher_flow_log.app", "Flow log azurerm_network_watcher_flow_log.app keeps flows forever: its retention policy is disabled or missing"]} with input as t.with_index([flow_log({"enabled": false, "days": 90})])
	count(rule.deny) == 1 with input as t.with_index([flow_log(null)])
}

test_retention_in_range_passes if {
	count(rule.deny) == 0 with input as t.with_index([flow_log([{"enabled": true, "days": 90}])])
	count(rule.deny) == 0 with input as t.with_index([flow_log([{"enabled": true, "days": 30}])]) with data.config as {"log_retention_min_days": 30}
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(flow_log(null), ["retention_policy"])])
}

# Days set from another resource (a plan's reference), a variable without a value (unlinked)
# or an expression: reported as not verifiable.
test_unknown_days_cannot_be_verified if {
	msg := "Flow log azurerm_network_watcher_flow_log.app has retention_policy.days unknown at plan time; that it keeps flows 90-400 days cannot be verified"
	by_reference := object.union(k.unknown(flow_log([{"enabled": true}]), ["retention_policy.days"]), {"references": {"retention_policy.days": ["test/terraform_data.elsewhere"]}})
	k.summary(rule.deny) == {["azure-network-flow-log-retention", "test/azurerm_network_watcher_flow_log.app", msg]} with input as t.with_index([by_reference])
	unlinked := object.union(k.unknown(flow_log([{"enabled": true}]), ["retention_policy.days"]), {"unlinked": ["retention_policy.days"]})
	k.summary(rule.deny) == {["azure-network-flow-log-retention", "test/azurerm_network_watcher_flow_log.app", msg]} with input as t.with_index([unlinked])
	k.summary(rule.deny) == {["azure-network-flow-log-retention", "test/azurerm_network_watcher_flow_log.app", msg]} with input as t.with_index([flow_log([{"enabled": true, "days": "${var.days}"}])])
}
