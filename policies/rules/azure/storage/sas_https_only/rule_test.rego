package leakguard.rules.azure.storage.sas_https_only_test

import data.leakguard.rules.azure.storage.sas_https_only as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

sas(values) := k.in_region(k.data_source("azurerm_storage_account_sas.s", values), "westeurope")

failing_input := t.with_index([sas({"https_only": false})])

test_http_allowed_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-sas-https-only", "test/data.azurerm_storage_account_sas.s",
		"SAS data.azurerm_storage_account_sas.s allows HTTP (https_only = false)",
	]} with input as failing_input
}

test_https_only_passes if {
	count(rule.deny) == 0 with input as t.with_index([sas({"https_only": true})])
	count(rule.deny) == 0 with input as t.with_index([sas({})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {[
		"azure-storage-sas-https-only", "test/data.azurerm_storage_account_sas.s",
		"SAS data.azurerm_storage_account_sas.s has https_only unknown at plan time",
	]} with input as t.with_index([k.unknown(sas({}), ["https_only"])])
}
