package leakguard.rules.aws.eks.secrets_encryption_test

import data.leakguard.rules.aws.eks.secrets_encryption as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

key_arn := "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

cluster(extra, refs) := t.resource(
	"aws_eks_cluster.shop", object.union(
		{
			"name": "shop",
			"role_arn": "arn:aws:iam::111122223333:role/eks-cluster",
			"vpc_config": [{"subnet_ids": ["subnet-0a1b2c3d4e5f60001"], "endpoint_public_access": false}],
		},
		extra,
	),
	refs,
)

encryption(rs, key) := {"encryption_config": [{"resources": rs, "provider": [{"key_arn": key}]}]}

failing_input := t.with_index([cluster({}, {})])

test_no_secrets_encryption_fails if {
	k.summary(rule.deny) == {["aws-eks-secrets-encryption", "test/aws_eks_cluster.shop", "EKS cluster aws_eks_cluster.shop does not envelope-encrypt Kubernetes Secrets with a customer-managed KMS key (no encryption_config with resources = [\"secrets\"] and a provider key_arn)"]} with input as failing_input

	# A plan writes an absent block as [].
	count(rule.deny) == 1 with input as t.with_index([cluster({"encryption_config": []}, {})])

	k.summary(rule.deny) == {["aws-eks-secrets-encryption", "test/aws_eks_cluster.shop", "EKS cluster aws_eks_cluster.shop has an encryption_config that does not list \"secrets\" in resources, so Kubernetes Secrets are not encrypted with its KMS key"]} with input as t.with_index([cluster(encryption([], key_arn), {})])
}

test_secrets_under_a_key_pass if {
	count(rule.deny) == 0 with input as t.with_index([cluster(encryption(["secrets"], key_arn), {})])

	# CDKTF single blocks.
	count(rule.deny) == 0 with input as t.with_index([cluster({"encryption_config": {"resources": ["secrets"], "provider": {"key_arn": "${aws_kms_key.eks.arn}"}}}, {"encryption_config.provider.key_arn": ["aws_kms_key.eks"]})])

	# A key of the configuration, unknown until apply.
	count(rule.deny) == 0 with input as t.with_index([k.unknown(cluster({"encryption_config": [{"resources": ["secrets"], "provider": [{}]}]}, {"encryption_config.provider.key_arn": ["aws_kms_key.eks"]}), ["encryption_config.provider.key_arn"])])

	# A key ARN from a variable is a key all the same.
	count(rule.deny) == 0 with input as t.with_index([cluster(encryption(["secrets"], "${var.kms_key_arn}"), {})])
}

test_unknowns_are_not_verifiable if {
	msg := "EKS cluster aws_eks_cluster.shop has its encryption_config unknown at plan time; that Kubernetes Secrets are encrypted with a customer-managed KMS key cannot be verified"
	k.summary(rule.deny) == {["aws-eks-secrets-encryption", "test/aws_eks_cluster.shop", msg]} with input as t.with_index([cluster(encryption(["${var.encrypted_resource}"], key_arn), {})])
	k.summary(rule.deny) == {["aws-eks-secrets-encryption", "test/aws_eks_cluster.shop", msg]} with input as t.with_index([cluster(encryption("${var.encrypted_resources}", key_arn), {})])

	# A dynamic block over a collection only apply knows.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(cluster({}, {"encryption_config": ["aws_kms_key.eks"]}), ["encryption_config"])])
}
