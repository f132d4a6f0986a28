# METADATA
# title: MSK cluster traffic or storage not encrypted as required
# description: |
#   Brokers always encrypt their volumes, with the AWS-managed aws/kafka key unless
#   encryption_info.encryption_at_rest_kms_key_arn names a customer-managed key, which is
#   required unless the cluster is classified as holding no personal information. In
#   transit, client_broker must be "TLS" (the default; "TLS_PLAINTEXT" and "PLAINTEXT"
#   accept plain-text clients) and in_cluster must not be false.
#   Unknowns: a setting not readable before apply is reported; a key unknown at plan time but
#   set by reference counts as set.
# custom:
#   id: aws-msk-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     - check: encryption-at-rest
#       types: [aws_msk_cluster]
#     - check: encryption-in-transit
#       types: [aws_msk_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.x.arn,
#     encryption_in_transit { client_broker = "TLS", in_cluster = true } }.
#   construct: PrivateKafka
#   fix:
#     summary: TLS only between clients and brokers and inside the cluster, storage under a customer-managed key (aws_kms_key named after the cluster, added unless it exists)
#     edits:
#       - nested: encryption_info.encryption_in_transit
#         set: { client_broker: '"TLS"', in_cluster: true }
#       - nested: encryption_info
#         set: { encryption_at_rest_kms_key_arn: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "PrivateKafka always encrypts in transit (TLS only, in-cluster too) and at rest under kmsKey (a HardenedKey, created when absent)"
#       snippet: |
#         new PrivateKafka(this, 'events', { clusterName: 'order-events', subnetIds: privateSubnetIds, securityGroupIds: [kafkaSecurityGroup.id] });
#   example: |
#     resource "aws_msk_cluster" "events" {
#       cluster_name           = "order-events"
#       kafka_version          = "3.6.0"
#       number_of_broker_nodes = 3
#       broker_node_group_info {
#         instance_type   = "kafka.m7g.large"
#         client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60710"]
#         security_groups = ["sg-0a1b2c3d4e5f60718"]
#       }
#       encryption_info {
#         encryption_at_rest_kms_key_arn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         encryption_in_transit {
#           client_broker = "TLS"
#           in_cluster    = true
#         }
#       }
#     }
package leakguard.rules.aws.msk.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

client_broker_problem("unknown") := "client_broker unknown before apply"

client_broker_problem(v) := sprintf("client_broker %s accepts plain text", [v]) if v in {"TLS_PLAINTEXT", "PLAINTEXT"}

in_cluster_problem("off") := "in_cluster encryption off"

in_cluster_problem("unknown") := "in_cluster unknown before apply"

key_problem(r) := sprintf("no customer-managed encryption_at_rest_kms_key_arn (%s)", [stores.cmk_reason(r)]) if {
	stores.lacks_cmk(r, "encryption_info.encryption_at_rest_kms_key_arn")
}

problems(r) := array.concat(
	[p | p := client_broker_problem(stores.text(r, "encryption_info.encryption_in_transit.client_broker"))],
	array.concat(
		[p | p := in_cluster_problem(stores.setting(r, "encryption_info.encryption_in_transit.in_cluster"))],
		[p | p := key_problem(r)],
	),
)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_msk_cluster")
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("MSK cluster %s: %s", [r.address, concat("; ", ps)])
}
