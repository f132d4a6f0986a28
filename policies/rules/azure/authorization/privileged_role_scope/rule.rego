# METADATA
# title: Broad built-in role at subscription or management-group scope
# description: |
#   Owner, Contributor or User Access Administrator (configurable, by name or built-in role
#   id) assigned at a subscription or management group lets a workload identity read,
#   change or re-grant access to every data store in it. Principals listed in
#   azure_privileged_principal_exemptions (break-glass, platform admins) are allowed.
#   Unknowns: a scope unknown at plan time counts as subscription-wide when it refers to a
#   subscription or management group, and is reported as unverifiable when it refers to
#   nothing the tool can see. A role (name or id) configured but unreadable at a broad scope
#   is reported as unverifiable, unless it refers to a custom role this configuration defines
#   (azurerm_role_definition, checked by azure-rbac-custom-role-wildcard) or to an
#   azurerm_role_definition data source, judged by its literal name or id.
# custom:
#   id: azure-rbac-privileged-scope
#   control: iam-least-privilege
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Assign a narrower role (e.g. Storage Blob Data Reader) on the resource or resource
#     group the workload uses.
#   construct: ScopedRoleAssignment
#   runbook:
#     exposure: A workload identity holds Owner, Contributor or User Access Administrator over a whole subscription or management group
#     preserve:
#       - do: Save the identity's role assignments as they are now
#         run: az role assignment list --assignee {{values.principal_id}} --all
#       - do: Export what the identity did in the exposure window
#         run: az monitor activity-log list --caller {{values.principal_id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the privileged assignment (grant a narrower role on a narrower scope first)
#         run: az role assignment delete --assignee {{values.principal_id}} --role "{{values.role_definition_name|fill.role-name}}" --scope {{values.scope}}
#         destructive: true
#     verify:
#       - do: No Owner, Contributor or User Access Administrator assignment remains at that scope
#         run: az role assignment list --assignee {{values.principal_id}} --scope {{values.scope}}
#   example: |
#     # Not Owner/Contributor on the subscription: a data role on the one account the workload uses.
#     resource "azurerm_role_assignment" "orders_blob_reader" {
#       scope                = azurerm_storage_account.orders.id
#       role_definition_name = "Storage Blob Data Reader"
#       principal_id         = azurerm_user_assigned_identity.orders.principal_id
#     }
package leakguard.rules.azure.authorization.privileged_role_scope

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

broad_scope_types := {"azurerm_subscription", "azurerm_management_group"}

role(r) := r.values.role_definition_name if r.values.role_definition_name in config.settings.azure_privileged_roles

role(r) := id if {
	not object.get(r.values, "role_definition_name", null) in config.settings.azure_privileged_roles
	id := r.values.role_definition_id
	is_string(id)
	some guid in config.settings.azure_privileged_role_ids
	endswith(lower(id), guid)
}

scope(r) := "subscription" if regex.match(`^/subscriptions/[^/]+/?$`, object.get(r.values, "scope", ""))

scope(r) := "management group" if startswith(lower(object.get(r.values, "scope", "")), "/providers/microsoft.management/managementgroups/")

scope(r) := "subscription or management group" if {
	not resources.literal(object.get(r.values, "scope", ""))
	some target in resources.linked_to(r, "scope")
	target.type in broad_scope_types
}

scope(r) := "a scope unknown at plan time" if {
	not resources.literal(object.get(r.values, "scope", ""))
	count(resources.linked_to(r, "scope")) == 0
}

exempt(r) if lower(object.get(r.values, "principal_id", "")) in {lower(p) | some p in config.settings.azure_privileged_principal_exemptions}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	name := role(r)
	where := scope(r)
	not exempt(r)
	msg := sprintf("%s grants %s at %s", [r.address, name, where])
}

# A role definition id unknown at plan time that an azurerm_role_definition data source reads:
# the privileged role its literal name or id names.
data_roles(r) := {n |
	resources.unresolved(r, "role_definition_id")
	some d in resources.linked_to(r, "role_definition_id")
	d.mode == "data"
	d.type == "azurerm_role_definition"
	some n in privileged_data_role(d)
}

privileged_data_role(d) := {n |
	n := object.get(d.values, "name", null)
	n in config.settings.azure_privileged_roles
} | {id |
	id := object.get(d.values, "role_definition_id", null)
	is_string(id)
	some guid in config.settings.azure_privileged_role_ids
	endswith(lower(id), guid)
}

# What a role definition id can be is known: a custom role this configuration defines, or a
# data source naming the role literally.
readable_role_source(d) if {
	d.mode == "managed"
	d.type == "azurerm_role_definition"
}

readable_role_source(d) if {
	d.mode == "data"
	d.type == "azurerm_role_definition"
	some a in ["name", "role_definition_id"]
	resources.literal(object.get(d.values, a, null))
}

unverified_role(r) if resources.unresolved(r, "role_definition_name")

unverified_role(r) if {
	resources.unresolved(r, "role_definition_id")
	resources.unlinked_under(r, "role_definition_id")
}

unverified_role(r) if {
	resources.unresolved(r, "role_definition_id")
	some key in object.get(r.references, "role_definition_id", [])
	not readable_role_source(object.get(input.resources, key, {}))
}

unverified_role(r) if {
	resources.unresolved(r, "role_definition_id")
	count(object.get(r.references, "role_definition_id", [])) == 0
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	not role(r)
	some name in data_roles(r)
	where := scope(r)
	not exempt(r)
	msg := sprintf("%s grants %s at %s", [r.address, name, where])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	not role(r)
	count(data_roles(r)) == 0
	unverified_role(r)
	where := scope(r)
	not exempt(r)
	msg := sprintf("%s grants a role unknown at plan time at %s; that it is not a privileged role cannot be verified", [r.address, where])
}
