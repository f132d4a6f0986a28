# METADATA
# title: Incident-response role assumable without MFA
# description: |
#   The incident-response role (incident_response_role_names) reaches evidence and often
#   production data; every Allow in its trust policy for AWS principals must require MFA
#   (Bool aws:MultiFactorAuthPresent = true, or a NumericLessThan on aws:MultiFactorAuthAge).
#   Unknowns: a role whose name is configured but cannot be read (a variable without a
#   value, a value from another resource or a local; an interpolation counts its written
#   parts) may be the incident-response role, and is reported as unverifiable when its trust
#   policy lacks MFA; a name the provider generates (name_prefix) is not; a trust policy that
#   cannot be read is reported by aws-iam-policy-unreadable.
# custom:
#   id: aws-ir-role-mfa
#   control: forensic-readiness
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Multi-factor authentication; incident response
#   remediation: |
#     Add Condition { Bool = { "aws:MultiFactorAuthPresent" = "true" } } to the role's trust
#     policy statements.
#   construct: IncidentResponseRole
#   example: |
#     resource "aws_iam_role" "incident_response" {
#       name                 = "incident-response"
#       max_session_duration = 3600
#       assume_role_policy   = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRole",
#           "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
#           "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.forensics.ir_role_mfa

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

mfa(s) if {
	some c in s.conditions
	c.test == "bool"
	c.variable == "aws:multifactorauthpresent"
	c.values == ["true"]
}

mfa(s) if {
	some c in s.conditions
	c.test == "numericlessthan"
	c.variable == "aws:multifactorauthage"
}

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	resources.is_incident_response_role(d.resource)
	some s in d.doc.statements
	resources.allow(s)
	some p in s.principals
	p.type == "AWS"
	not mfa(s)
	msg := sprintf("Incident-response role %s can be assumed without MFA", [d.resource.address])
}

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	resources.maybe_incident_response_role(d.resource)
	some s in d.doc.statements
	resources.allow(s)
	some p in s.principals
	p.type == "AWS"
	not mfa(s)
	msg := sprintf("Role %s has a name unknown at plan time and can be assumed without MFA; that it is not the incident-response role cannot be verified", [d.resource.address])
}
