package leakguard.rules.aws.eks.public_endpoint_test

import data.leakguard.rules.aws.eks.public_endpoint as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

subnets := ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

cluster(vpc, refs) := t.resource(
	"aws_eks_cluster.shop", {
		"name": "shop",
		"role_arn": "arn:aws:iam::111122223333:role/eks-cluster",
		"vpc_config": [object.union({"subnet_ids": subnets}, vpc)],
	},
	refs,
)

failing_input := t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}, {})])

open_msg(tail) := concat("", ["EKS cluster aws_eks_cluster.shop has a public API endpoint open to the internet: ", tail])

test_public_endpoint_open_to_the_internet_fails if {
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", open_msg("endpoint_public_access is true and public_access_cidrs includes 0.0.0.0/0")]} with input as failing_input

	# The provider's defaults: a public endpoint, open to 0.0.0.0/0.
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", open_msg("endpoint_public_access is unset (true by default) and public_access_cidrs is unset (0.0.0.0/0 by default)")]} with input as t.with_index([cluster({}, {})])

	# An empty list is not sent to EKS, which then admits 0.0.0.0/0.
	count(rule.deny) == 1 with input as t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": []}, {})])

	# The internet beside narrow ranges, or written in parts.
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", open_msg("endpoint_public_access is true and public_access_cidrs includes 0.0.0.0/1, 128.0.0.0/1")]} with input as t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24", "0.0.0.0/1", "128.0.0.0/1"]}, {})])
	count(rule.deny) == 1 with input as t.with_index([cluster({"public_access_cidrs": ["::/0"]}, {})])

	# A plan shows an unconfigured public_access_cidrs as computed: unset, not unknown.
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", open_msg("endpoint_public_access is true and public_access_cidrs is unset (0.0.0.0/0 by default)")]} with input as t.with_index([k.unknown(cluster({"endpoint_public_access": true}, {}), ["vpc_config.public_access_cidrs"])])

	# A CDKTF single block (an object).
	count(rule.deny) == 1 with input as t.with_index([t.resource("aws_eks_cluster.shop", {"name": "shop", "vpc_config": {"subnet_ids": subnets, "endpoint_public_access": true}}, {})])
}

test_private_endpoint_or_narrow_ranges_pass if {
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_private_access": true, "endpoint_public_access": false}, {})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_public_access": false, "public_access_cidrs": ["0.0.0.0/0"]}, {})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24", "198.51.100.7/32"]}, {})])
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_eks_cluster.shop", {"name": "shop", "vpc_config": {"subnet_ids": subnets, "endpoint_public_access": false}}, {})])

	# A closed endpoint whatever the ranges, and narrow ranges whatever the endpoint.
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_public_access": false, "public_access_cidrs": ["${var.admin_cidrs}"]}, {})])
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_public_access": "${var.public}", "public_access_cidrs": ["203.0.113.0/24"]}, {})])
}

test_ranges_of_the_configuration_s_own_addresses_pass if {
	# The NAT gateways' Elastic IPs: single addresses, never the internet.
	nat := t.resource("aws_eip.nat", {"domain": "vpc"}, {})
	count(rule.deny) == 0 with input as t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": ["${aws_eip.nat.public_ip}/32"]}, {"vpc_config.public_access_cidrs": ["aws_eip.nat"]}), nat])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(cluster({"endpoint_public_access": true}, {"vpc_config.public_access_cidrs": ["aws_eip.nat"]}), ["vpc_config.public_access_cidrs"]), nat])
}

test_unknowns_are_not_verifiable if {
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", "EKS cluster aws_eks_cluster.shop has a public API endpoint (endpoint_public_access is true) with vpc_config.public_access_cidrs unknown at plan time; that it is closed to the internet cannot be verified"]} with input as t.with_index([cluster({"endpoint_public_access": true, "public_access_cidrs": ["${var.admin_cidrs}"]}, {})])

	# Unknown in a plan, set from another resource.
	count(rule.deny) == 1 with input as t.with_index([k.unknown(cluster({}, {"vpc_config.public_access_cidrs": ["aws_ssm_parameter.cidrs"]}), ["vpc_config.public_access_cidrs"])])

	# One element unknown beside narrow ranges.
	count(rule.deny) == 1 with input as t.with_index([cluster({"public_access_cidrs": ["203.0.113.0/24", "${var.extra_cidr}"]}, {})])

	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", "EKS cluster aws_eks_cluster.shop has vpc_config.endpoint_public_access unknown at plan time and public_access_cidrs is unset (0.0.0.0/0 by default); that its API endpoint is closed to the internet cannot be verified"]} with input as t.with_index([cluster({"endpoint_public_access": "${var.public}"}, {})])
	k.summary(rule.deny) == {["aws-eks-public-endpoint", "test/aws_eks_cluster.shop", "EKS cluster aws_eks_cluster.shop has vpc_config.endpoint_public_access unknown at plan time and public_access_cidrs includes 0.0.0.0/0; that its API endpoint is closed to the internet cannot be verified"]} with input as t.with_index([k.unknown(cluster({"public_access_cidrs": ["0.0.0.0/0"]}, {"vpc_config.endpoint_public_access": ["aws_ssm_parameter.public"]}), ["vpc_config.endpoint_public_access"])])
}
