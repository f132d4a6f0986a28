# METADATA
# title: IAM identity of one environment used in another
# description: |
#   A role or user defined for one environment must not be attached, granted policies or
#   handed to workloads in another (instance profiles, policy attachments, Lambda/ECS/
#   Step Functions roles, group memberships, access keys). Identities are matched across
#   all stacks by name or ARN (account mapped by environment_accounts, or the name of a
#   role/user another stack defines); the environment is the environment tag, else the
#   stack's.
#   Unknowns: names and ARNs unknown at plan time or interpolated are matched through the
#   configuration reference to a role or user when there is one; otherwise (a variable without
#   a value, a local, a value from another resource) the identity cannot be attributed, and it
#   is reported as unverifiable where the configuration knows identities or accounts of
#   another environment.
# custom:
#   id: aws-iam-cross-environment-use
#   control: shared-identity
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Access controls; segmentation of environments
#   remediation: |
#     Create a separate role/user per environment and reference the one of the consuming
#     resource's own environment.
#   construct: ScopedRole
#   runbook:
#     exposure: A workload runs with an identity of another environment; whoever controls that identity there controls this workload's access, and the workload reaches the other environment's data
#     preserve:
#       - do: Save the borrowed role and what it may do
#         run: aws iam get-role --role-name {{via.role.name|values.role|fill.role-name}}
#       - do: Save its attached policies
#         run: aws iam list-attached-role-policies --role-name {{via.role.name|values.role|fill.role-name}}
#       - do: Export the calls made under the role in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{via.role.name|values.role|fill.role-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Give the workload a role of its own environment (a Lambda function shown; ECS task definitions, CodeBuild projects and instance profiles take the role the same way)
#         run: aws lambda update-function-configuration --function-name {{values.function_name|fill.function-name}} --role {{fill.own-environment-role-arn}} --region {{region}}
#     verify:
#       - do: The workload's role is of its own environment
#         run: aws lambda get-function-configuration --function-name {{values.function_name|fill.function-name}} --region {{region}} --query Role
#   example: |
#     # Each environment defines its own role; prod resources use the prod one.
#     resource "aws_iam_role" "orders_prod" {
#       name               = "orders-prod"
#       assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
#       tags               = { environment = "prod" }
#     }
#
#     resource "aws_lambda_function" "orders" {
#       function_name = "orders-prod"
#       role          = aws_iam_role.orders_prod.arn
#       tags          = { environment = "prod" }
#       # ... runtime, handler, filename ...
#     }
package leakguard.rules.aws.iam.cross_environment_use

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Resource type → attributes naming an identity by name or ARN.
uses := {
	"aws_iam_role_policy_attachment": ["role"],
	"aws_iam_role_policy": ["role"],
	"aws_iam_instance_profile": ["role"],
	"aws_iam_policy_attachment": ["roles", "users"],
	"aws_iam_user_policy_attachment": ["user"],
	"aws_iam_user_policy": ["user"],
	"aws_iam_user_group_membership": ["user"],
	"aws_iam_group_membership": ["users"],
	"aws_iam_access_key": ["user"],
	"aws_lambda_function": ["role"],
	"aws_ecs_task_definition": ["task_role_arn", "execution_role_arn"],
	"aws_sfn_state_machine": ["role_arn"],
	"aws_codebuild_project": ["service_role"],
	"aws_glue_job": ["role_arn"],
}

# [identity, its environments] for each identity the attribute names: by reference (same
# stack), or by a literal name or ARN matched across stacks.
identities(r, attr) := {[target.address, {env}] |
	some target in resources.linked_to(r, attr)
	target.type in {"aws_iam_role", "aws_iam_user"}
	env := resources.environment(target)
} | {[v, envs] |
	some v in resources.as_list(object.get(r.values, attr, null))
	resources.literal(v)
	envs := literal_envs(v)
	count(envs) > 0
}

literal_envs(v) := resources.account_environments(resources.principal_account(v)) if {
	count(resources.account_environments(resources.principal_account(v))) > 0
} else := object.get(resources.identity_environments, resources.arn_identity_name(v), set()) if {
	resources.arn_identity_name(v)
} else := object.get(resources.identity_environments, v, set())

foreign(r, attrs, env) := {sprintf("%s (%s)", [id, concat("/", sort(envs))]) |
	some attr in attrs
	some [id, envs] in identities(r, attr)
	not env in envs
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, attrs in uses
	some r in resources.of_type(t)
	env := resources.environment(r)
	foreign_ids := foreign(r, attrs, env)
	count(foreign_ids) > 0
	msg := sprintf("%s in environment %s uses %s of another environment", [r.address, env, concat(", ", sort(foreign_ids))])
}

# Every environment the configuration knows identities (by literal name) or accounts of.
known_environments := {env | some _, envs in resources.identity_environments; some env in envs} | {resources.env_name(e) | some e, _ in config.settings.environment_accounts}

# The identity an attribute names cannot be read and the configuration does not show which it
# is: set from what the input cannot follow, from a resource that is no role or user, or an
# expression with no reference.
unverified(r, attr) if {
	resources.unresolved(r, attr)
	unverified_source(r, attr)
}

unverified_source(r, attr) if resources.unlinked_under(r, attr)

unverified_source(r, attr) if {
	some key in object.get(r.references, attr, [])
	not object.get(object.get(input.resources, key, {}), "type", "") in {"aws_iam_role", "aws_iam_user"}
}

unverified_source(r, attr) if count(object.get(r.references, attr, [])) == 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t, attrs in uses
	some r in resources.of_type(t)
	unknown := [attr | some attr in attrs; unverified(r, attr)]
	count(unknown) > 0
	env := resources.environment(r)
	count(foreign(r, attrs, env)) == 0
	others := known_environments - {env}
	count(others) > 0
	msg := sprintf("%s in environment %s uses an identity (%s) unknown at plan time; that it is not of another environment (%s) cannot be verified", [r.address, env, concat(", ", unknown), concat("/", sort(others))])
}
