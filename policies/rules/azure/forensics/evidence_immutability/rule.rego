# METADATA
# title: Evidence container without a locked immutability policy
# description: |
#   Evidence containers (in a storage account tagged purpose = forensics, or with that
#   metadata) must be write-once: a locked time-based immutability policy of at least
#   forensic_retention_days, either an azurerm_storage_container_immutability_policy
#   (locked = true) on the container or a Locked account-level immutability_policy.
#   An evidence account without any container is checked for the account-level policy.
#   Unknowns: a locked flag or period unknown at plan time is not proven and is reported.
# custom:
#   id: azure-forensic-immutability
#   control: forensic-readiness
#   cloud: azure
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Incident response (evidence preservation)
#   remediation: |
#     Add azurerm_storage_container_immutability_policy { storage_container_resource_manager_id
#     = the container, immutability_period_in_days = <forensic_retention_days>, locked = true }.
#   construct: ForensicEvidenceContainer
#   example: |
#     resource "azurerm_storage_container" "evidence" {
#       name                  = "evidence"
#       storage_account_id    = azurerm_storage_account.evidence.id # tagged purpose = forensics
#       container_access_type = "private"
#     }
#
#     resource "azurerm_storage_container_immutability_policy" "evidence" {
#       storage_container_resource_manager_id = azurerm_storage_container.evidence.resource_manager_id
#       immutability_period_in_days           = 365 # at least forensic_retention_days
#       locked                                = true
#     }
package leakguard.rules.azure.forensics.evidence_immutability

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

min_days := config.settings.forensic_retention_days

account_of(c) := accounts[0] if {
	accounts := [a |
		some attr in ["storage_account_id", "storage_account_name"]
		some a in resources.linked_to(c, attr)
		a.type == "azurerm_storage_account"
	]
	count(accounts) > 0
}

evidence_container(c) if resources.is_evidence(account_of(c))

evidence_container(c) if object.get(object.get(c.values, "metadata", {}), config.settings.forensic_tag_key, "") == config.settings.forensic_tag_value

container_locked(c) if {
	some p in resources.linked_from(c, "azurerm_storage_container_immutability_policy", "storage_container_resource_manager_id")
	p.values.locked == true
	p.values.immutability_period_in_days >= min_days
}

account_locked(a) if {
	some p in resources.objects(object.get(a.values, "immutability_policy", null))
	p.state == "Locked"
	p.period_since_creation_in_days >= min_days
}

locked_by_account(c) if account_locked(account_of(c))

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("azurerm_storage_container")
	evidence_container(c)
	not container_locked(c)
	not locked_by_account(c)
	msg := sprintf("Evidence container %s has no locked immutability policy of at least %d days", [c.address, min_days])
}

with_containers contains a.key if {
	some c in resources.of_type("azurerm_storage_container")
	a := account_of(c)
}

deny contains finding.new(rego.metadata.chain(), a, msg) if {
	some a in resources.of_type("azurerm_storage_account")
	resources.is_evidence(a)
	not with_containers[a.key]
	not account_locked(a)
	msg := sprintf("Evidence storage account %s has no locked immutability policy of at least %d days", [a.address, min_days])
}
