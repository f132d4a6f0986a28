package leakguard.rules.aws.secrets.in_code_test

import data.leakguard.rules.aws.secrets.in_code as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cand(path, kind, length, entropy, fp) := {"path": path, "kind": kind, "length": length, "entropy": entropy, "fingerprint": fp}

with_secrets(r, cs) := object.union(r, {"secrets": cs})

access_key := cand("user_data", "aws-access-key-id", 20, 3.98, "sha256:a93e68f8")

instance := with_secrets(t.resource("aws_instance.web", {"ami": "ami-123"}, {}), [access_key])

failing_input := t.with_index([instance])

test_access_key_in_user_data_fails if {
	k.summary(rule.deny) == {["aws-secret-in-code", "test/aws_instance.web", "aws_instance.web holds an AWS access key id at user_data (sha256:a93e68f8) in its configuration"]} with input as failing_input
}

test_message_never_carries_more_than_kind_path_fingerprint if {
	some f in rule.deny with input as failing_input
	not contains(f.message, "AKIA")
}

test_lambda_environment_and_tags_fail if {
	fn := with_secrets(t.resource("aws_lambda_function.orders", {}, {}), [
		cand("environment.variables.DB_PASSWORD", "named-secret", 14, 2.81, "sha256:76880d60"),
		cand("tags.deploy_token", "generic", 32, 4.5, "sha256:0000aaaa"),
	])
	k.summary(rule.deny) == {["aws-secret-in-code", "test/aws_lambda_function.orders", "aws_lambda_function.orders holds a high-entropy token at tags.deploy_token (sha256:0000aaaa); a value named as a secret at environment.variables.DB_PASSWORD (sha256:76880d60) in its configuration"]} with input as t.with_index([fn])
}

test_other_attributes_and_weak_tokens_pass if {
	fn := with_secrets(t.resource("aws_lambda_function.orders", {}, {}), [
		cand("source_code_hash", "generic", 44, 4.72, "sha256:5527b5d6"),
		cand("environment.variables.BUILD", "generic", 24, 3.2, "sha256:11112222"),
		cand("environment.variables.SHORT", "generic", 16, 4.5, "sha256:33334444"),
	])
	count(rule.deny) == 0 with input as t.with_index([fn])
}

test_kinds_and_thresholds_are_configuration if {
	count(rule.deny) == 0 with input as failing_input with data.config as {"secret_kinds": ["private-key"]}
	weak := with_secrets(t.resource("aws_instance.web", {}, {}), [cand("user_data", "generic", 24, 3.6, "sha256:55556666")])
	count(rule.deny) == 0 with input as t.with_index([weak])
	count(rule.deny) == 1 with input as t.with_index([weak]) with data.config as {"secret_generic_min_entropy": 3.5}
}

test_azure_resources_are_not_read if {
	r := with_secrets(k.az("azurerm_linux_web_app.shop", {}, {}), [cand("app_settings.DB_PASSWORD", "named-secret", 12, 3, "sha256:1")])
	count(rule.deny) == 0 with input as t.with_index([r])
}

test_provider_block_fails if {
	stack := {"name": "shop", "format": "hcl", "source": "infra/main.tf", "providers": {"aws": {"key": "aws", "cloud": "aws", "region": "us-east-1", "secrets": [access_key, cand("secret_key", "named-secret", 40, 4.9, "sha256:9")]}}}
	inp := object.union(t.with_index([]), {"stacks": {"shop": stack}})
	k.summary(rule.deny) == {["aws-secret-in-code", "shop/provider.aws", "Provider aws in stack shop holds a value named as a secret at secret_key (sha256:9); an AWS access key id at user_data (sha256:a93e68f8) in its configuration"]} with input as inp
}

# An SSM SecureString's literal value is a credential in the code; a String parameter holds
# configuration, where only a secret recognised by its form counts.
test_ssm_parameter_value if {
	secure := with_secrets(t.resource("aws_ssm_parameter.db", {"type": "SecureString"}, {}), [cand("value", "named-secret", 15, 3.1, "sha256:1")])
	k.summary(rule.deny) == {["aws-secret-in-code", "test/aws_ssm_parameter.db", "aws_ssm_parameter.db holds a value named as a secret at value (sha256:1) in its configuration"]} with input as t.with_index([secure])
	plain := with_secrets(t.resource("aws_ssm_parameter.cfg", {"type": "String"}, {}), [cand("value", "named-secret", 15, 3.1, "sha256:2")])
	count(rule.deny) == 0 with input as t.with_index([plain])
	key := with_secrets(t.resource("aws_ssm_parameter.cfg", {"type": "String"}, {}), [cand("value", "aws-secret-access-key", 40, 5.2, "sha256:3")])
	count(rule.deny) == 1 with input as t.with_index([key])
	open := object.union(with_secrets(t.resource("aws_ssm_parameter.cfg", {}, {}), [cand("value", "named-secret", 15, 3.1, "sha256:4")]), {"unknown": ["type"]})
	count(rule.deny) == 1 with input as t.with_index([open])
}

# What a provisioner writes counts on any resource, one of no cloud (terraform_data) too; of such
# a resource, nothing else does.
test_provisioner_text_fails_on_any_resource if {
	pw := cand("provisioner", "named-secret", 17, 3.6, "sha256:0c8be01c")
	k.summary(rule.deny) == {["aws-secret-in-code", "test/aws_instance.web", "aws_instance.web holds a value named as a secret at provisioner (sha256:0c8be01c) in its configuration"]} with input as t.with_index([with_secrets(t.resource("aws_instance.web", {}, {}), [pw])])
	k.summary(rule.deny) == {["aws-secret-in-code", "test/terraform_data.seed", "terraform_data.seed holds a value named as a secret at provisioner (sha256:0c8be01c) in its configuration"]} with input as t.with_index([with_secrets(object.union(t.resource("terraform_data.seed", {}, {}), {"cloud": "other"}), [pw])])
	count(rule.deny) == 0 with input as t.with_index([with_secrets(object.union(t.resource("terraform_data.seed", {}, {}), {"cloud": "other"}), [cand("input.password", "named-secret", 17, 3.6, "sha256:0c8be01c")])])
}
