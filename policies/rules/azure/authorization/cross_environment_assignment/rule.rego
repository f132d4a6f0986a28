# METADATA
# title: Principal of one environment holds a role in another
# description: |
#   A managed identity or principal belonging to one environment (e.g. non-production) must
#   hold no role on another environment's scope (e.g. production). The scope's environment
#   comes from the subscription in the scope (environment_subscriptions) or the resource it
#   refers to; the principal's from the identity resource principal_id refers to or from
#   environment_principals. A literal principal id holding roles on scopes of more than one
#   environment (the same service principal in dev and prod stacks) is reported on each of
#   those assignments; people (principal_type User or Group, e.g. the incident-response
#   team) may work across environments.
#   Unknowns: scopes and principals unknown at plan time with no reference and no
#   configured mapping cannot be attributed and are not compared; a principal id configured
#   but unreadable that refers to no resource in the input (a variable without a value, a
#   local, a resource elsewhere) is reported as unverifiable where the configuration knows
#   principals of another environment (environment_principals, or workload principals holding
#   roles there).
# custom:
#   id: azure-identity-cross-environment
#   control: shared-identity
#   cloud: azure
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation of environments
#   remediation: |
#     Give each environment its own managed identities and assign roles only to identities
#     of the scope's environment.
#   construct: ScopedRoleAssignment
#   runbook:
#     exposure: A principal of another environment (often less guarded, such as dev) holds a role here; whoever controls it there reaches this environment's data
#     preserve:
#       - do: Save the principal's role assignments in this subscription
#         run: az role assignment list --assignee {{values.principal_id|fill.principal-id}} --all
#       - do: Export the control-plane activity of the principal in the exposure window
#         run: az monitor activity-log list --caller {{values.principal_id|fill.principal-id}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the assignment (the other environment's workload loses this access)
#         run: az role assignment delete --assignee {{values.principal_id|fill.principal-id}} --role "{{values.role_definition_name|fill.role-name}}" --scope {{values.scope|fill.scope}}
#         destructive: true
#     verify:
#       - do: The principal holds no role at that scope
#         run: az role assignment list --assignee {{values.principal_id|fill.principal-id}} --scope {{values.scope|fill.scope}}
#   example: |
#     # The prod workload gets its own identity, with roles only on prod scopes.
#     resource "azurerm_user_assigned_identity" "orders_prod" {
#       name                = "orders-prod"
#       location            = azurerm_resource_group.prod.location
#       resource_group_name = azurerm_resource_group.prod.name
#       tags                = { environment = "prod" }
#     }
#
#     resource "azurerm_role_assignment" "orders_prod_blob" {
#       scope                = azurerm_storage_account.orders_prod.id
#       role_definition_name = "Storage Blob Data Contributor"
#       principal_id         = azurerm_user_assigned_identity.orders_prod.principal_id
#     }
package leakguard.rules.azure.authorization.cross_environment_assignment

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

scope_envs(r) := {env |
	parts := split(object.get(r.values, "scope", ""), "/")
	count(parts) > 2
	parts[1] == "subscriptions"
	some env in resources.subscription_environments(parts[2])
} | {env |
	some target in resources.linked_to(r, "scope")
	env := resources.environment(target)
}

principal_envs(r) := {env |
	some target in resources.linked_to(r, "principal_id")
	env := resources.environment(target)
} | resources.principal_environments(object.get(r.values, "principal_id", ""))

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	scope := scope_envs(r)
	principal := principal_envs(r)
	count(scope) > 0
	count(principal) > 0
	count(scope & principal) == 0
	msg := sprintf("%s gives a principal of environment %s a role on a scope of environment %s", [r.address, concat("/", sort(principal)), concat("/", sort(scope))])
}

# Environments of the scopes each literal principal id holds roles on, across all stacks.
assignment_scope_envs(r) := scope_envs(r) if count(scope_envs(r)) > 0

assignment_scope_envs(r) := {resources.environment(r)} if count(scope_envs(r)) == 0

workload(r) if not object.get(r.values, "principal_type", "") in {"User", "Group"}

principal_scopes[id] contains env if {
	some r in resources.of_type("azurerm_role_assignment")
	workload(r)
	id := lower(r.values.principal_id)
	resources.literal(id)
	some env in assignment_scope_envs(r)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	workload(r)
	id := lower(r.values.principal_id)
	envs := principal_scopes[id]
	count(envs) > 1
	msg := sprintf("%s gives principal %s a role while it also holds roles in other environments (%s); an identity must not be shared across environments", [r.address, r.values.principal_id, concat(", ", sort(envs))])
}

# Environments the configuration knows principals of: mapped by environment_principals, and,
# for a workload, those where workload principals hold roles.
mapped_principal_environments := {resources.env_name(e) | some e, _ in resources.settings.environment_principals}

workload_environments := {env | some _, envs in principal_scopes; some env in envs}

principal_environments_known(r) := mapped_principal_environments | workload_environments if workload(r)

principal_environments_known(r) := mapped_principal_environments if not workload(r)

# A principal id the input cannot show and no resource in it attributes.
unverified_principal(r) if {
	resources.unresolved(r, "principal_id")
	resources.unlinked_under(r, "principal_id")
}

unverified_principal(r) if {
	resources.unresolved(r, "principal_id")
	some key in object.get(r.references, "principal_id", [])
	not input.resources[key]
}

unverified_principal(r) if {
	resources.unresolved(r, "principal_id")
	count(object.get(r.references, "principal_id", [])) == 0
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	unverified_principal(r)
	own := assignment_scope_envs(r)
	others := principal_environments_known(r) - own
	count(others) > 0
	msg := sprintf("%s gives a principal unknown at plan time a role on a scope of environment %s; that it is not an identity of another environment (%s) cannot be verified", [r.address, concat("/", sort(own)), concat("/", sort(others))])
}
