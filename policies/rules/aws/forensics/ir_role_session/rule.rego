# METADATA
# title: Incident-response role sessions too long
# description: |
#   Incident-response sessions carry broad read access; max_session_duration (AWS default
#   3600 seconds) must not exceed incident_response_max_session_seconds so a stolen session
#   expires quickly.
#   Unknowns: a duration unknown at plan time is not proven and is reported; a role whose
#   name is configured but cannot be read (a variable without a value, a value from another
#   resource or a local; an interpolation counts its written parts) may be the
#   incident-response role, and is reported as unverifiable when its sessions are longer; a
#   name the provider generates (name_prefix) is not.
# custom:
#   id: aws-ir-role-session
#   control: forensic-readiness
#   cloud: aws
#   severity: low
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Incident response; access controls
#   remediation: |
#     Set max_session_duration to at most the configured maximum (e.g. 3600).
#   construct: IncidentResponseRole
#   fix:
#     summary: Cap incident-response sessions at the configured maximum
#     edits:
#       - set: { max_session_duration: '{{settings.incident_response_max_session_seconds}}' }
#   example: |
#     resource "aws_iam_role" "incident_response" {
#       name                 = "incident-response"
#       assume_role_policy   = data.aws_iam_policy_document.incident_response_trust.json
#       permissions_boundary = aws_iam_policy.boundary.arn
#       max_session_duration = 3600 # at most incident_response_max_session_seconds
#     }
package leakguard.rules.aws.forensics.ir_role_session

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

max_seconds := config.settings.incident_response_max_session_seconds

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_role")
	resources.is_incident_response_role(r)
	msg := message(r)
}

message(r) := sprintf("Incident-response role %s allows %d-second sessions (maximum %d)", [r.address, d, max_seconds]) if {
	not resources.unknown_at(r, "max_session_duration")
	d := object.get(r.values, "max_session_duration", 3600)
	is_number(d)
	d > max_seconds
}

message(r) := sprintf("Incident-response role %s has a session duration unknown at plan time", [r.address]) if {
	resources.unknown_at(r, "max_session_duration")
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_role")
	resources.maybe_incident_response_role(r)
	msg := unknown_name_message(r)
}

unknown_name_message(r) := sprintf("Role %s has a name unknown at plan time and allows %d-second sessions (maximum %d); that it is not the incident-response role cannot be verified", [r.address, d, max_seconds]) if {
	not resources.unknown_at(r, "max_session_duration")
	d := object.get(r.values, "max_session_duration", 3600)
	is_number(d)
	d > max_seconds
}

unknown_name_message(r) := sprintf("Role %s has a name and a session duration unknown at plan time; that it is not the incident-response role with a longer session cannot be verified", [r.address]) if {
	resources.unresolved(r, "max_session_duration")
}
