package leakguard.rules.aws.tagging.data_classification_test

import data.leakguard.rules.aws.tagging.data_classification as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

bucket(tags) := k.tagged(t.resource("aws_s3_bucket.b", {}, {}), tags)

good := {"data-classification": "pii", "owner": "shop-platform", "environment": "prod"}

failing_input := t.with_index([bucket({"owner": "shop-platform"})])

test_missing_tags_fail if {
	k.summary(rule.deny) == {["aws-data-classification-tags", "test/aws_s3_bucket.b", "Data store aws_s3_bucket.b is not classified and owned: missing tag data-classification; missing tag environment"]} with input as failing_input
}

test_invalid_value_fails if {
	k.summary(rule.deny) == {["aws-data-classification-tags", "test/aws_s3_bucket.b", "Data store aws_s3_bucket.b is not classified and owned: data-classification secret is not one of public, internal, confidential, pii"]} with input as t.with_index([bucket(object.union(good, {"data-classification": "secret"}))])
}

test_complete_tags_pass if {
	count(rule.deny) == 0 with input as t.with_index([bucket(good)])
	count(rule.deny) == 0 with input as t.with_index([k.tagged(t.resource("aws_dynamodb_table.t", {}, {}), good)])
}

test_non_data_resource_is_not_checked if {
	count(rule.deny) == 0 with input as t.with_index([t.resource("aws_iam_role.r", {}, {})])
}

test_unknown_tags_fail if {
	k.summary(rule.deny) == {["aws-data-classification-tags", "test/aws_s3_bucket.b", "aws_s3_bucket.b has tags unknown at plan time; its classification and owner cannot be shown"]} with input as t.with_index([k.unknown(bucket({}), ["tags"])])
}

# Keys known, values not: a missing key is missing; a key whose value is unknown is unknown.
test_known_keys_without_the_required_ones_are_missing_not_unknown if {
	b := k.unknown(bucket({"owner": "shop-platform", "Name": ""}), ["tags.Name", "tags.data-classification"])
	k.summary(rule.deny) == {["aws-data-classification-tags", "test/aws_s3_bucket.b", "Data store aws_s3_bucket.b is not classified and owned: missing tag environment; tag data-classification unknown at plan time"]} with input as t.with_index([b])
}

test_classification_given_as_an_expression_is_unknown_not_raw_text if {
	k.summary(rule.deny) == {["aws-data-classification-tags", "test/aws_s3_bucket.b", "Data store aws_s3_bucket.b is not classified and owned: tag data-classification unknown at plan time"]} with input as t.with_index([bucket(object.union(good, {"data-classification": "${var.class}"}))])
}
