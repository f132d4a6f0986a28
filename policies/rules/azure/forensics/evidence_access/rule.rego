# METADATA
# title: Evidence storage reachable by more than the incident-response group
# description: |
#   Chain of custody needs evidence access limited to the incident-response group: every
#   role assignment on an evidence container or evidence storage account (tag purpose =
#   forensics) must name a principal in incident_response_principal_ids, and shared-key
#   authorization must be off on the evidence account (account keys bypass RBAC).
#   Unknowns: a principal id unknown at plan time cannot be shown to be the group and is
#   reported.
# custom:
#   id: azure-forensic-evidence-access
#   control: forensic-readiness
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Incident response (evidence preservation); access controls
#   remediation: |
#     Assign evidence roles only to the incident-response group (list its object id in
#     incident_response_principal_ids) and set shared_access_key_enabled = false.
#   construct: ForensicEvidenceContainer
#   example: |
#     resource "azurerm_storage_account" "evidence" {
#       name                      = "shopevidence"
#       resource_group_name       = azurerm_resource_group.security.name
#       location                  = azurerm_resource_group.security.location
#       account_tier              = "Standard"
#       account_replication_type  = "GRS"
#       shared_access_key_enabled = false # Entra ID only: account keys bypass role assignments
#       tags                      = { purpose = "forensics" }
#     }
#
#     resource "azurerm_role_assignment" "evidence_ir" {
#       scope                = azurerm_storage_account.evidence.id
#       role_definition_name = "Storage Blob Data Reader"
#       principal_id         = "00000000-0000-0000-0000-000000000001" # incident-response group
#     }
package leakguard.rules.azure.forensics.evidence_access

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

ir_ids := {lower(i) | some i in config.settings.incident_response_principal_ids}

evidence_accounts contains a.key if {
	some a in resources.of_type("azurerm_storage_account")
	resources.is_evidence(a)
}

evidence_scope(target) if evidence_accounts[target.key]

evidence_scope(target) if {
	target.type == "azurerm_storage_container"
	some attr in ["storage_account_id", "storage_account_name"]
	some a in resources.linked_to(target, attr)
	evidence_accounts[a.key]
}

evidence_scope(target) if {
	target.type == "azurerm_storage_container"
	object.get(object.get(target.values, "metadata", {}), config.settings.forensic_tag_key, "") == config.settings.forensic_tag_value
}

principal(r) := p if {
	p := r.values.principal_id
	resources.literal(p)
} else := "a principal unknown at plan time"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_role_assignment")
	some target in resources.linked_to(r, "scope")
	evidence_scope(target)
	not ir_ids[lower(principal(r))]
	msg := sprintf("%s gives %s access to evidence %s; only the incident-response group may have it", [r.address, principal(r), target.address])
}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_storage_account")
	evidence_accounts[a.key]
	object.get(a.values, "shared_access_key_enabled", true) != false
	msg := sprintf("Evidence storage account %s allows shared-key access, which bypasses role assignments", [a.address])
}
