# METADATA
# title: IAM role trusts an unknown account without an external id
# description: |
#   Trusting an AWS account outside the organization's configured accounts
#   (environment_accounts and trusted_account_ids) without an sts:ExternalId condition
#   exposes the role to the confused-deputy problem: anyone the third party serves can make
#   it assume the role. An external id that is empty ("") or only wildcards is no external id.
#   Unknowns: a principal whose account is an interpolation or unknown at plan time (usually
#   the caller's own account) cannot be attributed and is not reported; a trust policy that
#   cannot be read at all is reported by aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-trust-foreign-account
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#   audit_component: Access controls; oversight of service providers and contractors
#   remediation: |
#     Add Condition { StringEquals = { "sts:ExternalId" = "<secret agreed with the vendor>" } },
#     or list the account in trusted_account_ids / environment_accounts if it is your own.
#   construct: ScopedRole
#   runbook:
#     exposure: Principals of another AWS account can assume the role without an external ID and act with its permissions
#     preserve:
#       - do: Save the role, its trust policy and its last use
#         run: aws iam get-role --role-name {{values.name}}
#       - do: Export the AssumeRole calls on the role in the exposure window (which accounts assumed it)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Require the agreed sts:ExternalId (or remove the foreign account) in the trust policy
#         run: aws iam update-assume-role-policy --role-name {{values.name}} --policy-document file://{{fill.trust-policy-with-external-id.json}}
#       - do: Revoke sessions already issued (an inline deny for tokens issued before now)
#         run: aws iam put-role-policy --role-name {{values.name}} --policy-name AWSRevokeOlderSessions --policy-document file://{{fill.revoke-older-sessions.json}}
#         destructive: true
#     verify:
#       - do: The trust policy names the account only with an sts:ExternalId condition
#         run: aws iam get-role --role-name {{values.name}} --query Role.AssumeRolePolicyDocument
#   example: |
#     resource "aws_iam_role" "vendor_audit" {
#       name               = "vendor-audit"
#       assume_role_policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRole",
#           "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
#           "Condition": {"StringEquals": {"sts:ExternalId": "${var.vendor_external_id}"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.trust_foreign_account

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# An external id the caller must present: a value that is neither empty nor only wildcards
# ("" and "*" are accepted from anyone who knows nothing).
external_id(s) if {
	some c in s.conditions
	c.variable == "sts:externalid"
	c.test in {"stringequals", "stringlike"}
	some v in c.values
	not regex.match(`^[*?]*$`, v)
}

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	accounts := {account |
		some s in d.doc.statements
		resources.allow(s)
		not external_id(s)
		some p in s.principals
		p.type == "AWS"
		account := resources.principal_account(p.id)
		not resources.known_accounts[account]
	}
	count(accounts) > 0
	msg := sprintf("%s trusts account %s, which is not a configured account, without an sts:ExternalId condition", [d.label, concat(", ", sort(accounts))])
}
