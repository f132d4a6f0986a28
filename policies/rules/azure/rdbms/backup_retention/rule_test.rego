package leakguard.rules.azure.rdbms.backup_retention_test

import data.leakguard.rules.azure.rdbms.backup_retention as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

server(type, values) := k.az(sprintf("%s.orders", [type]), object.union({"name": "db-orders", "resource_group_name": "rg"}, values), {})

test_short_retention_fails_on_every_server_type if {
	every type in rule.server_types {
		k.summary(rule.deny) == {["azure-rdbms-backup-retention", sprintf("test/%s.orders", [type]), sprintf("Database server %s.orders keeps point-in-time backups 3 days (minimum 7)", [type])]} with input as t.with_index([server(type, {"backup_retention_days": 3})])
	}
}

test_default_and_long_retention_pass if {
	count(rule.deny) == 0 with input as t.with_index([server("azurerm_postgresql_flexible_server", {})])
	count(rule.deny) == 0 with input as t.with_index([server("azurerm_mysql_server", {"backup_retention_days": 35})])
}

test_minimum_is_configurable if {
	k.summary(rule.deny) == {["azure-rdbms-backup-retention", "test/azurerm_mysql_flexible_server.orders", "Database server azurerm_mysql_flexible_server.orders keeps point-in-time backups 7 days (minimum 14)"]} with input as t.with_index([server("azurerm_mysql_flexible_server", {})]) with data.config as {"backup_retention_days": 14}
	count(rule.deny) == 0 with input as t.with_index([server("azurerm_mysql_flexible_server", {"backup_retention_days": 14})]) with data.config as {"backup_retention_days": 14}
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-rdbms-backup-retention", "test/azurerm_postgresql_server.orders", "Database server azurerm_postgresql_server.orders has backup_retention_days unknown at plan time; a retention of 7 days cannot be shown"]} with input as t.with_index([k.unknown(server("azurerm_postgresql_server", {}), ["backup_retention_days"])])
}
