package leakguard.rules.azure.apim.internal_network_test

import data.leakguard.rules.azure.apim.internal_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

apim(values) := k.az("azurerm_api_management.api", values, {})

failing_input := t.with_index([apim({"virtual_network_type": "External"})])

test_external_fails if {
	k.summary(rule.deny) == {["azure-apim-internal", "test/azurerm_api_management.api", "API Management azurerm_api_management.api is reachable directly (virtual_network_type External), bypassing any WAF"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([apim({})])
}

test_internal_passes if {
	count(rule.deny) == 0 with input as t.with_index([apim({"virtual_network_type": "Internal"})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(apim({}), ["virtual_network_type"])])
}
