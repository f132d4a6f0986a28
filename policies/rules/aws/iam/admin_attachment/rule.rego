# METADATA
# title: Administrator policy attached to a workload identity
# description: |
#   AdministratorAccess (configurable list) on a workload role, user or group turns any bug
#   in that workload into full account compromise. Checked on role/user/group policy
#   attachments, aws_iam_policy_attachment and aws_iam_role.managed_policy_arns. Roles named
#   in admin_role_exemptions (break-glass) are allowed.
#   Unknowns: a policy ARN unknown at plan time that refers to a policy created in the same
#   configuration (aws_iam_policy) is not an AWS-managed policy, and its document is checked
#   by the policy-document rules instead; one read by an aws_iam_policy data source is judged
#   by the data source's literal name or ARN; any other ARN that cannot be read (a variable
#   without a value, a value from another resource or a local) is reported as unverifiable. A
#   role name unknown at plan time is not exempt.
# custom:
#   id: aws-iam-admin-attachment
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Replace the administrator policy with a policy listing the actions the workload needs;
#     keep administrator access on break-glass roles listed in admin_role_exemptions.
#   construct: ScopedRole
#   runbook:
#     exposure: A workload role holds AdministratorAccess; a leaked credential or compromised workload can do anything in the account
#     preserve:
#       - do: Save the role's attached policies as they are now
#         run: aws iam list-attached-role-policies --role-name {{values.role|via.role.name|fill.role-name}}
#       - do: Save the role and when it was last used
#         run: aws iam get-role --role-name {{values.role|via.role.name|fill.role-name}}
#       - do: Export the calls made under the role in the window (filter the trail's logs on sessionIssuer.userName; event history by resource as a first pass)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{values.role|via.role.name|fill.role-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Detach the administrator policy (attach the least-privilege policy first, or the workload stops)
#         run: aws iam detach-role-policy --role-name {{values.role|via.role.name|fill.role-name}} --policy-arn {{values.policy_arn}}
#         destructive: true
#     verify:
#       - do: AdministratorAccess is no longer attached
#         run: aws iam list-attached-role-policies --role-name {{values.role|via.role.name|fill.role-name}}
#   example: |
#     # Instead of AdministratorAccess: only the actions and resources the workload uses.
#     data "aws_iam_policy_document" "orders_api" {
#       statement {
#         actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
#         resources = [aws_dynamodb_table.orders.arn]
#       }
#     }
#
#     resource "aws_iam_role_policy" "orders_api" {
#       name   = "orders-api"
#       role   = aws_iam_role.orders_api.id
#       policy = data.aws_iam_policy_document.orders_api.json
#     }
package leakguard.rules.aws.iam.admin_attachment

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

admin_arns := config.settings.admin_policy_arns

# Attachment type → attributes naming the identities it attaches to.
identity_attrs := {
	"aws_iam_role_policy_attachment": ["role"],
	"aws_iam_user_policy_attachment": ["user"],
	"aws_iam_group_policy_attachment": ["group"],
	"aws_iam_policy_attachment": ["roles", "users", "groups"],
}

names(r, attr) := {n | some n in resources.as_list(object.get(r.values, attr, null)); resources.literal(n)} | {n |
	some target in resources.linked_to(r, attr)
	n := target.values.name
	resources.literal(n)
}

exempt_name(n) if {
	some pattern in config.settings.admin_role_exemptions
	glob.match(pattern, null, n)
}

# Exempt only when every identity it attaches to is a listed role.
exempt(r, attrs) if {
	attrs == ["role"]
	ns := names(r, "role")
	count(ns) > 0
	every n in ns {
		exempt_name(n)
	}
}

label(r, attrs) := concat(", ", sort({n | some a in attrs; some n in names(r, a)}))

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, attrs in identity_attrs
	some r in resources.of_type(t)
	r.values.policy_arn in admin_arns
	not exempt(r, attrs)
	msg := sprintf("%s attaches %s to %s", [r.address, r.values.policy_arn, who(r, attrs)])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_role")
	some arn in resources.as_list(object.get(r.values, "managed_policy_arns", null))
	arn in admin_arns
	not exempt_name(object.get(r.values, "name", ""))
	msg := sprintf("%s attaches %s to itself", [r.address, arn])
}

# An administrator policy an aws_iam_policy data source reads, by its literal ARN or name, for
# an ARN unknown at plan time.
data_admin_arns(r, path) := {arn |
	some key in object.get(r.references, path, [])
	t := input.resources[key]
	t.mode == "data"
	t.type == "aws_iam_policy"
	resources.unresolved(r, path)
	some arn in admin_arns
	data_names(t, arn)
}

data_names(t, arn) if object.get(t.values, "arn", null) == arn

data_names(t, arn) if {
	name := object.get(t.values, "name", null)
	resources.literal(name)
	endswith(arn, concat("/", ["", name]))
}

# A policy this configuration creates, or one a data source names literally: what the ARN can be
# is known.
readable_source(t) if {
	t.mode == "managed"
	t.type == "aws_iam_policy"
}

readable_source(t) if {
	t.mode == "data"
	t.type == "aws_iam_policy"
	some a in ["arn", "name"]
	resources.literal(object.get(t.values, a, null))
}

# Configured, and the configuration does not show what it is: a variable without a value, a
# local, a reference to anything but the policies above.
unverified_arn(r, path) if {
	resources.unresolved(r, path)
	unverified_source(r, path)
}

unverified_source(r, path) if resources.unlinked_under(r, path)

unverified_source(r, path) if {
	some key in object.get(r.references, path, [])
	not readable_source(object.get(input.resources, key, {}))
}

unverified_source(r, path) if count(object.get(r.references, path, [])) == 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, attrs in identity_attrs
	some r in resources.of_type(t)
	some arn in data_admin_arns(r, "policy_arn")
	not exempt(r, attrs)
	msg := sprintf("%s attaches %s to %s", [r.address, arn, who(r, attrs)])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, attrs in identity_attrs
	some r in resources.of_type(t)
	unverified_arn(r, "policy_arn")
	count(data_admin_arns(r, "policy_arn")) == 0
	not exempt(r, attrs)
	msg := sprintf("%s attaches a policy whose ARN is unknown at plan time to %s; that it is not an administrator policy cannot be verified", [r.address, who(r, attrs)])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_role")
	some arn in data_admin_arns(r, "managed_policy_arns")
	not arn in resources.as_list(object.get(r.values, "managed_policy_arns", null))
	not exempt_name(object.get(r.values, "name", ""))
	msg := sprintf("%s attaches %s to itself", [r.address, arn])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_iam_role")
	unverified_arn(r, "managed_policy_arns")
	count(data_admin_arns(r, "managed_policy_arns")) == 0
	not exempt_name(object.get(r.values, "name", ""))
	msg := sprintf("%s attaches managed policies whose ARNs are unknown at plan time to itself; that none is an administrator policy cannot be verified", [r.address])
}

who(r, attrs) := label(r, attrs) if label(r, attrs) != ""

who(r, attrs) := "an identity whose name is unknown at plan time" if label(r, attrs) == ""
