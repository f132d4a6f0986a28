package leakguard.rules.aws.cloudfront.tls_version_test

import data.leakguard.rules.aws.cloudfront.tls_version as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

dist(cert) := t.resource("aws_cloudfront_distribution.shop", {"viewer_certificate": cert}, {})

failing_input := t.with_index([dist([{"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}])])

test_default_certificate_fails if {
	k.summary(rule.deny) == {["aws-cloudfront-tls", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop accepts viewers with the default certificate (TLSv1); require TLSv1.2_2021 or newer"]} with input as failing_input
}

test_old_version_fails if {
	count(rule.deny) == 1 with input as t.with_index([dist({"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2019"})])
}

test_modern_version_passes if {
	count(rule.deny) == 0 with input as t.with_index([dist({"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021", "ssl_support_method": "sni-only"})])
}

test_unknown_fails if {
	k.summary(rule.deny) == {["aws-cloudfront-tls", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop accepts viewers with a version unknown at plan time; require TLSv1.2_2021 or newer"]} with input as t.with_index([k.unknown(dist([{"acm_certificate_arn": "arn"}]), ["viewer_certificate.minimum_protocol_version"])])
}

test_unset_version_is_the_default_tlsv1 if {
	k.summary(rule.deny) == {["aws-cloudfront-tls", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop accepts viewers with TLSv1 (minimum_protocol_version unset: the provider's default); require TLSv1.2_2021 or newer"]} with input as t.with_index([dist([{"acm_certificate_arn": "arn"}])])
}

test_version_given_as_an_expression_is_unknown if {
	k.summary(rule.deny) == {["aws-cloudfront-tls", "test/aws_cloudfront_distribution.shop", "CloudFront distribution aws_cloudfront_distribution.shop accepts viewers with a version unknown at plan time; require TLSv1.2_2021 or newer"]} with input as t.with_index([dist([{"acm_certificate_arn": "arn", "minimum_protocol_version": "${var.tls}"}])])
}
