package leakguard.rules.azure.appservice.ftps_test

import data.leakguard.rules.azure.appservice.ftps as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_windows_web_app.storefront", {"site_config": [{"ftps_state": "AllAllowed"}]}, {})])

test_all_allowed_fails if {
	k.summary(rule.deny) == {["azure-appservice-ftps", "test/azurerm_windows_web_app.storefront", "azurerm_windows_web_app.storefront accepts plain FTP (ftps_state AllAllowed)"]} with input as failing_input
}

test_defaults_differ_by_generation if {
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_linux_web_app.a", {"site_config": [{}]}, {})])
	k.summary(rule.deny) == {["azure-appservice-ftps", "test/azurerm_app_service.b", "azurerm_app_service.b accepts plain FTP (ftps_state AllAllowed)"]} with input as t.with_index([k.az("azurerm_app_service.b", {"site_config": [{}]}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_function_app.c", {"site_config": [{"ftps_state": "FtpsOnly"}]}, {})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-appservice-ftps", "test/azurerm_linux_web_app.u", "azurerm_linux_web_app.u has site_config.ftps_state unknown at plan time; plain FTP cannot be shown off"]} with input as t.with_index([k.az("azurerm_linux_web_app.u", {"site_config": [{"ftps_state": "${var.ftp}"}]}, {})])
}
