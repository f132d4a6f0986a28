# METADATA
# title: Blob reads, writes and deletes are not logged
# description: |
#   Object-level logs show which customer files were read after a leak. Every storage
#   account needs an azurerm_monitor_diagnostic_setting on its blob service
#   (target_resource_id = "<account id>/blobServices/default") with the StorageRead,
#   StorageWrite and StorageDelete categories (or the allLogs category group). A blob
#   diagnostic setting whose storage account is not in the input is checked on its own and
#   reported on itself.
#   Unknowns: a target id unknown at plan time but referring to the account (and to nothing
#   the input cannot follow) counts as the blob service when the setting enables blob
#   categories; a setting on the account whose target is unknown otherwise (a local, a
#   variable without a value, a value from another resource) makes the account's blob logging
#   unverifiable, and the finding says so.
# custom:
#   id: azure-storage-blob-diagnostics
#   control: object-access-logging
#   cloud: azure
#   severity: medium
#   data_stores:
#     check: audit-logging
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Audit-log management
#   remediation: |
#     Add azurerm_monitor_diagnostic_setting { target_resource_id =
#     "${azurerm_storage_account.x.id}/blobServices/default" with enabled_log blocks for
#     StorageRead, StorageWrite and StorageDelete }.
#   construct: HardenedStorageAccount
#   runbook:
#     exposure: Reads, writes and deletes of blobs are not logged; what was read in an incident cannot be established
#     preserve:
#       - do: Record the diagnostic settings of the blob service
#         run: az monitor diagnostic-settings list --resource {{fill.storage-account-id}}/blobServices/default
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Send StorageRead, StorageWrite and StorageDelete to the Log Analytics workspace
#         run: az monitor diagnostic-settings create --name blob-access --resource {{fill.storage-account-id}}/blobServices/default --workspace {{fill.workspace-id}} --logs file://{{fill.blob-log-categories.json}}
#     verify:
#       - do: The setting lists the three categories
#         run: az monitor diagnostic-settings list --resource {{fill.storage-account-id}}/blobServices/default
#   example: |
#     resource "azurerm_monitor_diagnostic_setting" "customers_blob" {
#       name                       = "blob-access"
#       target_resource_id         = "${azurerm_storage_account.customers.id}/blobServices/default"
#       log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id
#       enabled_log { category = "StorageRead" }
#       enabled_log { category = "StorageWrite" }
#       enabled_log { category = "StorageDelete" }
#     }
package leakguard.rules.azure.storage.blob_diagnostics

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

required := {"StorageRead", "StorageWrite", "StorageDelete"}

# An account-level target (no /blobServices/) cannot carry blob categories.
blob_target(s, _) if {
	some id in resources.values_at(s, "target_resource_id")
	contains(lower(id), "/blobservices/")
}

blob_target(s, account) if {
	resources.unknown_at(s, "target_resource_id")
	account.key in object.get(s.references, "target_resource_id", [])
	not resources.unlinked_under(s, "target_resource_id")
}

# A setting on the account whose target is unknown and not shown to be the account's.
unknown_target(s, account) if {
	resources.unknown_at(s, "target_resource_id")
	not blob_target(s, account)
}

categories(s) := {c |
	some b in resources.objects(object.get(s.values, "enabled_log", null))
	c := object.get(b, "category", null)
	c != null
} | {c |
	some b in resources.objects(object.get(s.values, "log", null))
	object.get(b, "enabled", true) != false
	c := object.get(b, "category", null)
	c != null
}

groups(s) := {g |
	some b in resources.objects(object.get(s.values, "enabled_log", null))
	g := object.get(b, "category_group", null)
	g != null
}

complete(s) if "allLogs" in groups(s)

complete(s) if count(required - categories(s)) == 0

settings(account) := resources.linked_from(account, "azurerm_monitor_diagnostic_setting", "target_resource_id")

deny contains finding.new(rego.metadata.chain(), account, msg) if {
	some account in resources.of_type("azurerm_storage_account")
	blob := [s | some s in settings(account); blob_target(s, account)]
	not any_complete(blob)
	unknown := sort([s.address | some s in settings(account); unknown_target(s, account)])
	msg := message(account, blob, unknown)
}

any_complete(ss) if {
	some s in ss
	complete(s)
}

message(account, blob, unknown) := sprintf("Storage account %s has no diagnostic setting on its blob service; blob reads, writes and deletes are not logged", [account.address]) if {
	count(blob) == 0
	count(unknown) == 0
}

message(account, blob, unknown) := sprintf("Storage account %s has no diagnostic setting known to be on its blob service; the target of %s is unknown at plan time, so that blob reads, writes and deletes are logged cannot be verified", [account.address, concat(", ", unknown)]) if {
	count(blob) == 0
	count(unknown) > 0
}

message(account, blob, _) := sprintf("Storage account %s blob diagnostic setting does not log %s", [account.address, concat(", ", sort(missing))]) if {
	count(blob) > 0
	missing := {c | some c in required; every s in blob {
		not c in categories(s)
	}}
}

# A setting naming a blob service (`…/storageAccounts/<name>/blobServices/…`) whose account
# is not in the input is checked on its own.
account_names := {name |
	some a in resources.of_type("azurerm_storage_account")
	name := lower(a.values.name)
	resources.literal(name)
}

named_blob_account(s) := lower(parts[i + 1]) if {
	some id in resources.values_at(s, "target_resource_id")
	resources.literal(id)
	parts := split(id, "/")
	some i, p in parts
	lower(p) == "storageaccounts"
	lower(parts[i + 2]) == "blobservices"
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("azurerm_monitor_diagnostic_setting")
	count(resources.linked_to_type(s, "target_resource_id", "azurerm_storage_account")) == 0
	name := named_blob_account(s)
	not account_names[name]
	not complete(s)
	msg := sprintf("Diagnostic setting %s (for the blob service of storage account %s not in this input) does not log %s", [s.address, name, concat(", ", sort(required - categories(s)))])
}
