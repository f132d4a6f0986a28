package leakguard.rules.azure.appservice.https_only_test

import data.leakguard.rules.azure.appservice.https_only as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_linux_web_app.storefront", {"https_only": false}, {})])

test_http_allowed_fails if {
	k.summary(rule.deny) == {["azure-appservice-https-only", "test/azurerm_linux_web_app.storefront", "azurerm_linux_web_app.storefront answers on plain HTTP (https_only is not true)"]} with input as failing_input
}

test_https_only_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_windows_function_app.a", {"https_only": true}, {}),
		k.az("azurerm_app_service.b", {"https_only": true}, {}),
		k.az("azurerm_linux_web_app_slot.c", {"https_only": true}, {}),
	])
}

test_default_legacy_and_unknown_fail if {
	k.summary(rule.deny) == {
		["azure-appservice-https-only", "test/azurerm_function_app.f", "azurerm_function_app.f answers on plain HTTP (https_only is not true)"],
		["azure-appservice-https-only", "test/azurerm_windows_web_app.u", "azurerm_windows_web_app.u has https_only unknown at plan time; HTTPS cannot be shown enforced"],
	} with input as t.with_index([k.az("azurerm_function_app.f", {}, {}), k.unknown(k.az("azurerm_windows_web_app.u", {}, {}), ["https_only"])])
}
