package leakguard.rules.aws.ec2.ami_public_test

import data.leakguard.rules.aws.ec2.ami_public as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

permission(values) := t.resource("aws_ami_launch_permission.share", object.union({"image_id": "ami-0123456789abcdef0"}, values), {})

failing_input := t.with_index([permission({"group": "all"})])

test_public_image_fails if {
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ami_launch_permission.share", "aws_ami_launch_permission.share makes AMI ami-0123456789abcdef0 public (group all): every AWS account can launch it and read its snapshots"]} with input as failing_input
}

test_image_by_reference_is_named_as_such if {
	p := t.resource("aws_ami_launch_permission.share", {"image_id": "${aws_ami.app.id}", "group": "all"}, {"image_id": ["aws_ami.app"]})
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ami_launch_permission.share", "aws_ami_launch_permission.share makes the AMI it names public (group all): every AWS account can launch it and read its snapshots"]} with input as t.with_index([p])
}

test_unknown_group_fails if {
	p := object.union(permission({}), {"unknown": ["group"], "references": {"group": ["test/aws_ssm_parameter.group"]}})
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ami_launch_permission.share", "aws_ami_launch_permission.share has a group not readable before apply; AMI ami-0123456789abcdef0 cannot be shown not to be public"]} with input as t.with_index([p])
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ami_launch_permission.share", "aws_ami_launch_permission.share has a group not readable before apply; AMI ami-0123456789abcdef0 cannot be shown not to be public"]} with input as t.with_index([permission({"group": "${var.group}"})])
}

test_accounts_and_organizations_pass if {
	count(rule.deny) == 0 with input as t.with_index([permission({"account_id": "999988887777"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"account_id": "${var.partner}"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"organization_arn": "arn:aws:organizations::111122223333:organization/o-abcdef1234"})])
	count(rule.deny) == 0 with input as t.with_index([permission({"organizational_unit_arn": "arn:aws:organizations::111122223333:ou/o-abcdef1234/ou-ab12-cdef3456"})])
}

test_unblocked_public_sharing_fails if {
	b := t.resource("aws_ec2_image_block_public_access.this", {"state": "unblocked"}, {})
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ec2_image_block_public_access.this", "aws_ec2_image_block_public_access.this lets anyone in the account make AMIs public in us-west-2 (state unblocked)"]} with input as t.with_index([b])
	u := t.resource("aws_ec2_image_block_public_access.this", {"state": "${var.state}"}, {})
	k.summary(rule.deny) == {["aws-ec2-ami-public", "test/aws_ec2_image_block_public_access.this", "aws_ec2_image_block_public_access.this has a state not readable before apply; public sharing of AMIs in us-west-2 cannot be shown blocked"]} with input as t.with_index([u])
}

test_blocked_sharing_passes if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ec2_image_block_public_access.this", {"state": "block-new-sharing"}, {})])
}
