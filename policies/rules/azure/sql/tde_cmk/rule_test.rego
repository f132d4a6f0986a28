package leakguard.rules.azure.sql.tde_cmk_test

import data.leakguard.rules.azure.sql.tde_cmk as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

server := k.az("azurerm_mssql_server.sql", {"name": "shop-sql"}, {})

failing_input := t.with_index([server])

test_service_managed_key_fails if {
	k.summary(rule.deny) == {["azure-sql-tde-cmk", "test/azurerm_mssql_server.sql", "SQL server azurerm_mssql_server.sql encrypts databases and backups with the service-managed key, not a customer-managed key"]} with input as failing_input
}

test_tde_resource_passes if {
	tde := k.az("azurerm_mssql_server_transparent_data_encryption.tde", {"key_vault_key_id": "${azurerm_key_vault_key.k.id}"}, {"server_id": ["azurerm_mssql_server.sql"], "key_vault_key_id": ["azurerm_key_vault_key.k"]})
	count(rule.deny) == 0 with input as t.with_index([server, tde])
	service := k.az("azurerm_mssql_server_transparent_data_encryption.tde", {}, {"server_id": ["azurerm_mssql_server.sql"]})
	count(rule.deny) == 1 with input as t.with_index([server, service])
}

test_inline_key_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_mssql_server.sql", {"transparent_data_encryption_key_vault_key_id": "https://kv/keys/k"}, {})])
}
