package leakguard.rules.azure.rdbms.tls_test

import data.leakguard.rules.azure.rdbms.tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_mysql_server.shop", {"ssl_enforcement_enabled": false}, {})])

test_ssl_off_fails if {
	k.summary(rule.deny) == {["azure-rdbms-tls", "test/azurerm_mysql_server.shop", "azurerm_mysql_server.shop accepts connections without TLS (ssl_enforcement_enabled is not true)"]} with input as failing_input
}

test_enforced_tls12_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_postgresql_server.a", {"ssl_enforcement_enabled": true}, {}),
		k.az("azurerm_mariadb_server.b", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}, {}),
		k.az("azurerm_postgresql_flexible_server_configuration.c", {"name": "require_secure_transport", "value": "on"}, {}),
		k.az("azurerm_mysql_flexible_server_configuration.d", {"name": "tls_version", "value": "TLSv1.2,TLSv1.3"}, {}),
		k.az("azurerm_postgresql_flexible_server_configuration.e", {"name": "log_connections", "value": "off"}, {}),
	])
}

test_old_tls_fails if {
	k.summary(rule.deny) == {["azure-rdbms-tls", "test/azurerm_postgresql_server.a", "azurerm_postgresql_server.a accepts TLS1_1; set ssl_minimal_tls_version_enforced = \"TLS1_2\""]} with input as t.with_index([k.az("azurerm_postgresql_server.a", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"}, {})])
}

test_flexible_parameters_fail if {
	k.summary(rule.deny) == {
		["azure-rdbms-tls", "test/azurerm_postgresql_flexible_server_configuration.c", "azurerm_postgresql_flexible_server_configuration.c sets server parameter require_secure_transport = OFF, allowing connections without TLS 1.2"],
		["azure-rdbms-tls", "test/azurerm_mysql_flexible_server_configuration.d", "azurerm_mysql_flexible_server_configuration.d sets server parameter tls_version = TLSv1.1,TLSv1.2, allowing connections without TLS 1.2"],
	} with input as t.with_index([
		k.az("azurerm_postgresql_flexible_server_configuration.c", {"name": "require_secure_transport", "value": "OFF"}, {}),
		k.az("azurerm_mysql_flexible_server_configuration.d", {"name": "tls_version", "value": "TLSv1.1,TLSv1.2"}, {}),
	])
}

test_unknowns_are_reported if {
	k.summary(rule.deny) == {
		["azure-rdbms-tls", "test/azurerm_postgresql_server.u", "azurerm_postgresql_server.u has ssl_enforcement_enabled unknown at plan time; TLS cannot be shown enforced"],
		["azure-rdbms-tls", "test/azurerm_mysql_server.v", "azurerm_mysql_server.v has ssl_minimal_tls_version_enforced unknown at plan time; TLS 1.2 cannot be shown"],
		["azure-rdbms-tls", "test/azurerm_mysql_flexible_server_configuration.w", "azurerm_mysql_flexible_server_configuration.w sets server parameter require_secure_transport to a value unknown at plan time; TLS cannot be shown enforced"],
	} with input as t.with_index([
		k.unknown(k.az("azurerm_postgresql_server.u", {}, {}), ["ssl_enforcement_enabled"]),
		k.az("azurerm_mysql_server.v", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "${var.tls}"}, {}),
		k.az("azurerm_mysql_flexible_server_configuration.w", {"name": "require_secure_transport", "value": "${var.secure}"}, {}),
	])
}

test_unknown_parameter_name_with_a_weak_value_is_reported if {
	k.summary(rule.deny) == {["azure-rdbms-tls", "test/azurerm_postgresql_flexible_server_configuration.n", "azurerm_postgresql_flexible_server_configuration.n sets a server parameter whose name is unknown at plan time to off; that it leaves TLS enforced cannot be verified"]} with input as t.with_index([
		k.unknown(k.az("azurerm_postgresql_flexible_server_configuration.n", {"name": "${var.parameter}", "value": "off"}, {}), []),
		k.az("azurerm_postgresql_flexible_server_configuration.m", {"name": "${var.parameter}", "value": "on"}, {}),
	])
}
