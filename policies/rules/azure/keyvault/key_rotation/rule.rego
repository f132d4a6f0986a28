# METADATA
# title: Key Vault key without automatic rotation or expiry
# description: |
#   A customer-managed key that never rotates and never expires stays valid for as long as
#   it leaks unnoticed. Every azurerm_key_vault_key needs a rotation_policy with an automatic
#   block (time_after_creation or time_before_expiry) and an expiry (rotation_policy
#   expire_after, or expiration_date).
#   Unknowns: a rotation policy or expiry unknown at plan time is not proven and is reported.
# custom:
#   id: azure-keyvault-key-rotation
#   control: key-management
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information; key management
#   remediation: |
#     Add rotation_policy { expire_after = "P2Y", notify_before_expiry = "P30D",
#     automatic { time_after_creation = "P1Y" } } to the key.
#   construct: HardenedKeyVault
#   fix:
#     summary: Expire the key after two years and rotate it automatically 30 days before (a rotation policy; shorten to your key lifetime)
#     edits:
#       - nested: rotation_policy
#         set: { expire_after: '"P2Y"', notify_before_expiry: '"P30D"' }
#       - nested: rotation_policy.automatic
#         set: { time_before_expiry: '"P30D"' }
#     cdktf:
#       option: "addKey (RSA-HSM; its rotation policy rotates yearly and expires the key after two years)"
#       snippet: |
#         new HardenedKeyVault(this, 'keys', { name: 'kv-shop-keys', resourceGroupName: rg.name, location: 'westus2' }).addKey(this, 'orders-cmk', 'orders-cmk');
#   runbook:
#     exposure: The same key material protects the data indefinitely; a leaked key keeps decrypting everything written with it
#     preserve:
#       - do: Record the key, its versions and expiry
#         run: az keyvault key show --vault-name {{via.key_vault_id.name|fill.vault-name}} --name {{values.name}}
#       - do: Record the key's rotation policy
#         run: az keyvault key rotation-policy show --vault-name {{via.key_vault_id.name|fill.vault-name}} --name {{values.name}}
#     contain:
#       - do: Set a rotation policy (rotate before expiry; the policy file sets lifetimeActions and expiryTime)
#         run: az keyvault key rotation-policy update --vault-name {{via.key_vault_id.name|fill.vault-name}} --name {{values.name}} --value {{fill.rotation-policy.json}}
#       - do: If the key may have leaked, rotate it now
#         run: az keyvault key rotate --vault-name {{via.key_vault_id.name|fill.vault-name}} --name {{values.name}}
#     verify:
#       - do: The rotation policy has a Rotate action
#         run: az keyvault key rotation-policy show --vault-name {{via.key_vault_id.name|fill.vault-name}} --name {{values.name}}
#   example: |
#     resource "azurerm_key_vault_key" "orders" {
#       name         = "orders-cmk"
#       key_vault_id = azurerm_key_vault.shop.id
#       key_type     = "RSA-HSM"
#       key_size     = 3072
#       key_opts     = ["wrapKey", "unwrapKey"]
#       rotation_policy {
#         expire_after         = "P2Y"
#         notify_before_expiry = "P30D"
#         automatic {
#           time_after_creation = "P1Y"
#         }
#       }
#     }
package leakguard.rules.azure.keyvault.key_rotation

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

rotates(k) if {
	some a in resources.objects(object.get(k.values, "rotation_policy", null))
	some auto in resources.objects(object.get(a, "automatic", null))
	some attr in ["time_after_creation", "time_before_expiry"]
	not object.get(auto, attr, null) in {null, ""}
}

expires(k) if resources.configured(k, "rotation_policy.expire_after")

expires(k) if resources.configured(k, "expiration_date")

problems(k) := ({"it does not rotate automatically (rotation_policy.automatic)" |
	not rotates(k)
	not resources.unknown_at(k, "rotation_policy")
} | {"it never expires (rotation_policy.expire_after or expiration_date)" |
	not expires(k)
	not resources.unknown_at(k, "rotation_policy")
	not resources.unknown_at(k, "expiration_date")
}) | {"its rotation policy is unknown at plan time" | resources.unknown_at(k, "rotation_policy")}

deny contains finding.new(rego.metadata.chain(), k, msg) if {
	some k in resources.of_type("azurerm_key_vault_key")
	ps := problems(k)
	count(ps) > 0
	msg := sprintf("Key Vault key %s: %s", [k.address, concat("; ", sort(ps))])
}
