# METADATA
# title: MSK cluster reachable from the internet or without client authentication
# description: |
#   Kafka topics carry order and customer events. Public access
#   (broker_node_group_info.connectivity_info.public_access.type = "SERVICE_PROVIDED_EIPS")
#   gives every broker an internet address; client_authentication.unauthenticated = true
#   lets any client that reaches a broker read and write every topic, as does a cluster that
#   configures no client authentication method at all (no client_authentication block).
#   Unknowns: a public access type or flag not readable before apply is reported.
# custom:
#   id: aws-msk-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_msk_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; network monitoring and defences; segmentation
#   remediation: |
#     Set public_access type = "DISABLED" (reach brokers through private subnets or
#     multi-VPC connectivity) and authenticate clients with IAM, SCRAM or mutual TLS
#     (unauthenticated = false).
#   construct: PrivateKafka
#   fix:
#     summary: Turn off public broker endpoints and require IAM client authentication
#     edits:
#       - nested: broker_node_group_info.connectivity_info.public_access
#         where: { name: type, values: [SERVICE_PROVIDED_EIPS] }
#         set: { type: '"DISABLED"' }
#       - nested: client_authentication
#         where: { name: unauthenticated, values: ["true"] }
#         set: { unauthenticated: false }
#       - nested: client_authentication.sasl
#         set: { iam: true }
#     cdktf:
#       option: "PrivateKafka never has public brokers and always requires IAM client authentication"
#       snippet: |
#         new PrivateKafka(this, 'events', { clusterName: 'order-events', subnetIds: privateSubnetIds, securityGroupIds: [kafkaSecurityGroup.id] });
#   runbook:
#     exposure: The Kafka brokers are reachable from the internet, or accept clients without authentication; topics holding order and customer events can be read by anyone who connects
#     preserve:
#       - do: Record the cluster's connectivity and client authentication
#         run: aws kafka describe-cluster-v2 --cluster-arn {{values.arn|fill.cluster-arn}} --region {{region}}
#       - do: Record the broker endpoints that were exposed
#         run: aws kafka get-bootstrap-brokers --cluster-arn {{values.arn|fill.cluster-arn}} --region {{region}}
#       - do: Export the management events on the cluster in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.arn|values.cluster_name|fill.cluster-arn}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Turn off public access to the brokers
#         run: aws kafka update-connectivity --cluster-arn {{values.arn|fill.cluster-arn}} --current-version {{fill.cluster-version}} --connectivity-info PublicAccess={Type=DISABLED} --region {{region}}
#       - do: Require IAM or SASL/SCRAM client authentication (unauthenticated clients are refused)
#         run: aws kafka update-security --cluster-arn {{values.arn|fill.cluster-arn}} --current-version {{fill.cluster-version}} --client-authentication file://{{fill.client-authentication.json}} --region {{region}}
#     verify:
#       - do: Public access reads DISABLED and unauthenticated access is off
#         run: aws kafka describe-cluster-v2 --cluster-arn {{values.arn|fill.cluster-arn}} --region {{region}} --query "ClusterInfo.Provisioned.[BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess,ClientAuthentication.Unauthenticated]"
#   example: |
#     resource "aws_msk_cluster" "events" {
#       cluster_name           = "order-events"
#       kafka_version          = "3.6.0"
#       number_of_broker_nodes = 3
#       broker_node_group_info {
#         instance_type   = "kafka.m7g.large"
#         client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60710"]
#         security_groups = ["sg-0a1b2c3d4e5f60718"]
#         connectivity_info {
#           public_access {
#             type = "DISABLED"
#           }
#         }
#       }
#       client_authentication {
#         unauthenticated = false
#         sasl {
#           iam = true
#         }
#       }
#     }
package leakguard.rules.aws.msk.public_access

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

public_path := "broker_node_group_info.connectivity_info.public_access.type"

problems(r) := array.concat(
	array.concat(
		[p | p := public_problem(r, stores.text(r, public_path))],
		[p | p := auth_problem(r, stores.setting(r, "client_authentication.unauthenticated"))],
	),
	[p | p := no_auth_problem(r)],
)

# No client authentication method at all (no client_authentication block, or one that turns
# none on: terraform-aws-msk-kafka-cluster leaves the block out for `client_authentication =
# {}`): a client that reaches a broker needs no identity to read and write every topic (an
# audit: such a cluster had passed).
authentication_methods := ["client_authentication.sasl.iam", "client_authentication.sasl.scram", "client_authentication.unauthenticated"]

# (A block unknown before apply is reported by auth_problem as its unauthenticated flag.)
no_auth_problem(r) := "configures no client authentication (IAM, SCRAM or mutual TLS), so clients need no identity" if {
	not resources.unresolved(r, "client_authentication")
	every m in authentication_methods {
		stores.setting(r, m) in {"off", "unset"}
	}
	count(resources.blocks_at(r, "client_authentication.tls")) == 0
}

public_problem(_, "SERVICE_PROVIDED_EIPS") := "has public broker endpoints (public_access SERVICE_PROVIDED_EIPS)"

public_problem(_, "unknown") := "has a public_access type unknown before apply"

auth_problem(_, "on") := "accepts unauthenticated clients"

auth_problem(_, "unknown") := "has client_authentication.unauthenticated unknown before apply"

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_msk_cluster")
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("MSK cluster %s %s", [r.address, concat(" and ", ps)])
}
