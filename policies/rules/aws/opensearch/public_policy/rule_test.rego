package leakguard.rules.aws.opensearch.public_policy_test

import data.leakguard.rules.aws.opensearch.public_policy as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

open_doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "*"}]})

domain(values) := t.resource("aws_elasticsearch_domain.search", object.union({"domain_name": "search"}, values), {})

failing_input := t.with_index([domain({"access_policies": open_doc})])

test_public_endpoint_with_open_policy_fails if {
	k.summary(rule.deny) == {["aws-opensearch-public-policy", "test/aws_elasticsearch_domain.search", "Elasticsearch domain aws_elasticsearch_domain.search has a public endpoint and its access policy allows es:* to every principal without a restricting condition"]} with input as failing_input
}

test_policy_resource_of_public_domain_fails if {
	d := t.resource("aws_opensearch_domain.search", {"domain_name": "search"}, {})
	p := t.resource("aws_opensearch_domain_policy.search", {"domain_name": "search", "access_policies": open_doc}, {"domain_name": ["aws_opensearch_domain.search"]})
	k.summary(rule.deny) == {["aws-opensearch-public-policy", "test/aws_opensearch_domain_policy.search", "aws_opensearch_domain_policy.search (access policy of an OpenSearch domain with a public endpoint) allows es:* to every principal without a restricting condition"]} with input as t.with_index([d, p])
}

test_vpc_domain_and_restricted_policy_pass if {
	vpc := {"vpc_options": [{"subnet_ids": ["subnet-1"]}]}
	count(rule.deny) == 0 with input as t.with_index([domain(object.union(vpc, {"access_policies": open_doc}))])

	# A policy resource naming a VPC domain literally, or by reference.
	d := t.resource("aws_opensearch_domain.search", object.union({"domain_name": "search"}, vpc), {})
	by_name := t.resource("aws_opensearch_domain_policy.a", {"domain_name": "search", "access_policies": open_doc}, {})
	by_ref := t.resource("aws_opensearch_domain_policy.b", {"domain_name": "${aws_opensearch_domain.search.domain_name}", "access_policies": open_doc}, {"domain_name": ["aws_opensearch_domain.search"]})
	count(rule.deny) == 0 with input as t.with_index([d, by_name, by_ref])
	ip_only := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "es:ESHttpGet", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]})
	count(rule.deny) == 0 with input as t.with_index([domain({"access_policies": ip_only})])
	count(rule.deny) == 0 with input as t.with_index([domain({})])
}

test_unreadable_policy_fails if {
	k.summary(rule.deny) == {["aws-opensearch-public-policy", "test/aws_elasticsearch_domain.search", "Elasticsearch domain aws_elasticsearch_domain.search has a public endpoint and its access policy cannot be read before apply; it cannot be shown not to allow every principal"]} with input as t.with_index([domain({"access_policies": "${jsonencode(local.p)}"})])
	count(rule.deny) == 0 with input as t.with_index([k.unknown(domain({}), ["access_policies"])])
}
