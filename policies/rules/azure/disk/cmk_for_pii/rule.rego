# METADATA
# title: PII managed disk or snapshot not encrypted with a customer-managed key
# description: |
#   Managed disks classified as personal information (data-classification tag in the
#   configured PII values) must be encrypted through a disk encryption set holding a
#   customer-managed key (disk_encryption_set_id, or secure_vm_disk_encryption_set_id for
#   confidential VMs). Snapshots carry their source disk's encryption: a PII snapshot passes
#   only when it is taken from a managed disk in the input that uses such a key.
#   Unknowns: an encryption set id unknown at plan time but set by reference counts as set.
# custom:
#   id: azure-disk-cmk-pii
#   control: storage-encryption
#   cloud: azure
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [azurerm_managed_disk, azurerm_snapshot]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information at rest
#   remediation: |
#     Create an azurerm_disk_encryption_set over a Key Vault key and set
#     disk_encryption_set_id on the disk; take snapshots from such disks.
#   construct: HardenedManagedDisk
#   example: |
#     resource "azurerm_managed_disk" "customers" {
#       name                          = "disk-shop-customers"
#       location                      = azurerm_resource_group.shop.location
#       resource_group_name           = azurerm_resource_group.shop.name
#       storage_account_type          = "Premium_LRS"
#       create_option                 = "Empty"
#       disk_size_gb                  = 128
#       disk_encryption_set_id        = azurerm_disk_encryption_set.cmk.id
#       public_network_access_enabled = false
#       network_access_policy         = "DenyAll"
#       tags                          = { "data-classification" = "pii" }
#     }
package leakguard.rules.azure.disk.cmk_for_pii

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

cmk(d) if {
	some attr in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	resources.configured(d, attr)
}

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some d in resources.of_type("azurerm_managed_disk")
	resources.is_pii(d)
	not cmk(d)
	msg := sprintf("%s holds %s data but is not encrypted with a customer-managed key (no disk encryption set)", [d.address, resources.classification(d)])
}

# The managed disks a snapshot is taken from.
sources(s) := [d | some attr in ["source_uri", "source_resource_id"]; some d in resources.linked_to_type(s, attr, "azurerm_managed_disk")]

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_snapshot")
	resources.is_pii(s)
	not from_cmk_disk(s)
	msg := sprintf("%s holds %s data but is not taken from a managed disk encrypted with a customer-managed key", [s.address, resources.classification(s)])
}

from_cmk_disk(s) if {
	some d in sources(s)
	cmk(d)
}
