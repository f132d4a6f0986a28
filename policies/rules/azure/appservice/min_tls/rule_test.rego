package leakguard.rules.azure.appservice.min_tls_test

import data.leakguard.rules.azure.appservice.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_app_service.legacy", {"site_config": [{"min_tls_version": "1.1"}]}, {})])

test_tls11_fails if {
	k.summary(rule.deny) == {["azure-appservice-min-tls", "test/azurerm_app_service.legacy", "azurerm_app_service.legacy accepts TLS 1.1 (site_config.min_tls_version)"]} with input as failing_input
}

test_default_and_tls12_pass if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_linux_web_app.a", {"site_config": [{}]}, {}),
		k.az("azurerm_windows_web_app.b", {"site_config": {"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.3"}}, {}),
	])
}

test_scm_and_unknown_fail if {
	k.summary(rule.deny) == {
		["azure-appservice-min-tls", "test/azurerm_linux_function_app.f", "azurerm_linux_function_app.f accepts TLS 1.0 (site_config.scm_minimum_tls_version)"],
		["azure-appservice-min-tls", "test/azurerm_windows_function_app.u", "azurerm_windows_function_app.u has site_config.minimum_tls_version unknown at plan time; TLS 1.2 cannot be shown"],
	} with input as t.with_index([
		k.az("azurerm_linux_function_app.f", {"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.0"}]}, {}),
		k.unknown(k.az("azurerm_windows_function_app.u", {"site_config": [{}]}, {}), ["site_config.minimum_tls_version"]),
	])
}
