package leakguard.rules.aws.resource_policy.public_principal_test

import data.leakguard.rules.aws.resource_policy.public_principal as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

public_doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"}]})

restricted_doc := json.marshal({"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Publish", "Resource": "*",
	"Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}},
}]})

failing_input := t.with_index([t.resource("aws_sqs_queue_policy.orders", {"queue_url": "q", "policy": public_doc}, {})])

test_public_stand_alone_policy_fails if {
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_sqs_queue_policy.orders", "aws_sqs_queue_policy.orders (SQS queue policy) allows sqs:* to every principal without a restricting condition"]} with input as failing_input
}

# Every policy-bearing type of the table is read, stand-alone and inline.
test_every_store_type_is_checked if {
	types := array.concat([name | some name, _ in rule.stand_alone], [name | some name, _ in rule.inline])
	every typ in types {
		count(rule.deny) == 1 with input as t.with_index([t.resource(concat(".", [typ, "x"]), {object.get(rule.attribute, typ, "policy"): public_doc}, {})])
	}
}

test_restricted_or_named_principals_pass if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_sns_topic.events", {"policy": restricted_doc}, {})])
	named := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]})
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_secretsmanager_secret_policy.s", {"policy": named}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_sqs_queue.q", {}, {})])
}

test_policy_document_data_source_is_read if {
	doc := k.data_source("aws_iam_policy_document.open", {"statement": [{"effect": "Allow", "actions": ["elasticfilesystem:ClientMount"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	p := t.resource("aws_efs_file_system_policy.fs", {"file_system_id": "fs-1", "policy": "${data.aws_iam_policy_document.open.json}"}, {"policy": ["data.aws_iam_policy_document.open"]})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_efs_file_system_policy.fs", "aws_efs_file_system_policy.fs (EFS file system policy) allows elasticfilesystem:clientmount to every principal without a restricting condition"]} with input as t.with_index([doc, p])
}

test_unknown_policy_fails_and_computed_inline_policy_is_skipped if {
	unreadable := t.resource("aws_kinesis_resource_policy.s", {"resource_arn": "arn", "policy": "${jsonencode(var.p)}"}, {})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_kinesis_resource_policy.s", "aws_kinesis_resource_policy.s (Kinesis stream policy) cannot be read before apply; it cannot be shown not to allow every principal"]} with input as t.with_index([unreadable])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_sqs_queue.q", {}, {}), ["policy"])])
}

# An ECR repository policy written through aws_iam_policy_document (as terraform-aws-modules/ecr
# does), letting every AWS account pull and push; a named account passes.
test_ecr_repository_policy if {
	open := k.data_source("aws_iam_policy_document.repository", {"statement": [{"sid": "AnyonePullPush", "effect": "Allow", "actions": ["ecr:BatchGetImage", "ecr:PutImage"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	p := t.resource("aws_ecr_repository_policy.billing", {"repository": "billing-worker", "policy": "${data.aws_iam_policy_document.repository.json}"}, {"policy": ["data.aws_iam_policy_document.repository"]})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_ecr_repository_policy.billing", "aws_ecr_repository_policy.billing (ECR repository policy) allows ecr:batchgetimage, ecr:putimage to every principal without a restricting condition"]} with input as t.with_index([open, p])

	named := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": ["ecr:BatchGetImage", "ecr:PutImage"]}]})
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ecr_repository_policy.orders", {"repository": "orders-api", "policy": named}, {})])
	org := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]})
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_ecr_registry_policy.r", {"policy": org}, {})])
}

# A condition that names a caller only to let every other one in (StringNotEquals, NotIpAddress
# …), one that lets in requests without the key (…IfExists), or any address at all restricts
# nothing; the same key with a positive test does.
test_negated_ifexists_or_any_address_conditions_do_not_restrict if {
	conditions := [
		{"StringNotEquals": {"aws:SourceAccount": "111122223333"}},
		{"ArnNotLike": {"aws:SourceArn": "arn:aws:s3:::orders-*"}},
		{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
		{"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}},
		{"ForAnyValue:StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}},
		{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
		{"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "::/0"]}},
		# The internet in parts (found by an audit of public Terraform).
		{"IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"]}},
		{"IpAddress": {"aws:SourceIp": "2000::/3"}},
	]
	every c in conditions {
		doc := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*", "Condition": c}]})
		count(rule.deny) == 1 with input as t.with_index([t.resource("aws_sqs_queue_policy.q", {"queue_url": "q", "policy": doc}, {})])
	}
	own := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]})
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_sqs_queue_policy.q", {"queue_url": "q", "policy": own}, {})])
}

# S3 access points: the stand-alone policy, the inline one (unless the provider only computes
# it) and a multi-region access point's, in its details block.
test_s3_access_point_policies if {
	ap_doc := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:us-west-2:111122223333:accesspoint/exports/object/*"}]})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3control_access_point_policy.p", "aws_s3control_access_point_policy.p (S3 access point policy) allows s3:getobject to every principal without a restricting condition"]} with input as t.with_index([t.resource("aws_s3control_access_point_policy.p", {"access_point_arn": "arn", "policy": ap_doc}, {})])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3_access_point.exports", "aws_s3_access_point.exports (S3 access point policy) allows s3:getobject to every principal without a restricting condition"]} with input as t.with_index([t.resource("aws_s3_access_point.exports", {"bucket": "shop-exports", "name": "exports", "policy": ap_doc}, {})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(t.resource("aws_s3_access_point.exports", {"bucket": "shop-exports", "name": "exports"}, {}), ["policy"])])
	mrap := t.resource("aws_s3control_multi_region_access_point_policy.p", {"details": [{"name": "exports", "policy": ap_doc}]}, {})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3control_multi_region_access_point_policy.p", "aws_s3control_multi_region_access_point_policy.p (S3 multi-region access point policy) allows s3:getobject to every principal without a restricting condition"]} with input as t.with_index([mrap])
	vpce := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}}}]})
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_s3control_multi_region_access_point_policy.p", {"details": [{"name": "exports", "policy": vpce}]}, {})])
}

test_multi_region_access_point_policy_unknowns if {
	msg := "aws_s3control_multi_region_access_point_policy.p (S3 multi-region access point policy) cannot be read before apply; it cannot be shown not to allow every principal"
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3control_multi_region_access_point_policy.p", msg]} with input as t.with_index([t.resource("aws_s3control_multi_region_access_point_policy.p", {"details": [{"name": "exports", "policy": "${jsonencode(local.p)}"}]}, {})])
	planned := k.unknown(t.resource("aws_s3control_multi_region_access_point_policy.p", {"details": [{"name": "exports"}]}, {}), ["details.policy"])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3control_multi_region_access_point_policy.p", msg]} with input as t.with_index([planned])
	doc := k.data_source("aws_iam_policy_document.mrap", {"statement": [{"effect": "Allow", "actions": ["s3:GetObject"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	by_document := t.resource("aws_s3control_multi_region_access_point_policy.p", {"details": [{"name": "exports", "policy": "${data.aws_iam_policy_document.mrap.json}"}]}, {"details.policy": ["data.aws_iam_policy_document.mrap"]})
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_s3control_multi_region_access_point_policy.p", "aws_s3control_multi_region_access_point_policy.p (S3 multi-region access point policy) allows s3:getobject to every principal without a restricting condition"]} with input as t.with_index([doc, by_document])
}

event_permission(values) := t.resource("aws_cloudwatch_event_permission.partners", object.union({"statement_id": "partners"}, values), {})

test_event_permission_open_to_every_account_fails if {
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_cloudwatch_event_permission.partners", "aws_cloudwatch_event_permission.partners (EventBridge event bus permission) lets every AWS account put events on the default event bus (principal \"*\" without a condition)"]} with input as t.with_index([event_permission({"principal": "*", "condition": []})])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_cloudwatch_event_permission.partners", "aws_cloudwatch_event_permission.partners (EventBridge event bus permission) lets every AWS account put events on the default event bus (principal \"*\" without a condition)"]} with input as t.with_index([event_permission({"principal": "*", "event_bus_name": "default"})])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_cloudwatch_event_permission.partners", "aws_cloudwatch_event_permission.partners (EventBridge event bus permission) lets every AWS account put events on event bus orders (principal \"*\" without a condition)"]} with input as t.with_index([event_permission({"principal": "*", "event_bus_name": "orders"})])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_cloudwatch_event_permission.partners", "aws_cloudwatch_event_permission.partners (EventBridge event bus permission) has a principal not readable before apply and no condition; it cannot be shown not to let every AWS account put events on the default event bus"]} with input as t.with_index([event_permission({"principal": "${var.principal}"})])
}

test_event_permission_for_organization_or_account_passes if {
	org := {"key": "aws:PrincipalOrgID", "type": "StringEquals", "value": "o-abcdef1234"}
	count(rule.deny) == 0 with input as t.with_index([event_permission({"principal": "*", "condition": [org]})])
	count(rule.deny) == 0 with input as t.with_index([event_permission({"principal": "*", "condition": org})])
	count(rule.deny) == 0 with input as t.with_index([event_permission({"principal": "111122223333"})])
}

# terraform-aws-modules/sns's "SQS to SNS topic" statement: anyone may subscribe, but only the
# owner's queue (sns:Endpoint); an endpoint with a wildcard (any address at a domain) is open.
endpoint_doc(endpoint) := json.marshal({"Statement": [{
	"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sns:Subscribe", "sns:Receive"],
	"Resource": "arn:aws:sns:us-east-1:123456789012:events",
	"Condition": {"StringLike": {"sns:Endpoint": endpoint}},
}]})

test_subscribe_pinned_to_an_endpoint if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_sns_topic_policy.p", {"arn": "a", "policy": endpoint_doc("arn:aws:sqs:us-east-1:123456789012:orders")}, {})])
	k.summary(rule.deny) == {["aws-resource-policy-public", "test/aws_sns_topic_policy.p", "aws_sns_topic_policy.p (SNS topic policy) allows sns:receive, sns:subscribe to every principal without a restricting condition"]} with input as t.with_index([t.resource("aws_sns_topic_policy.p", {"arn": "a", "policy": endpoint_doc("*@example.com")}, {})])
}

# terraform-aws-efs's default statement: anyone, but only through a mount target (AWS: not public);
# the same with false, or with the key negated, is open.
mount_target_doc(test, value) := json.marshal({"Statement": [{
	"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
	"Resource": "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1",
	"Condition": {test: {"elasticfilesystem:AccessedViaMountTarget": value}},
}]})

test_efs_access_through_a_mount_target_only if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_efs_file_system_policy.p", {"policy": mount_target_doc("Bool", "true")}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_efs_file_system_policy.p", {"policy": mount_target_doc("Bool", true)}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_efs_file_system_policy.p", {"policy": mount_target_doc("Bool", "false")}, {})])
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_efs_file_system_policy.p", {"policy": mount_target_doc("StringNotEquals", "true")}, {})])
}
