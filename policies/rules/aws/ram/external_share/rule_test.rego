package leakguard.rules.aws.ram.external_share_test

import data.leakguard.rules.aws.ram.external_share as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

param := t.resource("aws_ssm_parameter.flags", {"name": "/shop/flags", "type": "SecureString"}, {})

share(values) := t.resource("aws_ram_resource_share.config", object.union({"name": "shop-config"}, values), {})

# The parameter associated with the share by reference.
by_reference := t.resource("aws_ram_resource_association.param", {"resource_arn": "${aws_ssm_parameter.flags.arn}", "resource_share_arn": "${aws_ram_resource_share.config.arn}"}, {"resource_arn": ["aws_ssm_parameter.flags"], "resource_share_arn": ["aws_ram_resource_share.config"]})

# A literal ARN in the share.
by_arn(arn) := t.resource("aws_ram_resource_association.literal", {"resource_arn": arn, "resource_share_arn": "${aws_ram_resource_share.config.arn}"}, {"resource_share_arn": ["aws_ram_resource_share.config"]})

principal(p) := t.resource("aws_ram_principal_association.partner", {"principal": p, "resource_share_arn": "${aws_ram_resource_share.config.arn}"}, {"resource_share_arn": ["aws_ram_resource_share.config"]})

accounts := {"environment_accounts": {"prod": ["111122223333"]}, "trusted_account_ids": ["444455556666"]}

held := "SSM Parameter Store aws_ssm_parameter.flags"

test_foreign_principal_and_external_share_fail if {
	k.summary(rule.deny) == {
		["aws-ram-share-external", "test/aws_ram_principal_association.partner", sprintf("aws_ram_principal_association.partner gives 999988887777 the share aws_ram_resource_share.config (%s); account 999988887777 is not a configured account", [held])],
		["aws-ram-share-external", "test/aws_ram_resource_share.config", sprintf("aws_ram_resource_share.config sets allow_external_principals = true: the share (%s) can be given to accounts outside the organization", [held])],
	} with input as t.with_index([param, share({"allow_external_principals": true}), by_reference, principal("999988887777")])
		with data.config as accounts
}

test_principal_arns_are_judged_by_their_account if {
	msg := "aws_ram_principal_association.partner gives arn:aws:organizations::999988887777:organization/o-abc123 the share aws_ram_resource_share.config (SSM parameter arn:aws:ssm:us-west-2:111122223333:parameter/shop/flags); account 999988887777 is not a configured account"
	k.summary(rule.deny) == {["aws-ram-share-external", "test/aws_ram_principal_association.partner", msg]} with input as t.with_index([
		share({}),
		by_arn("arn:aws:ssm:us-west-2:111122223333:parameter/shop/flags"),
		principal("arn:aws:organizations::999988887777:organization/o-abc123"),
	])
		with data.config as accounts
}

test_external_share_without_principals_in_the_input_fails if {
	k.summary(rule.deny) == {["aws-ram-share-external", "test/aws_ram_resource_share.config", sprintf("aws_ram_resource_share.config sets allow_external_principals = true: the share (%s) can be given to accounts outside the organization", [held])]} with input as t.with_index([param, share({"allow_external_principals": "true"}), by_reference])
}

test_configured_accounts_pass if {
	# Inside the organization (the default), with an environment account and a trusted one.
	count(rule.deny) == 0 with input as t.with_index([param, share({}), by_reference, principal("111122223333")]) with data.config as accounts
	count(rule.deny) == 0 with input as t.with_index([param, share({"allow_external_principals": false}), by_reference, principal("arn:aws:iam::444455556666:role/reader")]) with data.config as accounts

	# Outside the organization, but only to configured accounts.
	count(rule.deny) == 0 with input as t.with_index([param, share({"allow_external_principals": true}), by_reference, principal("444455556666")]) with data.config as accounts
}

test_shares_without_a_data_store_pass if {
	subnet := t.resource("aws_subnet.shared", {"cidr_block": "10.0.1.0/24"}, {})
	assoc := t.resource("aws_ram_resource_association.subnet", {"resource_arn": "${aws_subnet.shared.arn}", "resource_share_arn": "${aws_ram_resource_share.config.arn}"}, {"resource_arn": ["aws_subnet.shared"], "resource_share_arn": ["aws_ram_resource_share.config"]})
	count(rule.deny) == 0 with input as t.with_index([subnet, share({"allow_external_principals": true}), assoc, principal("999988887777")])
	count(rule.deny) == 0 with input as t.with_index([share({"allow_external_principals": true}), by_arn("arn:aws:ec2:us-west-2:111122223333:subnet/subnet-0abc"), principal("999988887777")])

	# An association whose share is not in the input: what the share holds is not known.
	count(rule.deny) == 0 with input as t.with_index([principal("999988887777")])
}

test_unknowns_fail if {
	unknown_principal := k.unknown(principal("${var.partner}"), ["principal"])
	k.summary(rule.deny) == {["aws-ram-share-external", "test/aws_ram_principal_association.partner", sprintf("aws_ram_principal_association.partner gives a principal not readable before apply the share aws_ram_resource_share.config (%s); it cannot be shown to stay within the configured accounts", [held])]} with input as t.with_index([param, share({}), by_reference, unknown_principal])

	unknown_flag := k.unknown(share({"allow_external_principals": "${var.external}"}), ["allow_external_principals"])
	k.summary(rule.deny) == {["aws-ram-share-external", "test/aws_ram_resource_share.config", sprintf("aws_ram_resource_share.config has allow_external_principals not readable before apply; the share (%s) cannot be shown to stay inside the organization", [held])]} with input as t.with_index([param, unknown_flag, by_reference, principal("111122223333")])
		with data.config as accounts

	# A resource ARN from another stack's resource, unknown at plan time: possibly a data store.
	elsewhere := t.resource("aws_ram_resource_association.other", {"resource_share_arn": "${aws_ram_resource_share.config.arn}"}, {"resource_arn": ["aws_ssm_parameter.elsewhere"], "resource_share_arn": ["aws_ram_resource_share.config"]})
	k.summary(rule.deny) == {["aws-ram-share-external", "test/aws_ram_principal_association.partner", "aws_ram_principal_association.partner gives 999988887777 the share aws_ram_resource_share.config (a resource not readable before apply); account 999988887777 is not a configured account"]} with input as t.with_index([share({}), k.unknown(elsewhere, ["resource_arn"]), principal("999988887777")])
}
