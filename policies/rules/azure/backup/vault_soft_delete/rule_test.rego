package leakguard.rules.azure.backup.vault_soft_delete_test

import data.leakguard.rules.azure.backup.vault_soft_delete as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_recovery_services_vault.v", {"soft_delete_enabled": false}, {})])

test_off_fails if {
	k.summary(rule.deny) == {["azure-backup-vault-soft-delete", "test/azurerm_recovery_services_vault.v", "Backup vault azurerm_recovery_services_vault.v has soft delete turned off (soft_delete_enabled)"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([k.az("azurerm_data_protection_backup_vault.d", {"soft_delete": "Off"}, {})])
}

test_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_recovery_services_vault.v", {}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_data_protection_backup_vault.d", {"soft_delete": "AlwaysOn"}, {})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(k.az("azurerm_recovery_services_vault.v", {}, {}), ["soft_delete_enabled"])])
}

test_off_in_any_case_fails if {
	every v in ["off", "OFF", "oFf"] {
		count(rule.deny) == 1 with input as t.with_index([k.az("azurerm_data_protection_backup_vault.d", {"soft_delete": v}, {})])
	}
	every v in ["On", "alwayson", true] {
		count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_data_protection_backup_vault.d", {"soft_delete": v}, {})])
	}
}
