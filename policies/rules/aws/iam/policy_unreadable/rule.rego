# METADATA
# title: IAM policy cannot be checked before apply
# description: |
#   An identity or trust policy computed at apply time, or written as an expression the
#   tool cannot evaluate (a variable without a value, a data source read from the cloud),
#   cannot be checked for wildcards, NotAction, PassRole or public trust, so it would pass
#   unseen. Reported once per document; the other IAM rules skip it. A jsonencode() or
#   heredoc document that names a resource's ARN is read with the ARN as "(known after
#   apply)" in HCL and in a plan beside its folder; a plan alone leaves it unknown.
#   Unknowns: this rule is the unknown case of the IAM document rules.
# custom:
#   id: aws-iam-policy-unreadable
#   control: iam-least-privilege
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Build the policy with an aws_iam_policy_document data source or literal JSON (CDKTF:
#     JSON.stringify with token references) so it can be checked from the configuration.
#   construct: ScopedRole
#   runbook:
#     exposure: Nobody could check the policy before apply; what it grants is only known from the account, and may be over-broad already
#     preserve:
#       - do: Save the policy as applied (inline policy of a role)
#         run: aws iam get-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}}
#       - do: Export the calls made under the role in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{via.role.name|values.role|fill.role-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Review the applied document; if it grants more than the workload needs, replace it with a least-privilege one
#         run: aws iam put-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}} --policy-document file://{{fill.least-privilege-policy.json}}
#     verify:
#       - do: The applied document is the reviewed one
#         run: aws iam get-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}} --query PolicyDocument
#   example: |
#     # Not policy = jsonencode({...}): a policy document data source can be checked before apply.
#     data "aws_iam_policy_document" "orders_api" {
#       statement {
#         actions   = ["sqs:SendMessage"]
#         resources = [aws_sqs_queue.orders.arn]
#       }
#     }
#
#     resource "aws_iam_role_policy" "orders_api" {
#       role   = aws_iam_role.orders_api.id
#       policy = data.aws_iam_policy_document.orders_api.json
#     }
package leakguard.rules.aws.iam.policy_unreadable

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	# Each set on its own: their union would rebuild (and rehash) a set of every role and policy.
	some docs in [resources.identity_documents, resources.trust_documents]
	some d in docs
	d.doc.status == "unknown"
	msg := sprintf("%s has a policy document that cannot be read before apply; least privilege cannot be checked", [d.label])
}
