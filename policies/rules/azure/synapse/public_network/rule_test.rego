package leakguard.rules.azure.synapse.public_network_test

import data.leakguard.rules.azure.synapse.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_synapse_workspace.analytics", {}, {})])

test_default_fails if {
	k.summary(rule.deny) == {["azure-synapse-public-network", "test/azurerm_synapse_workspace.analytics", "Synapse workspace azurerm_synapse_workspace.analytics accepts connections from public networks (public_network_access_enabled is not false)"]} with input as failing_input
}

test_disabled_passes if {
	count(rule.deny) == 0 with input as t.with_index([k.az("azurerm_synapse_workspace.analytics", {"public_network_access_enabled": false}, {})])
}

test_unknown_is_reported if {
	k.summary(rule.deny) == {["azure-synapse-public-network", "test/azurerm_synapse_workspace.analytics", "Synapse workspace azurerm_synapse_workspace.analytics has public_network_access_enabled unknown at plan time; public access cannot be shown off"]} with input as t.with_index([k.unknown(k.az("azurerm_synapse_workspace.analytics", {}, {}), ["public_network_access_enabled"])])
}
