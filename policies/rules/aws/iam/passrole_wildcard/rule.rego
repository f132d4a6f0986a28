# METADATA
# title: IAM policy allows iam:PassRole on every role
# description: |
#   iam:PassRole on Resource "*" lets the identity hand any role in the account, including
#   administrator roles, to a service it controls (privilege escalation). Matches explicit
#   and wildcard forms (iam:Pass*, iam:*Role); "*" and "iam:*" are reported by
#   aws-iam-wildcard-action.
#   Unknowns: a resource unknown at plan time is a computed ARN, never "*"; a document that
#   cannot be read at all is reported by aws-iam-policy-unreadable.
# custom:
#   id: aws-iam-passrole-wildcard
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Limit iam:PassRole to the ARNs of the roles the workload passes, with an
#     iam:PassedToService condition.
#   construct: ScopedRole
#   example: |
#     resource "aws_iam_role_policy" "deployer" {
#       role   = aws_iam_role.deployer.id
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "iam:PassRole",
#           "Resource": "arn:aws:iam::111122223333:role/orders-task",
#           "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.passrole_wildcard

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.identity_documents
	actions := {a |
		some s in d.doc.statements
		resources.allow(s)
		"*" in s.resources
		some a in s.actions
		not resources.service_wildcard(a)
		glob.match(a, null, "iam:passrole")
	}
	count(actions) > 0
	msg := sprintf("%s allows %s on Resource \"*\", so any role can be passed to a service", [d.label, concat(", ", sort(actions))])
}
