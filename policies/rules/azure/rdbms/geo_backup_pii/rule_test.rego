package leakguard.rules.azure.rdbms.geo_backup_pii_test

import data.leakguard.rules.azure.rdbms.geo_backup_pii as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

server(type, values, class) := k.tagged(k.az(sprintf("%s.customers", [type]), object.union({"name": "db-customers", "resource_group_name": "rg"}, values), {}), {"data-classification": class})

test_pii_server_without_geo_backup_fails if {
	every type in rule.server_types {
		k.summary(rule.deny) == {["azure-rdbms-geo-backup-pii", sprintf("test/%s.customers", [type]), sprintf("Database server %s.customers holds pii data but keeps its backups in one region (geo_redundant_backup_enabled unset (false by default))", [type])]} with input as t.with_index([server(type, {}, "pii")])
	}
	k.summary(rule.deny) == {["azure-rdbms-geo-backup-pii", "test/azurerm_mysql_server.customers", "Database server azurerm_mysql_server.customers holds pii data but keeps its backups in one region (geo_redundant_backup_enabled false)"]} with input as t.with_index([server("azurerm_mysql_server", {"geo_redundant_backup_enabled": false}, "pii")])
}

test_geo_backup_or_non_pii_passes if {
	count(rule.deny) == 0 with input as t.with_index([server("azurerm_postgresql_flexible_server", {"geo_redundant_backup_enabled": true}, "pii")])
	count(rule.deny) == 0 with input as t.with_index([server("azurerm_postgresql_flexible_server", {}, "internal")])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-rdbms-geo-backup-pii", "test/azurerm_mysql_flexible_server.customers", "Database server azurerm_mysql_flexible_server.customers holds pii data and has geo_redundant_backup_enabled unknown at plan time; a copy in the paired region cannot be shown"]} with input as t.with_index([k.unknown(server("azurerm_mysql_flexible_server", {}, "pii"), ["geo_redundant_backup_enabled"])])
}
