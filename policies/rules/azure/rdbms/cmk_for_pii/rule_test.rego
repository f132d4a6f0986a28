package leakguard.rules.azure.rdbms.cmk_for_pii_test

import data.leakguard.rules.azure.rdbms.cmk_for_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

pii(r) := k.tagged(r, {"data-classification": "pii"})

failing_input := t.with_index([pii(k.az("azurerm_postgresql_flexible_server.customers", {}, {}))])

test_pii_without_cmk_fails if {
	k.summary(rule.deny) == {["azure-rdbms-cmk-pii", "test/azurerm_postgresql_flexible_server.customers", "azurerm_postgresql_flexible_server.customers holds pii data but is not encrypted with a customer-managed key"]} with input as failing_input
}

test_inline_reference_and_key_resource_pass if {
	count(rule.deny) == 0 with input as t.with_index([
		pii(k.az("azurerm_mysql_flexible_server.a", {"customer_managed_key": [{"key_vault_key_id": "https://kv.vault.azure.net/keys/db"}]}, {})),
		k.unknown(pii(k.az("azurerm_postgresql_flexible_server.b", {"customer_managed_key": [{}]}, {"customer_managed_key.key_vault_key_id": ["azurerm_key_vault_key.db"]})), ["customer_managed_key.key_vault_key_id"]),
		pii(k.az("azurerm_postgresql_server.c", {}, {})),
		k.az("azurerm_postgresql_server_key.c", {}, {"server_id": ["azurerm_postgresql_server.c"]}),
	])
}

test_non_pii_and_unlinked_key if {
	count(rule.deny) == 0 with input as t.with_index([k.tagged(k.az("azurerm_mysql_server.internal", {}, {}), {"data-classification": "internal"})])
	count(rule.deny) == 1 with input as t.with_index([pii(k.az("azurerm_mysql_server.m", {}, {})), k.az("azurerm_mysql_server_key.other", {}, {})])
}
