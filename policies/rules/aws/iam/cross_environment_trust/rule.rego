# METADATA
# title: IAM role trusts an identity of another environment
# description: |
#   A role in one environment (its environment tag, else its stack's environment) must only
#   trust its own environment: a trust policy naming an account that environment_accounts
#   maps to another environment, or a role/user that another stack defines for another
#   environment, lets a development identity reach production data. Evaluated across all
#   stacks at once.
#   Unknowns: a principal whose account is an interpolation or unknown at plan time, and not
#   provably the role's own (aws_caller_identity, or an IAM role, user or identity provider,
#   read or created through the role's own provider, alias included), is reported by aws-iam-trust-foreign-account when its statement has no
#   sts:ExternalId condition, and here when it has one and accounts of another environment are
#   configured (one finding for one principal). Principals whose name is unknown, and roles
#   whose environment cannot be determined, cannot be attributed and are not compared; a trust
#   policy that cannot be read is reported by aws-iam-policy-unreadable. A
#   role or user whose name is configured but cannot be read (a variable without a value, a
#   value from another resource or a local; an interpolation counts its written parts) is
#   reported as unverifiable when a trust policy of another environment names an identity it
#   could be.
# custom:
#   id: aws-iam-cross-environment-trust
#   control: shared-identity
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; segmentation of environments
#   remediation: |
#     Trust only principals of the role's own environment account; give each environment
#     its own roles and deployment identities.
#   construct: ScopedRole
#   runbook:
#     exposure: Identities of another environment (often less guarded, such as a dev CI role) can assume the role and act in this environment with its permissions
#     preserve:
#       - do: Save the role, its trust policy and its last use
#         run: aws iam get-role --role-name {{values.name}}
#       - do: Export the AssumeRole calls on the role in the exposure window (which accounts assumed it)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue=arn:aws:iam::{{account}}:role/{{values.name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Save what the role may do
#         run: aws iam list-attached-role-policies --role-name {{values.name}}
#     contain:
#       - do: Replace the trust policy with one naming only principals of this environment
#         run: aws iam update-assume-role-policy --role-name {{values.name}} --policy-document file://{{fill.trust-policy.json}}
#       - do: Revoke sessions already issued (an inline deny for tokens issued before now)
#         run: aws iam put-role-policy --role-name {{values.name}} --policy-name AWSRevokeOlderSessions --policy-document file://{{fill.revoke-older-sessions.json}}
#         destructive: true
#     verify:
#       - do: The trust policy names no account of another environment
#         run: aws iam get-role --role-name {{values.name}} --query Role.AssumeRolePolicyDocument
#   example: |
#     # 444455556666 is the prod account (environment_accounts.prod).
#     resource "aws_iam_role" "deploy" {
#       name               = "prod-deploy"
#       tags               = { environment = "prod" }
#       assume_role_policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Effect": "Allow", "Action": "sts:AssumeRole",
#           "Principal": {"AWS": "arn:aws:iam::444455556666:role/prod-ci"}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.iam.cross_environment_trust

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# The environments a trusted principal belongs to, and how the tool knows.
principal_envs(id) := [envs, sprintf("account %s", [account])] if {
	account := resources.principal_account(id)
	envs := resources.account_environments(account)
	count(envs) > 0
}

principal_envs(id) := [envs, sprintf("identity %s", [name])] if {
	not account_mapped(id)
	name := resources.arn_identity_name(id)
	envs := resources.identity_environments[name]
}

account_mapped(id) if count(resources.account_environments(resources.principal_account(id))) > 0

deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	env := resources.environment(d.resource)
	foreign := {sprintf("%s (%s)", [what, concat("/", sort(envs))]) |
		some s in d.doc.statements
		resources.allow(s)
		some p in s.principals
		p.type == "AWS"
		[envs, what] := principal_envs(p.id)
		not env in envs
	}
	count(foreign) > 0
	msg := sprintf("%s in environment %s trusts %s of another environment", [d.label, env, concat(", ", sort(foreign))])
}

# An account unknown at plan time behind an sts:ExternalId condition (which satisfies
# aws-iam-trust-foreign-account, the owner of one without) may be another environment's.
deny contains finding.new(rego.metadata.chain(), d.resource, msg) if {
	some d in resources.trust_documents
	some s in d.doc.statements
	resources.allow(s)
	resources.external_id(s)
	some p in s.principals
	resources.unknown_account_principal(p)
	env := resources.environment(d.resource)
	other_environment_accounts(env)
	not resources.own_account_only(d.resource)
	msg := sprintf("%s in environment %s trusts an account unknown at plan time%s; that it is not an account of another environment cannot be verified", [d.label, env, resources.unknown_account_from(d.resource)])
}

other_environment_accounts(env) if {
	some e, ids in resources.settings.environment_accounts
	resources.env_name(e) != env
	count(ids) > 0
}

# Role/user names that trust policies name by ARN: name → {[trusting environment, trusting role]}.
trusted_names[name] contains [env, d.resource.address] if {
	some d in resources.trust_documents
	env := resources.environment(d.resource)
	some s in d.doc.statements
	resources.allow(s)
	some p in s.principals
	p.type == "AWS"
	name := resources.arn_identity_name(p.id)
}

# The whole map, built once: OPA's Go engine evaluates `trusted_names[name]` by running the
# rule body again for each name looked up (every trust document per role: quadratic).
all_trusted_names := trusted_names

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_iam_role", "aws_iam_user"]
	some r in resources.of_type(t)
	env := resources.environment(r)
	trusting := {sprintf("%s (%s)", [address, other]) |
		some [other, address] in object.get(all_trusted_names, r.values.name, set())
		other != env
	}
	count(trusting) > 0
	msg := sprintf("%s in environment %s is trusted by %s of another environment", [r.address, env, concat(", ", sort(trusting))])
}

# The names a role or user whose name cannot be read may have, as a glob: the parts the
# configuration writes, each interpolation any text; a wholly unknown name is any name.
name_pattern(r) := "*" if {
	resources.unresolved(r, "name")
	count([v | some v in resources.values_at(r, "name"); is_string(v)]) == 0
}

name_pattern(r) := written_pattern(v) if {
	resources.unresolved(r, "name")
	some v in resources.values_at(r, "name")
	is_string(v)
}

written_pattern(v) := p if {
	p := concat("*", resources.written_parts(v))
	not regex.match(`[{}\[\]\\?!]`, p)
} else := "*"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some t in ["aws_iam_role", "aws_iam_user"]
	some r in resources.of_type(t)
	resources.maybe_unresolved(r, r.values, "", ["name"])
	pattern := name_pattern(r)
	env := resources.environment(r)
	trusting := {sprintf("%s (%s)", [address, other]) |
		some name, pairs in all_trusted_names
		glob.match(lower(pattern), [], lower(name))
		some [other, address] in pairs
		other != env
	}
	count(trusting) > 0
	msg := sprintf("%s in environment %s has a name unknown at plan time; that it is not an identity %s of another environment trusts cannot be verified", [r.address, env, concat(", ", sort(trusting))])
}
