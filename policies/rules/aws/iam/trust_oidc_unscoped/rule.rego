# METADATA
# title: IAM role trusts a web identity provider for every subject
# description: |
#   A trust policy that lets GitHub Actions assume the role (a Federated principal
#   token.actions.githubusercontent.com) without a token.actions.githubusercontent.com:sub
#   condition naming the organization, or with one whose every value leaves it open ("*",
#   "repo:*", "repo:*/…"), lets the workflows of every repository on GitHub assume it: anyone
#   can push a workflow that takes the role's access to customer data. The same for a Cognito
#   identity pool trust (cognito-identity.amazonaws.com) without a
#   cognito-identity.amazonaws.com:aud condition: identities of every pool in every account.
#   Negated and …IfExists tests restrict nothing. Found in the terraform-aws-modules
#   iam-github-oidc-role module called with subjects ["*"], which no rule reported.
#   Unknowns: a condition value unknown at plan time cannot be shown to scope the trust and is
#   reported; a trust policy that cannot be read at all is reported by aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-trust-oidc-unscoped
#   control: iam-least-privilege
#   cloud: aws
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Add a StringLike (or StringEquals) condition on token.actions.githubusercontent.com:sub
#     naming your organization and repository, e.g. "repo:acme/shop:ref:refs/heads/main" or
#     "repo:acme/shop:environment:production", beside token.actions.githubusercontent.com:aud =
#     "sts.amazonaws.com"; for Cognito, a cognito-identity.amazonaws.com:aud condition naming
#     your identity pool.
#   construct: ScopedRole
#   runbook:
#     exposure: Workflows of any GitHub repository (or identities of any Cognito pool) may assume the role and act with its permissions
#     preserve:
#       - do: Save the role, its trust policy and its last use
#         run: aws iam get-role --role-name {{values.name}}
#       - do: Export the web-identity AssumeRole calls on the role in the exposure window (the token's subject names the repository)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRoleWithWebIdentity --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save what the role may do
#         run: aws iam list-attached-role-policies --role-name {{values.name}}
#     contain:
#       - do: Replace the trust policy with one scoped to your repositories
#         run: aws iam update-assume-role-policy --role-name {{values.name}} --policy-document file://{{fill.trust-policy.json}}
#       - do: Revoke sessions already issued (an inline deny for tokens issued before now, as the console's "Revoke active sessions" does)
#         run: aws iam put-role-policy --role-name {{values.name}} --policy-name AWSRevokeOlderSessions --policy-document file://{{fill.revoke-older-sessions.json}}
#         destructive: true
#     verify:
#       - do: The trust policy scopes the subject
#         run: aws iam get-role --role-name {{values.name}} --query Role.AssumeRolePolicyDocument
#   example: |
#     resource "aws_iam_role" "deploy" {
#       name               = "shop-deploy"
#       assume_role_policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
#           "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
#           "Condition": {
#             "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
#             "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.trust_oidc_unscoped

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Web identity providers whose tokens any stranger can get, and the condition that scopes them.
providers := {
	"token.actions.githubusercontent.com": {"key": "token.actions.githubusercontent.com:sub", "who": "the workflows of every GitHub repository"},
	"cognito-identity.amazonaws.com": {"key": "cognito-identity.amazonaws.com:aud", "who": "identities of every Cognito identity pool"},
}

# The provider a statement trusts: its Federated principal, or (a provider ARN set by
# reference) the provider its conditions name.
trusts(s, name) if {
	some p in s.principals
	lower(p.type) == "federated"
	endswith(lower(p.id), name)
	providers[name]
}

trusts(s, name) if {
	providers[name]
	some c in s.conditions
	startswith(c.variable, concat("", [name, ":"]))
}

# A positive test on the provider's scoping key whose every value names someone.
scoped(s, name) if {
	some c in s.conditions
	c.variable == providers[name].key
	not resources.negated(c.test)
	not endswith(c.test, "ifexists")
	not startswith(c.test, "null")
	count(c.values) > 0
	every v in c.values {
		not open_value(v)
	}
}

open_value(v) if startswith(v, "*")

open_value(v) if {
	startswith(v, "repo:")
	resources.wildcard(split(substring(v, 5, -1), "/")[0])
}

open_value("")

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	some s in d.doc.statements
	resources.allow(s)
	some name, p in providers
	trusts(s, name)
	not scoped(s, name)
	msg := sprintf("%s can be assumed by %s (trust of %s without a %s condition naming who)", [d.label, p.who, name, p.key])
}
