# METADATA
# title: S3 bucket policy does not deny requests without TLS
# description: |
#   Without a Deny on aws:SecureTransport = false, clients can read and write customer data
#   over plain HTTP. The bucket policy (aws_s3_bucket_policy or the legacy inline policy,
#   JSON or aws_iam_policy_document) needs a Deny for every principal on s3 actions with
#   the condition Bool aws:SecureTransport false. A bucket policy whose bucket is not in
#   the input is checked on its own and reported on itself.
#   Unknowns: a policy unknown at plan time or written as an expression the tool cannot
#   read cannot be shown to deny plain HTTP and is reported.
# custom:
#   id: aws-s3-tls-only-policy
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_s3_bucket]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Encryption of personal information in transit
#   remediation: |
#     Add a statement { Effect = "Deny", Principal = "*", Action = "s3:*", Resource =
#     [bucket ARN, bucket ARN/*], Condition = { Bool = { "aws:SecureTransport" = "false" } } }.
#   construct: HardenedBucket
#   example: |
#     resource "aws_s3_bucket" "data" {
#       bucket = "shop-customer-data"
#     }
#
#     resource "aws_s3_bucket_policy" "data" {
#       bucket = aws_s3_bucket.data.id
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
#           "Resource": ["arn:aws:s3:::shop-customer-data", "arn:aws:s3:::shop-customer-data/*"],
#           "Condition": {"Bool": {"aws:SecureTransport": "false"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.s3.tls_only_policy

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

enforced(docs) if {
	some doc in docs
	some s in doc.statements
	resources.denies_insecure_transport(s, "s3:getobject")
}

deny contains finding.new(rego.metadata.chain(), bucket, msg) if {
	some bucket in resources.of_type("aws_s3_bucket")
	docs := resources.s3_policy_documents(bucket)
	not enforced(docs)
	msg := message(bucket, docs)
}

message(bucket, docs) := sprintf("S3 bucket %s has a bucket policy that cannot be read before apply; it cannot be shown to deny requests without TLS", [bucket.address]) if {
	some doc in docs
	doc.status == "unknown"
}

message(bucket, docs) := sprintf("S3 bucket %s has no bucket policy statement denying requests where aws:SecureTransport is false", [bucket.address]) if {
	every doc in docs {
		doc.status != "unknown"
	}
}

# A bucket policy whose bucket is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_s3_bucket_policy")
	not resources.s3_bucket_present(p)
	doc := resources.policy(p, "policy")
	not enforced([doc])
	msg := guard_message(p, doc)
}

guard_message(p, doc) := sprintf("Bucket policy %s (for %s not in this input) cannot be read before apply; it cannot be shown to deny requests without TLS", [p.address, resources.guarded_bucket(p)]) if doc.status == "unknown"

guard_message(p, doc) := sprintf("Bucket policy %s (for %s not in this input) has no statement denying requests where aws:SecureTransport is false", [p.address, resources.guarded_bucket(p)]) if doc.status != "unknown"
