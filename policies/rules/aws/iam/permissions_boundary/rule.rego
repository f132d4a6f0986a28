# METADATA
# title: Workload role without a permissions boundary
# description: |
#   A permissions boundary caps what a role can ever do, even if someone later attaches a
#   broader policy to it. Required on every aws_iam_role when require_permissions_boundary
#   is true, except roles matching permissions_boundary_exempt_roles.
#   Unknowns: a boundary ARN unknown at plan time (set from a policy in the configuration)
#   counts as set; a role name unknown at plan time is not exempt.
# custom:
#   id: aws-iam-permissions-boundary
#   control: iam-least-privilege
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Set permissions_boundary = aws_iam_policy.boundary.arn (a boundary denying
#     privilege-escalation and audit-tampering actions).
#   construct: ScopedRole
#   runbook:
#     exposure: Nothing caps what the role may be granted; a policy attached by mistake or by an attacker with IAM write access takes full effect
#     preserve:
#       - do: Save the role and its last use
#         run: aws iam get-role --role-name {{values.name}}
#       - do: Save its attached and inline policies
#         run: aws iam list-attached-role-policies --role-name {{values.name}}
#       - do: Export the changes to the role's policies in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Set the workload permissions boundary on the role
#         run: aws iam put-role-permissions-boundary --role-name {{values.name}} --permissions-boundary {{fill.boundary-policy-arn}}
#     verify:
#       - do: PermissionsBoundary names the boundary policy
#         run: aws iam get-role --role-name {{values.name}} --query Role.PermissionsBoundary
#   example: |
#     resource "aws_iam_role" "orders_api" {
#       name                 = "orders-api"
#       assume_role_policy   = data.aws_iam_policy_document.lambda_trust.json
#       permissions_boundary = aws_iam_policy.workload_boundary.arn
#     }
#
#     # The boundary allows the services workloads use and denies iam:* and audit tampering
#     # (cloudtrail:StopLogging, cloudtrail:DeleteTrail, logs:DeleteLogGroup).
#     resource "aws_iam_policy" "workload_boundary" {
#       name   = "workload-boundary"
#       policy = data.aws_iam_policy_document.workload_boundary.json
#     }
package leakguard.rules.aws.iam.permissions_boundary

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

exempt(r) if {
	name := r.values.name
	resources.literal(name)
	some pattern in config.settings.permissions_boundary_exempt_roles
	glob.match(pattern, null, name)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	config.settings.require_permissions_boundary == true
	some r in resources.of_type("aws_iam_role")
	not resources.is_set(r, "permissions_boundary")
	not exempt(r)
	msg := sprintf("IAM role %s has no permissions boundary", [r.address])
}
