# METADATA
# title: Event Hubs or Service Bus namespace reachable from the internet
# description: |
#   Events and messages carry orders, customer profiles and payment events. A namespace
#   with public network access on (the default) and no network rule set denying by default
#   accepts connections from any address, guarded only by SAS keys or tokens. Set
#   public_network_access_enabled = false (private endpoints), or keep it on with a network
#   rule set whose default_action is "Deny" (Event Hubs network_rulesets, Service Bus
#   network_rule_set) listing the networks that need access.
#   Unknowns: a setting unknown at plan time or given by an expression the tool cannot
#   evaluate is not proven restricted and is reported.
# custom:
#   id: azure-messaging-public-network
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_eventhub_namespace, azurerm_servicebus_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false and add a private endpoint, or a network rule
#     set with default_action = "Deny" and only the subnets / addresses that need access.
#   construct: HardenedServiceBusNamespace
#   fix:
#     summary: Turn off public network access
#     edits:
#       - set: { public_network_access_enabled: false }
#     cdktf:
#       option: "HardenedServiceBusNamespace always turns public network access off"
#       snippet: |
#         new HardenedServiceBusNamespace(this, 'orders', { name: 'sb-shop-orders', resourceGroupName: rg.name, location: 'westus2', keyVault: keys });
#   runbook:
#     exposure: The namespace accepts connections from the internet; a leaked key or token is enough to read its events or messages
#     preserve:
#       - do: Save the namespace's network rules (Event Hubs shown; az servicebus namespace network-rule-set show for Service Bus)
#         run: az eventhubs namespace network-rule-set show --namespace-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public network access (private endpoints keep working)
#         run: az eventhubs namespace update --name {{values.name}} --resource-group {{values.resource_group_name}} --public-network-access Disabled
#     verify:
#       - do: publicNetworkAccess reads Disabled
#         run: az eventhubs namespace show --name {{values.name}} --resource-group {{values.resource_group_name}} --query publicNetworkAccess
#   example: |
#     resource "azurerm_servicebus_namespace" "orders" {
#       name                          = "sb-shop-orders"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       sku                           = "Premium"
#       capacity                      = 1
#       premium_messaging_partitions  = 1
#       minimum_tls_version           = "1.2"
#       local_auth_enabled            = false
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#     }
package leakguard.rules.azure.messaging.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Namespace type → its network rule set block.
rule_sets := {
	"azurerm_eventhub_namespace": "network_rulesets",
	"azurerm_servicebus_namespace": "network_rule_set",
}

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some t, block in rule_sets
	some n in resources.of_type(t)
	resources.not_false(n, "public_network_access_enabled")
	not "Deny" in resources.values_at(n, concat(".", [block, "default_action"]))
	msg := message(n, block)
}

message(n, block) := sprintf("%s has its public network access or network rules unknown at plan time; it cannot be shown restricted", [n.address]) if {
	some attr in ["public_network_access_enabled", concat(".", [block, "default_action"])]
	resources.unverifiable(n, attr)
} else := sprintf("%s accepts connections from any network (public network access on, no %s denying by default)", [n.address, block])
