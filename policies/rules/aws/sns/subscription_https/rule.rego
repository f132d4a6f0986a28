# METADATA
# title: SNS subscription delivering messages over plain HTTP
# description: |
#   An aws_sns_topic_subscription with protocol = "http" has SNS post every message of the
#   topic (order events, customer notifications) to its endpoint unencrypted, readable and
#   alterable by anyone on the path, however the topic itself is encrypted at rest. https,
#   sqs, lambda, firehose and the other protocols are not reported.
#   Unknowns: a protocol not readable before apply is not proven and is reported.
# custom:
#   id: aws-sns-subscription-https
#   control: storage-encryption
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Set protocol = "https" with an https:// endpoint that presents a valid certificate, or
#     deliver to an SQS queue or Lambda function instead of a plain HTTP endpoint.
#   construct: HardenedTopic
#   example: |
#     resource "aws_sns_topic_subscription" "fulfilment" {
#       topic_arn = "arn:aws:sns:us-west-2:111122223333:order-events"
#       protocol  = "https"
#       endpoint  = "https://fulfilment.example.com/sns"
#     }
package leakguard.rules.aws.sns.subscription_https

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("aws_sns_topic_subscription")
	p := s.values.protocol
	resources.literal(p)
	lower(p) == "http"
	msg := sprintf("SNS subscription %s delivers %s over plain HTTP (protocol \"%s\"): messages travel unencrypted", [s.address, topic_of(s), p])
}

deny contains finding.new(rego.metadata.chain(), s, msg) if {
	some s in resources.of_type("aws_sns_topic_subscription")
	resources.unresolved(s, "protocol")
	msg := sprintf("SNS subscription %s has a protocol unknown at plan time; that %s is not delivered over plain HTTP cannot be verified", [s.address, topic_of(s)])
}

topic_of(s) := sprintf("topic %s", [split(s.values.topic_arn, ":")[5]]) if {
	resources.literal(s.values.topic_arn)
	count(split(s.values.topic_arn, ":")) == 6
} else := sprintf("topic %s", [names[0]]) if {
	names := [t.values.name | some t in resources.linked_to_type(s, "topic_arn", "aws_sns_topic"); resources.literal(t.values.name)]
	count(names) > 0
} else := "its topic"
