# METADATA
# title: Long-lived IAM user access key
# description: |
#   aws_iam_access_key creates a static credential that never expires and is routinely
#   leaked through code, CI logs and laptops; S3 presigned URLs signed with it last up to
#   seven days. Workloads use roles (temporary credentials) instead. Inactive keys pass.
#   Unknowns: a status unknown at plan time counts as active.
# custom:
#   id: aws-iam-access-key
#   control: sas-token-scope
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; account and credential management
#   remediation: |
#     Remove the aws_iam_access_key; give the workload an IAM role (instance profile, task
#     role, IRSA/OIDC federation for CI) so it receives short-lived credentials.
#   construct: ScopedRole
#   runbook:
#     exposure: A long-lived access key of an IAM user works from anywhere until it is revoked; if it leaked, everything the user may do is exposed
#     preserve:
#       - do: List the user's keys and when each was created
#         run: aws iam list-access-keys --user-name {{values.user|via.user.name}}
#       - do: Record when and where the key was last used
#         run: aws iam get-access-key-last-used --access-key-id {{fill.access-key-id}}
#       - do: Export every API call made with the key in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=AccessKeyId,AttributeValue={{fill.access-key-id}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save what the user may do (attached and inline policies)
#         run: aws iam list-attached-user-policies --user-name {{values.user|via.user.name}}
#     contain:
#       - do: Deactivate the key (reversible while you confirm nothing legitimate breaks)
#         run: aws iam update-access-key --user-name {{values.user|via.user.name}} --access-key-id {{fill.access-key-id}} --status Inactive
#       - do: Delete the key, then move the workload to a role with short-lived credentials
#         run: aws iam delete-access-key --user-name {{values.user|via.user.name}} --access-key-id {{fill.access-key-id}}
#         destructive: true
#     verify:
#       - do: The key is gone or Inactive
#         run: aws iam list-access-keys --user-name {{values.user|via.user.name}}
#   example: |
#     # No aws_iam_access_key: the workload gets short-lived credentials from a role.
#     resource "aws_iam_role" "worker" {
#       name                 = "orders-worker"
#       assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
#       permissions_boundary = aws_iam_policy.boundary.arn
#     }
#
#     resource "aws_iam_instance_profile" "worker" {
#       name = "orders-worker"
#       role = aws_iam_role.worker.name
#     }
package leakguard.rules.aws.iam.access_key

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_access_key")
	object.get(r.values, "status", "Active") != "Inactive"
	msg := sprintf("%s creates a long-lived access key for IAM user %s", [r.address, user(r)])
}

user(r) := r.values.user if resources.literal(r.values.user)

user(r) := concat(", ", [u.address | some u in resources.linked_to(r, "user")]) if {
	not resources.literal(object.get(r.values, "user", null))
	count(resources.linked_to(r, "user")) > 0
}

user(r) := "(unknown)" if {
	not resources.literal(object.get(r.values, "user", null))
	count(resources.linked_to(r, "user")) == 0
}
