# METADATA
# title: IAM role trusts every principal
# description: |
#   A trust policy (assume_role_policy) that Allows Principal "*" or {"AWS": "*"} lets any
#   AWS account assume the role; conditions on such a trust are too easy to get wrong to
#   accept. So does an Allow with NotPrincipal: every principal but those it names. Literal JSON and aws_iam_policy_document trust policies are read.
#   Unknowns: "*" is a literal; a trust policy that cannot be read at all is reported by
#   aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-trust-public-principal
#   control: iam-least-privilege
#   cloud: aws
#   severity: critical
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Trust one service (Principal { Service = "x.amazonaws.com" } with aws:SourceAccount)
#     or one account/role ARN, never "*".
#   construct: ScopedRole
#   runbook:
#     exposure: Any AWS principal anywhere may assume the role and act with its permissions
#     preserve:
#       - do: Save the role, its trust policy and its last use
#         run: aws iam get-role --role-name {{values.name}}
#       - do: Export the AssumeRole calls on the role in the exposure window (who assumed it, from which account)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save what the role may do
#         run: aws iam list-attached-role-policies --role-name {{values.name}}
#     contain:
#       - do: Replace the trust policy with one naming only the intended principals
#         run: aws iam update-assume-role-policy --role-name {{values.name}} --policy-document file://{{fill.trust-policy.json}}
#       - do: Revoke sessions already issued (an inline deny for tokens issued before now, as the console's "Revoke active sessions" does)
#         run: aws iam put-role-policy --role-name {{values.name}} --policy-name AWSRevokeOlderSessions --policy-document file://{{fill.revoke-older-sessions.json}}
#         destructive: true
#     verify:
#       - do: The trust policy names no "*" principal
#         run: aws iam get-role --role-name {{values.name}} --query Role.AssumeRolePolicyDocument
#   example: |
#     resource "aws_iam_role" "orders_api" {
#       name               = "orders-api"
#       assume_role_policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRole",
#           "Principal": {"Service": "lambda.amazonaws.com"}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.trust_public_principal

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	some s in d.doc.statements
	resources.allow(s)
	resources.public_principal(s)
	msg := sprintf("%s can be assumed by every AWS principal (trust policy Principal \"*\")", [d.label])
}

# Allow with NotPrincipal: every principal but those named.
deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	some s in d.doc.statements
	resources.allow(s)
	not resources.public_principal(s)
	count(s.not_principals) > 0
	msg := sprintf("%s can be assumed by every AWS principal but those its trust policy's NotPrincipal names", [d.label])
}
