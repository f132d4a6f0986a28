# METADATA
# title: Neptune instance publicly accessible
# description: |
#   publicly_accessible = true gives a Neptune instance a public endpoint: the graph is one
#   leaked credential away from the internet.
#   Unknowns: a flag not readable before apply is reported.
# custom:
#   id: aws-neptune-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_neptune_cluster]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set publicly_accessible = false and reach the cluster from private subnets.
#   construct: EncryptedGraphDatabase
#   fix:
#     summary: Make the endpoint private (publicly_accessible = false)
#     edits:
#       - set: { publicly_accessible: false }
#     cdktf:
#       option: "EncryptedGraphDatabase is never publicly accessible (no option turns it on)"
#       snippet: |
#         new EncryptedGraphDatabase(this, 'graph', { identifier: 'customer-graph', subnetIds: privateSubnetIds, securityGroupIds: [dbSecurityGroup.id] });
#   runbook:
#     exposure: The graph database instance has a public endpoint reachable from the internet
#     preserve:
#       - do: Record the instance's exposure now (endpoint, security groups, PubliclyAccessible)
#         run: aws neptune describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --region {{region}}
#       - do: Take a cluster snapshot as evidence of the data as it was while exposed
#         run: aws neptune create-db-cluster-snapshot --db-cluster-identifier {{via.cluster_identifier.cluster_identifier|fill.db-cluster-identifier}} --db-cluster-snapshot-identifier {{via.cluster_identifier.cluster_identifier|fill.db-cluster-identifier}}-leakguard-evidence --region {{region}}
#       - do: Record which audit logs the cluster exports, and copy them for the window
#         run: aws neptune describe-db-clusters --db-cluster-identifier {{via.cluster_identifier.cluster_identifier|fill.db-cluster-identifier}} --region {{region}}
#     contain:
#       - do: Remove the public endpoint now
#         run: aws neptune modify-db-instance --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --no-publicly-accessible --apply-immediately --region {{region}}
#     verify:
#       - do: PubliclyAccessible reads false
#         run: aws neptune describe-db-instances --db-instance-identifier {{values.identifier|fill.db-instance-identifier}} --query "DBInstances[0].PubliclyAccessible" --region {{region}}
#   example: |
#     resource "aws_neptune_cluster_instance" "graph" {
#       cluster_identifier  = "customer-graph"
#       instance_class      = "db.r6g.large"
#       publicly_accessible = false
#     }
package leakguard.rules.aws.neptune.public_instance

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_neptune_cluster_instance")
	msg := message(r, stores.setting(r, "publicly_accessible"))
}

message(r, "on") := sprintf("Neptune instance %s is publicly accessible", [r.address])

message(r, "unknown") := sprintf("Neptune instance %s has publicly_accessible unknown before apply", [r.address])
