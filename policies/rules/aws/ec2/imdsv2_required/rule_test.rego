package leakguard.rules.aws.ec2.imdsv2_required_test

import data.leakguard.rules.aws.ec2.imdsv2_required as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

instance(options) := t.resource("aws_instance.web", object.union({"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro"}, options), {})

template(options) := t.resource("aws_launch_template.web", object.union({"image_id": "ami-0123456789abcdef0", "instance_type": "t3.micro"}, options), {})

defaults(tokens) := t.resource("aws_ec2_instance_metadata_defaults.this", {"http_tokens": tokens}, {})

failing_input := t.with_index([instance({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "optional"}]})])

test_optional_tokens_fail if {
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web allows IMDSv1: metadata_options.http_tokens is optional, so any request forgery on the instance can read its role's credentials"]} with input as failing_input

	# An explicit optional wins over the account-level default.
	count(rule.deny) == 1 with input as t.with_index([instance({"metadata_options": [{"http_tokens": "optional"}]}), defaults("required")])
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_launch_template.web", "Launch template aws_launch_template.web allows IMDSv1: metadata_options.http_tokens is optional, so any request forgery on the instance can read its role's credentials"]} with input as t.with_index([template({"metadata_options": {"http_tokens": "optional"}})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_launch_configuration.web", {"image_id": "ami-0123456789abcdef0", "metadata_options": [{"http_tokens": "optional"}]}, {})])
}

test_required_tokens_or_disabled_endpoint_pass if {
	count(rule.deny) == 0 with input as t.with_index([instance({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "required"}]})])
	count(rule.deny) == 0 with input as t.with_index([template({"metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 1}]})])
	count(rule.deny) == 0 with input as t.with_index([instance({"metadata_options": [{"http_endpoint": "disabled", "http_tokens": "optional"}]})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(instance({"metadata_options": [{"http_endpoint": "disabled"}]}), ["metadata_options.http_tokens"])])
}

test_unset_tokens_read_as_optional if {
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web allows IMDSv1: metadata_options.http_tokens is unset (optional by default) and no aws_ec2_instance_metadata_defaults in us-west-2 requires tokens"]} with input as t.with_index([instance({})])

	# A plan shows an unconfigured http_tokens as computed: unset, not unknown.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(instance({}), ["metadata_options"])])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(template({"metadata_options": [{"http_endpoint": "enabled"}]}), ["metadata_options.http_tokens"])])
}

test_account_default_in_the_region if {
	count(rule.deny) == 0 with input as t.with_index([instance({}), template({}), defaults("required")])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(instance({}), ["metadata_options"]), defaults("required")])

	# A default that does not require tokens, or one in another region, does not count.
	count(rule.deny) == 1 with input as t.with_index([instance({}), defaults("no-preference")])
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web allows IMDSv1: metadata_options.http_tokens is unset (optional by default) and no aws_ec2_instance_metadata_defaults in us-west-2 requires tokens"]} with input as t.with_index([instance({}), k.in_region(defaults("required"), "eu-west-1")])
}

test_instance_from_a_launch_template_takes_its_setting if {
	launched := t.resource("aws_instance.web", {"launch_template": [{"id": "${aws_launch_template.web.id}"}]}, {"launch_template.id": ["aws_launch_template.web"]})
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_launch_template.web", "Launch template aws_launch_template.web allows IMDSv1: metadata_options.http_tokens is unset (optional by default) and no aws_ec2_instance_metadata_defaults in us-west-2 requires tokens"]} with input as t.with_index([launched, template({})])
	count(rule.deny) == 0 with input as t.with_index([launched, template({"metadata_options": [{"http_tokens": "required"}]})])

	# Its own optional still counts.
	count(rule.deny) == 1 with input as t.with_index([object.union(launched, {"values": {"launch_template": [{"name": "web"}], "metadata_options": [{"http_tokens": "optional"}]}})])
}

test_unknown_tokens_fail if {
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web has metadata_options.http_tokens unknown at plan time; that IMDSv1 is off cannot be verified"]} with input as t.with_index([instance({"metadata_options": [{"http_tokens": "${var.http_tokens}"}]})])
	count(rule.deny) == 1 with input as t.with_index([k.unknown(t.resource("aws_instance.web", {"metadata_options": [{}]}, {"metadata_options.http_tokens": ["aws_ssm_parameter.tokens"]}), ["metadata_options.http_tokens"])])
}

# A template the input does not hold (an existing one, a module's input) cannot be shown to
# require tokens; one the input holds by the name the instance gives is judged on its own; one
# the configuration reads shows its options.
test_instance_from_a_template_the_input_does_not_hold if {
	by_name := t.resource("aws_instance.web", {"launch_template": [{"name": "shared-web"}]}, {})
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web is launched from a launch template the input does not hold (shared-web), so that it requires IMDSv2 tokens cannot be verified"]} with input as t.with_index([by_name])
	count(rule.deny) == 0 with input as t.with_index([by_name, template({"name": "shared-web", "metadata_options": [{"http_tokens": "required"}]})])
	count(rule.deny) == 0 with input as t.with_index([by_name, defaults("required")])
	by_ref := t.resource("aws_instance.web", {"launch_template": [{}]}, {"launch_template.id": ["data.aws_launch_template.shared"]})
	read := object.union(t.resource("data.aws_launch_template.shared", {"metadata_options": [{"http_tokens": "required"}]}, {}), {"mode": "data", "type": "aws_launch_template"})
	count(rule.deny) == 0 with input as t.with_index([by_ref, read])
	optional := object.union(read, {"values": {"metadata_options": [{"http_tokens": "optional"}]}})
	count(rule.deny) == 1 with input as t.with_index([by_ref, optional])
	unread := object.union(by_ref, {"unknown": ["launch_template.id"]})
	k.summary(rule.deny) == {["aws-ec2-imdsv2-required", "test/aws_instance.web", "EC2 instance aws_instance.web is launched from a launch template the input does not hold (set from what the input cannot show), so that it requires IMDSv2 tokens cannot be verified"]} with input as t.with_index([unread])
}
