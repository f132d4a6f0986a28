# METADATA
# title: PII Event Hubs or Service Bus namespace not encrypted with a customer-managed key
# description: |
#   Event Hubs and Service Bus keep every message at rest until it is consumed or expires:
#   order events, customer notifications, exports. Namespaces classified as personal
#   information (data-classification tag in the configured PII values) must encrypt them
#   with a Key Vault key the company controls, so access can be revoked by disabling the
#   key: a Service Bus namespace through its customer_managed_key block or an
#   azurerm_servicebus_namespace_customer_managed_key, an Event Hubs namespace through an
#   azurerm_eventhub_namespace_customer_managed_key (both need the Premium tier, or an Event
#   Hubs dedicated cluster). AzAPI namespaces are read from properties.encryption.
#   Unknowns: a key set by reference or expression counts as set, even when unknown at plan
#   time; a namespace whose tags cannot be read is not shown to hold personal information and
#   is not judged (the classification rules report missing tags).
# custom:
#   id: azure-messaging-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_eventhub_namespace, azurerm_servicebus_namespace]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Run the namespace on the Premium tier with a user-assigned identity that may use a Key
#     Vault key, and set customer_managed_key { key_vault_key_id, identity_id } (Service Bus)
#     or add azurerm_eventhub_namespace_customer_managed_key (Event Hubs).
#   construct: HardenedServiceBusNamespace
#   example: |
#     resource "azurerm_servicebus_namespace" "orders" {
#       name                          = "sb-shop-orders"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       sku                           = "Premium"
#       capacity                      = 1
#       premium_messaging_partitions  = 1
#       public_network_access_enabled = false
#       identity {
#         type         = "UserAssigned"
#         identity_ids = [azurerm_user_assigned_identity.orders.id]
#       }
#       customer_managed_key {
#         key_vault_key_id = azurerm_key_vault_key.orders.id
#         identity_id      = azurerm_user_assigned_identity.orders.id
#       }
#       tags = { "data-classification" = "pii" }
#     }
package leakguard.rules.azure.messaging.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Namespace type → [its service, the stand-alone key resource, the attribute naming the
# namespace there, the key attribute there].
namespaces := {
	"azurerm_servicebus_namespace": ["Service Bus", "azurerm_servicebus_namespace_customer_managed_key", "namespace_id", "key_vault_key_id"],
	"azurerm_eventhub_namespace": ["Event Hubs", "azurerm_eventhub_namespace_customer_managed_key", "eventhub_namespace_id", "key_vault_key_ids"],
}

# The namespace's own block (Service Bus; AzAPI's properties.encryption for both).
cmk(n, _) if resources.configured(n, "customer_managed_key.key_vault_key_id")

cmk(n, [_, key_type, attr, key_attr]) if {
	some k in resources.referrers(n, key_type)
	resources.linked_to(k, attr)[_].key == n.key
	key_set(k, key_attr)
}

key_set(k, attr) if {
	some ids in resources.values_at(k, attr)
	is_array(ids)
	count(ids) > 0
}

key_set(k, attr) if {
	some id in resources.values_at(k, attr)
	is_string(id)
	id != ""
}

key_set(k, attr) if resources.references_under(k, attr)

key_set(k, attr) if resources.unknown_at(k, attr)

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some t, spec in namespaces
	some n in resources.of_type(t)
	resources.is_pii(n)
	not cmk(n, spec)
	msg := sprintf("%s namespace %s holds %s data but its messages are encrypted with Microsoft-managed keys only (no customer-managed key)", [spec[0], n.address, resources.classification(n)])
}
