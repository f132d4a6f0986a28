# METADATA
# title: Custom role definition with wildcard or privilege-escalation actions
# description: |
#   A custom azurerm_role_definition whose permissions list "*" or a wildcard action
#   (e.g. Microsoft.Storage/*) in actions or data_actions grants far more than a workload
#   needs, including actions Azure adds later. Actions that let the role rewrite roles or
#   assignments (azure_escalation_actions, e.g. Microsoft.Authorization/roleDefinitions/write)
#   let it grant itself anything.
#   Unknowns: wildcards are literals; actions unknown at plan time are reported as
#   unverifiable.
# custom:
#   id: azure-rbac-custom-role-wildcard
#   control: iam-least-privilege
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls and least privilege
#   remediation: |
#     List the exact operations (e.g. Microsoft.Storage/storageAccounts/blobServices/
#     containers/blobs/read) instead of wildcards.
#   construct: ScopedRoleAssignment
#   runbook:
#     exposure: The custom role grants every action of a provider (or role-assignment writes); every principal holding it has that reach, now and for actions added later
#     preserve:
#       - do: Save the role definition
#         run: az role definition list --name "{{values.name}}" --custom-role-only true
#       - do: List who holds the role
#         run: az role assignment list --role "{{values.name}}" --all
#       - do: Export the activity of those principals in the exposure window (repeat per principal)
#         run: az monitor activity-log list --caller {{fill.principal-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Replace the role's actions with the ones needed (the definition file keeps its name and id)
#         run: az role definition update --role-definition {{fill.least-privilege-role.json}}
#     verify:
#       - do: The role lists no wildcard actions
#         run: az role definition list --name "{{values.name}}" --custom-role-only true --query "[0].permissions"
#   example: |
#     resource "azurerm_role_definition" "orders_blob_reader" {
#       name  = "orders-blob-reader"
#       scope = azurerm_resource_group.shop.id
#       permissions {
#         actions      = ["Microsoft.Storage/storageAccounts/blobServices/containers/read"]
#         data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"]
#       }
#       assignable_scopes = [azurerm_resource_group.shop.id]
#     }
package leakguard.rules.azure.authorization.custom_role_wildcard

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

attrs := ["permissions.actions", "permissions.data_actions"]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_definition")
	wildcards := {a |
		some attr in attrs
		some list in resources.values_at(r, attr)
		some a in resources.as_list(list)
		contains(a, "*")
	}
	count(wildcards) > 0
	msg := sprintf("Custom role %s allows wildcard actions %s", [r.address, concat(", ", sort(wildcards))])
}

escalation(a) if {
	some e in config.settings.azure_escalation_actions
	lower(a) == lower(e)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_definition")
	actions := {a |
		some list in resources.values_at(r, "permissions.actions")
		some a in resources.as_list(list)
		escalation(a)
	}
	count(actions) > 0
	msg := sprintf("Custom role %s allows %s, so it can grant itself any permission", [r.address, concat(", ", sort(actions))])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_definition")
	some attr in attrs
	resources.unknown_at(r, attr)
	msg := sprintf("Custom role %s has %s unknown at plan time; wildcards cannot be ruled out", [r.address, attr])
}
