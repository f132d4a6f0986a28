package leakguard.rules.aws.iam.trust_foreign_account_test

import data.leakguard.rules.aws.iam.trust_foreign_account as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

role(principal, condition) := t.resource("aws_iam_role.vendor", {"name": "vendor", "assume_role_policy": json.marshal({"Statement": [object.union({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}, condition)]})}, {})

failing_input := t.with_index([role("arn:aws:iam::999988887777:root", {})])

test_foreign_account_without_external_id_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts account 999988887777, which is not a configured account, without an sts:ExternalId condition",
	]} with input as failing_input
}

test_bare_account_id_fails if {
	count(rule.deny) == 1 with input as t.with_index([role(["999988887777"], {})])
}

test_external_id_passes if {
	count(rule.deny) == 0 with input as t.with_index([role("arn:aws:iam::999988887777:root", {"Condition": {"StringEquals": {"sts:ExternalId": "f00dfeed"}}})])
}

test_configured_accounts_pass if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"trusted_account_ids": ["999988887777"]}
	count(rule.deny) == 0 with input as failing_input with data.config as {"environment_accounts": {"prod": ["999988887777"]}}
}

test_empty_or_wildcard_external_id_fails if {
	every id in ["", "*", ["", "**"]] {
		count(rule.deny) == 1 with input as t.with_index([role("arn:aws:iam::999988887777:root", {"Condition": {"StringLike": {"sts:ExternalId": id}}})])
	}
}

# Accounts only apply (or the cloud) knows, as HCL writes them in a partly known document.
me := object.union(k.data_source("aws_caller_identity.current", {}), {"provider": "aws"})

prod := object.union(k.data_source("aws_caller_identity.prod", {}), {"provider": "aws.prod"})

partition := k.data_source("aws_partition.current", {})

unknown_role(principal, sources) := object.union(
	role(principal, {}),
	{"references": {"assume_role_policy": [concat("/", ["test", x.address]) | some x in sources]}},
)

test_own_caller_identity_passes if {
	every principal in ["(known after apply)", "arn:aws:iam::(known after apply):root", "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"] {
		count(rule.deny) == 0 with input as t.with_index([unknown_role(principal, [me]), me])
	}
	count(rule.deny) == 0 with input as t.with_index([unknown_role("(known after apply)", [me, partition]), me, partition])
}

test_own_caller_identity_through_the_same_alias_passes if {
	r := object.union(unknown_role("(known after apply)", [prod]), {"provider": "aws.prod"})
	count(rule.deny) == 0 with input as t.with_index([r, prod])
}

test_caller_identity_through_another_provider_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from data.aws_caller_identity.prod through provider aws.prod, not aws) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([unknown_role("(known after apply)", [prod]), prod])
}

test_another_resources_account_fails if {
	partner := t.resource("aws_organizations_account.partner", {"name": "partner"}, {})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from aws_organizations_account.partner) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([unknown_role(["(known after apply)", "(known after apply)"], [me, partner]), me, partner])
}

test_unknown_account_from_nothing_followed_fails if {
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([role("arn:aws:iam::${module.partner.account_id}:root", {})])
}

test_unknown_account_with_external_id_passes if {
	r := object.union(role("(known after apply)", {"Condition": {"StringEquals": {"sts:ExternalId": "f00dfeed"}}}), {"references": {"assume_role_policy": ["test/data.aws_caller_identity.prod"]}})
	count(rule.deny) == 0 with input as t.with_index([r, prod])
}

# A literal foreign account beside an unknown one: one finding naming both.
test_literal_and_unknown_accounts_one_finding if {
	r := unknown_role(["arn:aws:iam::999988887777:root", "(known after apply)"], [prod])
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts account 999988887777, which is not a configured account, without an sts:ExternalId condition; it also trusts an account unknown at plan time (from data.aws_caller_identity.prod through provider aws.prod, not aws) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([r, prod])
}

# An aws_iam_policy_document's principal block whose identifiers apply knows: null there, and
# the document's own references say where it comes from.
document_role(identity) := [
	object.union(
		k.data_source("aws_iam_policy_document.trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": [null]}]}]}),
		{"unknown": ["json", "statement.principals.identifiers"], "references": {"statement.principals.identifiers": [concat("/", ["test", identity.address])]}},
	),
	object.union(t.resource("aws_iam_role.vendor", {"name": "vendor"}, {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), {"unknown": ["assume_role_policy"]}),
	identity,
]

test_policy_document_principals if {
	count(rule.deny) == 0 with input as t.with_index(document_role(me))
	count(rule.deny) == 1 with input as t.with_index(document_role(prod))
}

# Open in part (`unlinked`: a variable without a value beside the caller's account), in the
# document or in the role's own policy: not the role's account alone. Another open attribute of
# the role is not its trust.
test_open_part_beside_own_account_fails if {
	[doc, role_, identity] := document_role(me)
	open_doc := object.union(doc, {"unlinked": ["statement.principals.identifiers"]})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from data.aws_iam_policy_document.trust.statement.principals.identifiers, set from a value not known here) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([open_doc, role_, identity])
	open_role := object.union(unknown_role("(known after apply)", [me]), {"unlinked": ["assume_role_policy"]})
	count(rule.deny) == 1 with input as t.with_index([open_role, me])
	other := object.union(unknown_role("(known after apply)", [me]), {"unlinked": ["permissions_boundary", "assume_role_policy_arn"]})
	count(rule.deny) == 0 with input as t.with_index([other, me])
}

# A plan knows the caller's account: through the role's own provider it is the role's own; an
# account read through another provider is not.
test_caller_account_in_a_plan_passes if {
	known_me := object.union(me, {"values": {"account_id": "111122223333"}})
	known_prod := object.union(prod, {"values": {"account_id": "999988887777"}})
	count(rule.deny) == 0 with input as t.with_index([role("arn:aws:iam::111122223333:root", {}), known_me])
	count(rule.deny) == 1 with input as t.with_index([role("arn:aws:iam::999988887777:root", {}), known_me, known_prod])
	count(rule.deny) == 1 with input as t.with_index([role("arn:aws:iam::111122223333:root", {}), known_prod])
}

test_source_the_input_does_not_hold_fails if {
	r := object.union(role("(known after apply)", {}), {"references": {"assume_role_policy": ["test/data.aws_caller_identity.current", "test/module.partner.aws_organizations_account.a"]}})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from module.partner.aws_organizations_account.a) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([r, me])
}

# A role or user of the same provider configuration trusted by its ARN is in the role's account.
test_own_role_by_arn_passes if {
	ci := t.resource("aws_iam_role.ci", {"name": "ci"}, {})
	count(rule.deny) == 0 with input as t.with_index([unknown_role("(known after apply)", [ci]), ci])
	dev := t.resource("aws_iam_user.dev", {"name": "dev"}, {})
	count(rule.deny) == 0 with input as t.with_index([unknown_role(["(known after apply)", "(known after apply)"], [ci, dev, me]), ci, dev, me])
}

test_role_of_another_provider_fails if {
	ci := object.union(t.resource("aws_iam_role.ci", {"name": "ci"}, {}), {"provider": "aws.prod"})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from aws_iam_role.ci through provider aws.prod, not aws) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([unknown_role("(known after apply)", [ci]), ci])
}

# A value read from the same account (a parameter, a secret) may name any account.
test_account_from_a_parameter_fails if {
	p := object.union(k.data_source("aws_ssm_parameter.partner", {}), {"provider": "aws"})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from data.aws_ssm_parameter.partner) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([unknown_role("(known after apply)", [p]), p])
}

# A principals block whose identifiers are a list only apply knows (a remote state's output):
# null there; it had dropped the block, so what it named went unjudged.
test_wholly_unknown_identifiers_fail if {
	state := object.union(k.data_source("terraform_remote_state.ci", {}), {"provider": "terraform"})
	doc := object.union(
		k.data_source("aws_iam_policy_document.trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": null}]}]}),
		{"unknown": ["json", "statement.principals.identifiers"], "references": {"statement.principals.identifiers": ["test/data.terraform_remote_state.ci"]}},
	)
	r := object.union(t.resource("aws_iam_role.vendor", {"name": "vendor"}, {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), {"unknown": ["assume_role_policy"]})
	k.summary(rule.deny) == {[
		"aws-iam-trust-foreign-account", "test/aws_iam_role.vendor",
		"aws_iam_role.vendor trusts an account unknown at plan time (from data.terraform_remote_state.ci) without an sts:ExternalId condition; that it is a configured account cannot be verified",
	]} with input as t.with_index([doc, r, state])
}

# The account's own roles (data.aws_iam_roles) and an identity provider of a federated statement
# in the same document are the role's own account.
test_own_roles_list_and_identity_provider_pass if {
	roles := object.union(k.data_source("aws_iam_roles.admin", {}), {"provider": "aws"})
	github := object.union(k.data_source("aws_iam_openid_connect_provider.github", {}), {"provider": "aws"})
	count(rule.deny) == 0 with input as t.with_index([unknown_role("(known after apply)", [roles, github]), roles, github])
}
