# METADATA
# title: Evidence bucket readable by more than the incident-response role
# description: |
#   Chain of custody needs evidence access limited to the incident-response role
#   (incident_response_role_names): the evidence bucket policy must Deny every principal
#   except that role, via NotPrincipal or a condition on aws:PrincipalArn
#   (ArnNotEquals/ArnNotLike/StringNotEquals/StringNotLike) naming the role by ARN or by
#   reference to the aws_iam_role.
#   Unknowns: a bucket policy unknown at plan time cannot be shown to restrict access and
#   is reported.
# custom:
#   id: aws-forensic-evidence-access
#   control: forensic-readiness
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notification without unreasonable delay)
#   audit_component: Incident response (evidence preservation); access controls
#   remediation: |
#     Add a bucket policy statement { Effect = "Deny", Principal = "*", Action = "s3:*",
#     Condition = { ArnNotEquals = { "aws:PrincipalArn" = aws_iam_role.incident_response.arn } } }.
#   construct: ForensicEvidenceBucket
#   example: |
#     resource "aws_s3_bucket_policy" "evidence" {
#       bucket = aws_s3_bucket.evidence.id # tagged purpose = forensics
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Sid": "OnlyIncidentResponse", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
#           "Resource": ["arn:aws:s3:::shop-evidence", "arn:aws:s3:::shop-evidence/*"],
#           "Condition": {"ArnNotEquals": {
#             "aws:PrincipalArn": "arn:aws:iam::111122223333:role/incident-response"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.forensics.evidence_access

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

names := config.settings.incident_response_role_names

# The role the tool knows as the incident-response role: by ARN, or a `${aws_iam_role.x.arn}`
# reference to a role named like one.
ir_value(v, _) if {
	contains(v, ":role/")
	resources.incident_response_name(resources.arn_identity_name(v))
}

ir_value(v, ir_addresses) if {
	some a in ir_addresses
	contains(v, concat("", ["${", a, "."]))
}

ir_roles contains lower(r.address) if {
	some r in resources.of_type("aws_iam_role")
	resources.is_incident_response_role(r)
}

denies_others(s) if {
	s.effect == "Deny"
	resources.public_principal(s)
	some c in s.conditions
	c.test in {"arnnotequals", "arnnotlike", "stringnotequals", "stringnotlike"}
	c.variable == "aws:principalarn"
	some v in c.values
	ir_value(v, ir_roles)
}

denies_others(s) if {
	s.effect == "Deny"
	some p in s.not_principals
	ir_value(lower(p.id), ir_roles)
}

restricted(docs) if {
	some doc in docs
	some s in doc.statements
	denies_others(s)
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	resources.is_evidence(bucket)
	docs := resources.s3_policy_documents(bucket)
	not restricted(docs)
	msg := message(bucket, docs)
}

message(bucket, docs) := sprintf("Evidence bucket %s has a bucket policy that cannot be read before apply; access cannot be shown limited to the incident-response role", [bucket.address]) if {
	some doc in docs
	doc.status == "unknown"
}

message(bucket, docs) := sprintf("Evidence bucket %s policy does not deny access to everyone but the incident-response role (%s)", [bucket.address, concat(", ", sort(names))]) if {
	every doc in docs {
		doc.status != "unknown"
	}
}
