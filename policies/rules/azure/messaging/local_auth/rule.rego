# METADATA
# title: Event Hubs or Service Bus namespace accepts SAS keys
# description: |
#   Shared access signature keys (the namespace's RootManageSharedAccessKey and every
#   authorization rule) are long-lived shared secrets: whoever holds a leaked connection
#   string reads or sends every message, and the access is tied to no identity. Local (SAS)
#   authentication is on by default; local_authentication_enabled (Event Hubs) and
#   local_auth_enabled (Service Bus) must be false so only Entra ID identities get in.
#   Unknowns: a flag unknown at plan time or given by an expression the tool cannot evaluate
#   is not proven off and is reported.
# custom:
#   id: azure-messaging-local-auth
#   control: sas-token-scope
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_eventhub_namespace, azurerm_servicebus_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Set local_authentication_enabled = false (Event Hubs) or local_auth_enabled = false
#     (Service Bus) and grant producers and consumers the Azure Event Hubs / Service Bus Data
#     Sender and Receiver roles on their managed identities.
#   construct: HardenedServiceBusNamespace
#   fix:
#     summary: Turn off SAS-key authentication (Entra ID only)
#     edits:
#       - on: azurerm_eventhub_namespace
#         set: { local_authentication_enabled: false }
#       - on: azurerm_servicebus_namespace
#         set: { local_auth_enabled: false }
#     cdktf:
#       option: "HardenedServiceBusNamespace always turns SAS-key authentication off"
#       snippet: |
#         new HardenedServiceBusNamespace(this, 'orders', { name: 'sb-shop-orders', resourceGroupName: rg.name, location: 'westus2', keyVault: keys });
#   runbook:
#     exposure: Anyone holding a SAS key or connection string of the namespace can send and read its events or messages, with no identity in the logs
#     preserve:
#       - do: Save the namespace's authorization rules (which keys exist; Event Hubs shown, az servicebus namespace authorization-rule list for Service Bus)
#         run: az eventhubs namespace authorization-rule list --namespace-name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window (key listings, regenerations)
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off SAS-key authentication (Entra ID remains)
#         run: az eventhubs namespace update --name {{values.name}} --resource-group {{values.resource_group_name}} --disable-local-auth true
#       - do: Regenerate the root keys so a leaked connection string is dead even if keys return
#         run: az eventhubs namespace authorization-rule keys renew --namespace-name {{values.name}} --resource-group {{values.resource_group_name}} --name RootManageSharedAccessKey --key PrimaryKey
#         destructive: true
#     verify:
#       - do: disableLocalAuth reads true
#         run: az eventhubs namespace show --name {{values.name}} --resource-group {{values.resource_group_name}} --query disableLocalAuth
#   example: |
#     resource "azurerm_servicebus_namespace" "orders" {
#       name                          = "sb-shop-orders"
#       location                      = "westus2"
#       resource_group_name           = "rg-shop"
#       sku                           = "Standard"
#       minimum_tls_version           = "1.2"
#       local_auth_enabled            = false # Entra ID only
#       public_network_access_enabled = false
#     }
package leakguard.rules.azure.messaging.local_auth

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Namespace type → [label, its local-auth flag].
namespaces := {
	"azurerm_eventhub_namespace": ["Event Hubs namespace", "local_authentication_enabled"],
	"azurerm_servicebus_namespace": ["Service Bus namespace", "local_auth_enabled"],
}

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some t, [label, flag] in namespaces
	some n in resources.of_type(t)
	object.get(n.values, flag, true) != false
	msg := message(n, label, flag)
}

message(n, label, flag) := sprintf("%s %s has %s unknown at plan time; SAS key access cannot be shown off", [label, n.address, flag]) if resources.unverifiable(n, flag)

message(n, label, flag) := sprintf("%s %s accepts SAS keys (%s is not false)", [label, n.address, flag]) if not resources.unverifiable(n, flag)
