# METADATA
# title: SQS queue, SNS topic or DynamoDB table accepts requests without TLS
# description: |
#   SQS, SNS and DynamoDB answer on HTTP as well as HTTPS regional endpoints, so a client (or
#   a misconfigured SDK or proxy) can send and read messages and items holding customer data
#   in plain text. Only the resource policy can refuse that: a statement that Denies every
#   principal the service's data actions (sqs:SendMessage and sqs:ReceiveMessage;
#   sns:Publish; dynamodb:GetItem and dynamodb:PutItem, or wildcards covering them) when
#   aws:SecureTransport is "false". Read from aws_sqs_queue_policy / aws_sns_topic_policy /
#   aws_dynamodb_resource_policy (linked by reference or naming the queue URL, topic ARN or
#   table ARN) and the inline `policy` of queues and topics, as JSON or through
#   aws_iam_policy_document. A policy whose store is not in the input is checked on its own
#   and reported on itself.
#   Unknowns: a policy not readable before apply cannot be shown to refuse plain HTTP and is
#   reported.
# custom:
#   id: aws-resource-policy-tls-only
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_sqs_queue, aws_sns_topic, aws_dynamodb_table]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Add a statement { Effect = "Deny", Principal = "*", Action = "sqs:*" (or "sns:Publish",
#     "dynamodb:*"), Resource = the store's ARN, Condition = { Bool = { "aws:SecureTransport"
#     = "false" } } } to the queue, topic or table policy.
#   construct: HardenedQueue
#   example: |
#     resource "aws_sqs_queue" "orders" {
#       name              = "orders"
#       kms_master_key_id = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#     }
#
#     resource "aws_sqs_queue_policy" "orders" {
#       queue_url = aws_sqs_queue.orders.id
#       policy = <<-JSON
#         {"Version": "2012-10-17", "Statement": [{
#           "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "sqs:*",
#           "Resource": "arn:aws:sqs:us-west-2:111122223333:orders",
#           "Condition": {"Bool": {"aws:SecureTransport": "false"}}
#         }]}
#       JSON
#     }
package leakguard.rules.aws.resource_policy.tls_only

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# Store type → [label, stand-alone policy type, its link attribute, the actions a TLS-only
# statement must deny].
stores := {
	"aws_sqs_queue": ["SQS queue", "aws_sqs_queue_policy", "queue_url", ["sqs:sendmessage", "sqs:receivemessage"]],
	"aws_sns_topic": ["SNS topic", "aws_sns_topic_policy", "arn", ["sns:publish"]],
	"aws_dynamodb_table": ["DynamoDB table", "aws_dynamodb_resource_policy", "resource_arn", ["dynamodb:getitem", "dynamodb:putitem"]],
}

# Stores that also take their policy inline.
inline := {"aws_sqs_queue", "aws_sns_topic"}

denies_all(s, actions) if {
	every a in actions {
		resources.denies_insecure_transport(s, a)
	}
}

enforced(doc, actions) if {
	some s in doc.statements
	denies_all(s, actions)
}

# The queue URL's or topic ARN's last part: the store's name.
named(v) := name if {
	resources.literal(v)
	parts := split(replace(v, "/", ":"), ":")
	name := parts[count(parts) - 1]
	name != ""
}

# Stand-alone policies naming their store literally: "type|name" → policies.
policies_by_name[concat("|", [t, n])] contains p.key if {
	some _, [_, t, attr, _] in stores
	some p in resources.of_type(t)
	n := named(object.get(p.values, attr, null))
}

store_names[concat("|", [t, n])] if {
	some st, [_, t, _, _] in stores
	some r in resources.of_type(st)
	n := r.values.name
	resources.literal(n)
}

attached(r, t, attr) := array.concat(resources.linked_from(r, t, attr), [input.resources[k] |
	some k in object.get(policies_by_name, concat("|", [t, object.get(r.values, "name", "")]), set())
])

documents(r, t, attr) := array.concat(
	[resources.policy(p, "policy") | some p in attached(r, t, attr)],
	[resources.policy(r, "policy") | inline[r.type]; not resources.computed_unset(r, "policy")],
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some st, [label, t, attr, actions] in stores
	some r in resources.of_type(st)
	docs := documents(r, t, attr)
	not any_enforced(docs, actions)
	msg := message(r, label, docs)
}

any_enforced(docs, actions) if {
	some doc in docs
	enforced(doc, actions)
}

message(r, label, docs) := sprintf("%s %s has a policy that cannot be read before apply; it cannot be shown to refuse requests without TLS", [label, r.address]) if {
	some doc in docs
	doc.status == "unknown"
}

message(r, label, docs) := sprintf("%s %s has no policy statement denying requests where aws:SecureTransport is false; requests and the data they carry can cross the network in plain text", [label, r.address]) if {
	every doc in docs {
		doc.status != "unknown"
	}
}

# A policy whose queue or topic is not in the input is checked on its own.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some st, [label, t, attr, actions] in stores
	some p in resources.of_type(t)
	not store_present(p, st, t, attr)
	doc := resources.policy(p, "policy")
	not enforced(doc, actions)
	msg := guard_message(p, label, doc)
}

store_present(p, _, _, attr) if count(resources.linked_to(p, attr)) > 0

store_present(p, _, t, attr) if store_names[concat("|", [t, named(object.get(p.values, attr, null))])]

guard_message(p, label, doc) := sprintf("%s policy %s (for an %s not in this input) cannot be read before apply; it cannot be shown to refuse requests without TLS", [label, p.address, label]) if doc.status == "unknown"

guard_message(p, label, doc) := sprintf("%s policy %s (for an %s not in this input) has no statement denying requests where aws:SecureTransport is false", [label, p.address, label]) if doc.status != "unknown"
