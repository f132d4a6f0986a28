package leakguard.rules.azure.storage.min_tls_test

import data.leakguard.rules.azure.storage.min_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

account(values) := k.az("azurerm_storage_account.sa", object.union({"name": "shopdata"}, values), {})

failing_input := t.with_index([account({"min_tls_version": "TLS1_0"})])

test_tls10_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-min-tls", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa accepts TLS1_0; set min_tls_version = \"TLS1_2\"",
	]} with input as failing_input
}

test_absent_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-min-tls", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa accepts the provider's default TLS version; set min_tls_version = \"TLS1_2\"",
	]} with input as t.with_index([account({})])
}

test_tls12_passes if {
	count(rule.deny) == 0 with input as t.with_index([account({"min_tls_version": "TLS1_2"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-min-tls", "test/azurerm_storage_account.sa",
		"Storage account azurerm_storage_account.sa has min_tls_version unknown at plan time; TLS 1.2 cannot be shown",
	]} with input as t.with_index([k.unknown(account({}), ["min_tls_version"])])
}
