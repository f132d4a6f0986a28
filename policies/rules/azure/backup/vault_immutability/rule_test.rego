package leakguard.rules.azure.backup.vault_immutability_test

import data.leakguard.rules.azure.backup.vault_immutability as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

vault(values) := k.az("azurerm_recovery_services_vault.v", values, {})

failing_input := t.with_index([vault({})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-backup-vault-immutability", "test/azurerm_recovery_services_vault.v", "Backup vault azurerm_recovery_services_vault.v is not immutable (immutability Disabled)"]} with input as failing_input
}

test_locked_passes if {
	count(rule.deny) == 0 with input as t.with_index([vault({"immutability": "Locked"})])
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_data_protection_backup_vault.d", {"immutability": "Unlocked"}, {})])
}

test_configured_states_and_unknown if {
	count(rule.deny) == 1 with input as t.with_index([vault({"immutability": "Unlocked"})]) with data.config as {"backup_vault_immutability_states": ["Locked"]}
	k.summary(rule.deny) == {["azure-backup-vault-immutability", "test/azurerm_recovery_services_vault.v", "Backup vault azurerm_recovery_services_vault.v has immutability unknown at plan time"]} with input as t.with_index([k.unknown(vault({}), ["immutability"])])
}
