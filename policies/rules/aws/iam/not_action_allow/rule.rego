# METADATA
# title: IAM policy allows with NotAction
# description: |
#   Allow + NotAction grants every action except the listed ones, including every action
#   AWS adds later; it is never least privilege. Checked in the same identity policy
#   documents as aws-iam-wildcard-action.
#   Unknowns: NotAction is a literal key; a document that cannot be read at all is reported
#   by aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-not-action-allow
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Replace the Allow + NotAction statement with an Allow listing the needed actions (use
#     Deny + NotAction only for guardrails).
#   construct: ScopedRole
#   runbook:
#     exposure: Allow with NotAction grants every action but the listed ones, including those of services added later; every identity holding the policy has that reach
#     preserve:
#       - do: Save the policy and its current default version
#         run: aws iam get-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name|fill.policy-name}}
#       - do: List the users, groups and roles that hold the policy
#         run: aws iam list-entities-for-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name|fill.policy-name}}
#       - do: Export the API calls of those identities in the exposure window (repeat per identity)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=Username,AttributeValue={{fill.identity-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Make a document listing the needed actions the default version (the old version stays for rollback)
#         run: aws iam create-policy-version --policy-arn arn:aws:iam::{{account}}:policy/{{values.name|fill.policy-name}} --policy-document file://{{fill.least-privilege-policy.json}} --set-as-default
#     verify:
#       - do: The default version is the new one
#         run: aws iam get-policy --policy-arn arn:aws:iam::{{account}}:policy/{{values.name|fill.policy-name}} --query Policy.DefaultVersionId
#   example: |
#     data "aws_iam_policy_document" "reports" {
#       # Allow names the actions; NotAction only ever with Deny (guardrails).
#       statement {
#         actions   = ["s3:GetObject", "s3:ListBucket"]
#         resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
#       }
#     }
#
#     resource "aws_iam_policy" "reports" {
#       name   = "reports-read"
#       policy = data.aws_iam_policy_document.reports.json
#     }
package leakguard.rules.aws.iam.not_action_allow

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.identity_documents
	excluded := {a |
		some s in d.doc.statements
		resources.allow(s)
		some a in s.not_actions
	}
	count(excluded) > 0
	msg := sprintf("%s allows every action except %s (Allow with NotAction)", [d.label, concat(", ", sort(excluded))])
}
