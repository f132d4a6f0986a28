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
