package leakguard.rules.azure.messaging.public_network_test

import data.leakguard.rules.azure.messaging.public_network as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

failing_input := t.with_index([k.az("azurerm_eventhub_namespace.events", {"sku": "Standard"}, {})])

test_default_namespace_fails if {
	k.summary(rule.deny) == {["azure-messaging-public-network", "test/azurerm_eventhub_namespace.events", "azurerm_eventhub_namespace.events accepts connections from any network (public network access on, no network_rulesets denying by default)"]} with input as failing_input
}

test_private_or_deny_by_default_passes if {
	count(rule.deny) == 0 with input as t.with_index([
		k.az("azurerm_eventhub_namespace.a", {"public_network_access_enabled": false}, {}),
		k.az("azurerm_eventhub_namespace.b", {"network_rulesets": [{"default_action": "Deny"}]}, {}),
		k.az("azurerm_servicebus_namespace.c", {"network_rule_set": {"default_action": "Deny"}}, {}),
	])
}

test_service_bus_allow_and_unknown_fail if {
	k.summary(rule.deny) == {
		["azure-messaging-public-network", "test/azurerm_servicebus_namespace.s", "azurerm_servicebus_namespace.s accepts connections from any network (public network access on, no network_rule_set denying by default)"],
		["azure-messaging-public-network", "test/azurerm_servicebus_namespace.u", "azurerm_servicebus_namespace.u has its public network access or network rules unknown at plan time; it cannot be shown restricted"],
	} with input as t.with_index([
		k.az("azurerm_servicebus_namespace.s", {"network_rule_set": [{"default_action": "Allow"}]}, {}),
		k.unknown(k.az("azurerm_servicebus_namespace.u", {}, {}), ["public_network_access_enabled"]),
	])
}
