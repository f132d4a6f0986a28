# METADATA
# title: IAM role trusts an unknown account without an external id
# description: |
#   Trusting an AWS account outside the organization's configured accounts
#   (environment_accounts and trusted_account_ids) without an sts:ExternalId condition
#   exposes the role to the confused-deputy problem: anyone the third party serves can make
#   it assume the role. An external id that is empty ("") or only wildcards is no external id.
#   Unknowns: a principal whose account is an interpolation or unknown at plan time (another
#   resource's id, a module output, a local naming one) may be any account and is reported as
#   not verifiable, unless the trust policy is built only from aws_caller_identity and IAM
#   roles, users and identity providers read or created through the role's own provider
#   configuration (alias included), the role's own account; one through another provider (an
#   alias assuming a role in another account) is that account. A principals block whose whole
#   identifiers list only apply knows (a remote state's output) is such a principal.
#   A plan reads the caller's account: an account aws_caller_identity reads through the
#   role's own provider configuration is the role's own there too. A trust policy that cannot
#   be read at all is reported by aws-iam-policy-unreadable.
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

deny contains finding.new(rego.metadata.chain(), d.resource, concat("; ", parts)) if {
	some d in resources.trust_documents
	statements := [s | some s in d.doc.statements; resources.allow(s); not resources.external_id(s)]
	own := resources.caller_accounts(d.resource)
	accounts := {account |
		some s in statements
		some p in s.principals
		p.type == "AWS"
		account := resources.principal_account(p.id)
		not resources.known_accounts[account]
		not account in own
	}
	parts := [m | some m in [foreign_text(d, accounts), unknown_text(d, accounts, statements)]; m != ""]
	count(parts) > 0
}

# A principal's account is unknown at plan time, and not provably the role's own.
unknown_account(r, statements) if {
	some s in statements
	some p in s.principals
	resources.unknown_account_principal(p)
	not resources.own_account_only(r)
}

foreign_text(_, accounts) := "" if count(accounts) == 0

foreign_text(d, accounts) := sprintf("%s trusts account %s, which is not a configured account, without an sts:ExternalId condition", [d.label, concat(", ", sort(accounts))]) if {
	count(accounts) > 0
}

unknown_text(d, accounts, statements) := sprintf("%s trusts an account unknown at plan time%s without an sts:ExternalId condition; that it is a configured account cannot be verified", [subject(d, accounts), resources.unknown_account_from(d.resource)]) if {
	unknown_account(d.resource, statements)
} else := ""

subject(d, accounts) := d.label if count(accounts) == 0

subject(_, accounts) := "it also" if count(accounts) > 0
