package leakguard.rules.aws.msk.public_access_test

import data.leakguard.rules.aws.msk.public_access as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

cluster(public_type, auth) := t.resource(
	"aws_msk_cluster.events", {
		"cluster_name": "events",
		"broker_node_group_info": [{"instance_type": "kafka.m7g.large", "connectivity_info": [{"public_access": [{"type": public_type}]}]}],
		"client_authentication": [auth],
	},
	{},
)

failing_input := t.with_index([cluster("SERVICE_PROVIDED_EIPS", {"unauthenticated": true})])

test_public_and_unauthenticated_fails if {
	k.summary(rule.deny) == {["aws-msk-public", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events has public broker endpoints (public_access SERVICE_PROVIDED_EIPS) and accepts unauthenticated clients"]} with input as failing_input
	count(rule.deny) == 1 with input as t.with_index([cluster("DISABLED", {"unauthenticated": true})])
}

test_private_authenticated_passes if {
	count(rule.deny) == 0 with input as t.with_index([cluster("DISABLED", {"sasl": [{"iam": true}]})])
	count(rule.deny) == 0 with input as t.with_index([cluster("DISABLED", {"sasl": [{"scram": true}]})])
	count(rule.deny) == 0 with input as t.with_index([cluster("DISABLED", {"tls": [{"certificate_authority_arns": ["arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/x"]}]})])
}

# No method at all: no block, or a block that turns none on.
test_no_client_authentication_fails if {
	msg := "MSK cluster aws_msk_cluster.events configures no client authentication (IAM, SCRAM or mutual TLS), so clients need no identity"
	k.summary(rule.deny) == {["aws-msk-public", "test/aws_msk_cluster.events", msg]} with input as t.with_index([t.resource("aws_msk_cluster.events", {"cluster_name": "events"}, {})])
	k.summary(rule.deny) == {["aws-msk-public", "test/aws_msk_cluster.events", msg]} with input as t.with_index([cluster("DISABLED", {"sasl": [{"iam": false, "scram": false}], "unauthenticated": false})])
	unresolved := object.union(k.unknown(t.resource("aws_msk_cluster.events", {"cluster_name": "events"}, {}), ["client_authentication"]), {"references": {"client_authentication": ["test/terraform_data.x"]}})
	k.summary(rule.deny) == {["aws-msk-public", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events has client_authentication.unauthenticated unknown before apply"]} with input as t.with_index([unresolved])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-msk-public", "test/aws_msk_cluster.events", "MSK cluster aws_msk_cluster.events has a public_access type unknown before apply"]} with input as t.with_index([cluster("${var.access}", {"unauthenticated": false, "sasl": [{"iam": true}]})])
}
