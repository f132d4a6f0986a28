# METADATA
# title: IAM policy allows all actions of a service on all resources
# description: |
#   An Allow with Action "*" or "<service>:*" on Resource "*" (or an ARN that names every
#   resource: "arn:*", "arn:aws:s3:::*", "arn:aws:dynamodb:*:*:table/*") gives the identity
#   every permission of that service (or of the account) over every resource, so one
#   compromised microservice reads all customer data. Checked in aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy and aws_iam_role inline_policy documents,
#   whether literal JSON or aws_iam_policy_document data sources.
#   Unknowns: wildcards are literals, so values computed at apply (ARNs) are never taken
#   for them; a document that cannot be read at all is reported by
#   aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-wildcard-action
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     List the actions the workload calls (e.g. s3:GetObject) and the resource ARNs it
#     needs; never "*" or "service:*" on Resource "*".
#   construct: ScopedRole
#   runbook:
#     exposure: Every identity the policy is attached to may perform any action on any resource it names; a leaked credential of any of them has that reach
#     preserve:
#       - do: Save the policy and its current default version
#         run: aws iam get-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name}}
#       - do: List the users, groups and roles that hold the policy
#         run: aws iam list-entities-for-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name}}
#       - do: Export the API calls of those identities in the exposure window (repeat per identity)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=Username,AttributeValue={{fill.identity-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Make a least-privilege document the default version (the old version stays for rollback)
#         run: aws iam create-policy-version --policy-arn arn:aws:iam::{{account}}:policy/{{values.name}} --policy-document file://{{fill.least-privilege-policy.json}} --set-as-default
#     verify:
#       - do: The default version is the new one
#         run: aws iam get-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name}}
#   example: |
#     data "aws_iam_policy_document" "orders_api" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.orders.arn}/*"]
#       }
#     }
#
#     resource "aws_iam_role_policy" "orders_api" {
#       role   = aws_iam_role.orders_api.id
#       policy = data.aws_iam_policy_document.orders_api.json
#     }
package leakguard.rules.aws.iam.wildcard_action

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.identity_documents
	grants := {[a, res] |
		some s in d.doc.statements
		resources.allow(s)
		some res in s.resources
		endswith(res, "*")
		resources.every_resource(res)
		some a in s.actions
		resources.service_wildcard(a)
	}
	count(grants) > 0
	actions := {a | some [a, _] in grants}
	on := {json.marshal(res) | some [_, res] in grants}
	msg := sprintf("%s allows %s on Resource %s", [d.label, concat(", ", sort(actions)), concat(", ", sort(on))])
}
