package leakguard.rules.azure.monitor.activity_log_export_test

import data.leakguard.rules.azure.monitor.activity_log_export as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sa := k.az("azurerm_storage_account.sa", {}, {})

setting(target, logs, refs) := k.az("azurerm_monitor_diagnostic_setting.activity", object.union({"target_resource_id": target}, logs), refs)

failing_input := t.with_index([sa, k.az("azurerm_monitor_log_profile.legacy", {"categories": ["Action", "Delete", "Write"]}, {})])

test_missing_export_fails if {
	k.summary(rule.deny) == {["azure-activity-log-export", "estate:azure", "No diagnostic setting exports the subscription activity log (Administrative category) in the evaluated stacks"]} with input as failing_input
}

test_subscription_setting_passes if {
	s := setting("/subscriptions/3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b", {"enabled_log": [{"category": "Administrative"}, {"category": "Security"}]}, {})
	count(rule.deny) == 0 with input as t.with_index([sa, s])
}

test_subscription_data_source_and_all_logs_pass if {
	sub := k.data_source("azurerm_subscription.current", {})
	s := setting("${data.azurerm_subscription.current.id}", {"enabled_log": {"category_group": "allLogs"}}, {"target_resource_id": ["data.azurerm_subscription.current"]})
	count(rule.deny) == 0 with input as t.with_index([sa, sub, s])
}

test_legacy_log_block_passes_and_disabled_fails if {
	on := setting("/subscriptions/0000", {"log": [{"category": "Administrative", "enabled": true}]}, {})
	count(rule.deny) == 0 with input as t.with_index([sa, on])
	off := setting("/subscriptions/0000", {"log": [{"category": "Administrative", "enabled": false}]}, {})
	count(rule.deny) == 1 with input as t.with_index([sa, off])
}

test_resource_level_setting_does_not_count if {
	s := setting("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", {"enabled_log": [{"category": "Administrative"}]}, {})
	count(rule.deny) == 1 with input as t.with_index([sa, s])
}
