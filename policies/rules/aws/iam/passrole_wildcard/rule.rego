# METADATA
# title: IAM policy allows a privilege-escalation action on every resource
# description: |
#   Privilege-escalation actions (iam_escalation_actions: iam:PassRole,
#   iam:UpdateLoginProfile, iam:CreateLoginProfile by default) on Resource "*" (or an ARN
#   naming every resource, such as "arn:aws:iam::*:role/*") let the
#   identity hand any role, including administrator roles, to a service it controls, or set
#   any user's console password and sign in as them. Matches explicit and wildcard forms
#   (iam:Pass*, iam:*Role, iam:*LoginProfile); "*" and "iam:*" are reported by
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
#     iam:PassedToService condition; limit login-profile actions to the users they manage
#     (or `${aws:username}` for self-service).
#   construct: ScopedRole
#   runbook:
#     exposure: The identity may pass any role in the account to a service it controls (iam PassRole on every resource), so it can act with the permissions of the most powerful role there
#     preserve:
#       - do: Save the inline policy as it is now
#         run: aws iam get-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}}
#       - do: Export the PassRole-backed calls in the exposure window (functions, tasks or instances created with a role)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=Username,AttributeValue={{via.role.name|values.role|fill.role-name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: List the roles that could have been passed
#         run: aws iam list-roles --query "Roles[].Arn"
#     contain:
#       - do: Rewrite the inline policy with PassRole limited to the workload's own role ARNs (iam PassedToService condition)
#         run: aws iam put-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}} --policy-document file://{{fill.scoped-policy.json}}
#     verify:
#       - do: The policy names the passable roles, not "*"
#         run: aws iam get-role-policy --role-name {{via.role.name|values.role|fill.role-name}} --policy-name {{values.name|fill.policy-name}} --query PolicyDocument
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

import data.leakguard.lib.config
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
		not resources.service_wildcard(a)
		some escalation in config.settings.iam_escalation_actions
		glob.match(resources.aws_glob(a), null, lower(escalation))
	}
	count(grants) > 0
	actions := {a | some [a, _] in grants}
	on := {json.marshal(res) | some [_, res] in grants}
	msg := sprintf("%s allows %s on Resource %s, which escalates to any role or user", [d.label, concat(", ", sort(actions)), concat(", ", sort(on))])
}
