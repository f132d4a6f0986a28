package leakguard.rules.azure.storage.blob_diagnostics_test

import data.leakguard.rules.azure.storage.blob_diagnostics as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account := k.az("azurerm_storage_account.sa", {"name": "shopdata"}, {})

setting(target, values) := k.az("azurerm_monitor_diagnostic_setting.blob", object.union({"name": "blob", "target_resource_id": target}, values), {"target_resource_id": ["azurerm_storage_account.sa"]})

blob := "${azurerm_storage_account.sa.id}/blobServices/default"

all_three := {"enabled_log": [{"category": "StorageRead"}, {"category": "StorageWrite"}, {"category": "StorageDelete"}]}

failing_input := t.with_index([account, setting("${azurerm_storage_account.sa.id}", all_three)])

test_account_level_setting_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-blob-diagnostics", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has no diagnostic setting on its blob service; blob reads, writes and deletes are not logged",
	]} with input as failing_input
}

test_blob_setting_with_all_categories_passes if {
	count(rule.deny) == 0 with input as t.with_index([account, setting(blob, all_three)])
}

test_all_logs_group_passes if {
	count(rule.deny) == 0 with input as t.with_index([account, setting(blob, {"enabled_log": {"category_group": "allLogs"}})])
}

test_missing_category_fails if {
	s := setting(blob, {"log": [{"category": "StorageRead", "enabled": true}, {"category": "StorageDelete", "enabled": false}]})
	k.summary(rule.deny) == {[
		"azure-storage-blob-diagnostics", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa blob diagnostic setting does not log StorageDelete, StorageWrite",
	]} with input as t.with_index([account, s])
}

test_unknown_target_with_categories_passes if {
	s := k.unknown(k.az("azurerm_monitor_diagnostic_setting.blob", all_three, {"target_resource_id": ["azurerm_storage_account.sa"]}), ["target_resource_id"])
	count(rule.deny) == 0 with input as t.with_index([account, s])
}

blob_id(name) := sprintf("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/%s/blobServices/default", [name])

orphan(name, values) := k.az("azurerm_monitor_diagnostic_setting.blob", object.union({"name": "blob", "target_resource_id": blob_id(name)}, values), {})

test_setting_without_its_account_fails_on_itself if {
	k.summary(rule.deny) == {[
		"azure-storage-blob-diagnostics", "test/azurerm_monitor_diagnostic_setting.blob",
		"Diagnostic setting azurerm_monitor_diagnostic_setting.blob (for the blob service of storage account elsewhere not in this input) does not log StorageDelete, StorageWrite",
	]} with input as t.with_index([orphan("elsewhere", {"enabled_log": [{"category": "StorageRead"}]})])
}

test_complete_setting_without_its_account_passes if {
	count(rule.deny) == 0 with input as t.with_index([orphan("elsewhere", all_three)])
}

test_weak_setting_naming_its_account_reports_only_the_account if {
	{f.resource.key | some f in rule.deny} == {"test/azurerm_storage_account.sa"} with input as t.with_index([account, orphan("shopdata", {})])
}

# The setting's target from something the input cannot follow: it may be the account itself
# (no blob categories there) or another resource.
unknown_msg := "Storage account azurerm_storage_account.sa has no diagnostic setting known to be on its blob service; the target of azurerm_monitor_diagnostic_setting.blob is unknown at plan time, so that blob reads, writes and deletes are logged cannot be verified"

test_unlinked_target_cannot_be_verified if {
	s := object.union(k.unknown(k.az("azurerm_monitor_diagnostic_setting.blob", all_three, {"target_resource_id": ["azurerm_storage_account.sa"]}), ["target_resource_id"]), {"unlinked": ["target_resource_id"]})
	k.summary(rule.deny) == {["azure-storage-blob-diagnostics", "test/azurerm_storage_account.sa", unknown_msg]} with input as t.with_index([account, s])
}

test_target_from_another_resource_cannot_be_verified if {
	s := k.unknown(k.az("azurerm_monitor_diagnostic_setting.blob", all_three, {"target_resource_id": ["terraform_data.elsewhere"]}), ["target_resource_id"])
	linked := object.union(account, {"referenced_by": [{"attribute": "target_resource_id", "key": "test/azurerm_monitor_diagnostic_setting.blob", "type": "azurerm_monitor_diagnostic_setting"}]})
	inp := t.with_index([account, s])
	k.summary(rule.deny) == {["azure-storage-blob-diagnostics", "test/azurerm_storage_account.sa", unknown_msg]} with input as object.union(inp, {"resources": {"test/azurerm_storage_account.sa": linked}})
}
