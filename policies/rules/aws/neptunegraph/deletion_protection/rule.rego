# METADATA
# title: Neptune Analytics graph that can be deleted without a trace
# description: |
#   A Neptune Analytics graph keeps no automated backups, and Terraform deletes a graph
#   without a final snapshot (the provider asks the service to skip it): one terraform
#   destroy, a replacement (a new key or name) or a leaked admin key erases the customer graph
#   for good. deletion_protection = true, the service's default when left out, refuses that.
#   Unknowns: a deletion_protection configured but not readable before apply is reported.
# custom:
#   id: aws-neptune-graph-deletion-protection
#   control: backup-protection
#   cloud: aws
#   severity: high
#   data_stores:
#     check: backups
#     types: [aws_neptunegraph_graph]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Business continuity and disaster recovery (backups)
#   remediation: |
#     Set deletion_protection = true (changes in place), and keep manual snapshots
#     (aws neptune-graph create-graph-snapshot) on a schedule.
#   construct: PrivateAnalyticsGraph
#   fix:
#     summary: Protect the graph from deletion
#     edits:
#       - set: { deletion_protection: true }
#     cdktf:
#       option: "PrivateAnalyticsGraph is always deletion-protected"
#       snippet: |
#         new PrivateAnalyticsGraph(this, 'graph', { name: 'customer-graph', classification: 'pii' });
#   runbook:
#     exposure: Whoever can call DeleteGraph (a terraform destroy, a replacement, a leaked admin key) erases the graph with no final snapshot
#     preserve:
#       - do: Record the graph's configuration as it is now
#         run: aws neptune-graph get-graph --graph-identifier {{values.id|fill.graph-id}} --region {{region}}
#       - do: Take a snapshot now, the only copy the graph will have
#         run: aws neptune-graph create-graph-snapshot --graph-identifier {{values.id|fill.graph-id}} --snapshot-name {{values.graph_name|fill.graph-name}}-leakguard-evidence --region {{region}}
#     contain:
#       - do: Turn deletion protection on
#         run: aws neptune-graph update-graph --graph-identifier {{values.id|fill.graph-id}} --deletion-protection --region {{region}}
#     verify:
#       - do: deletionProtection reads true
#         run: aws neptune-graph get-graph --graph-identifier {{values.id|fill.graph-id}} --query deletionProtection --region {{region}}
#   example: |
#     resource "aws_neptunegraph_graph" "customers" {
#       graph_name          = "customer-graph"
#       provisioned_memory  = 16
#       deletion_protection = true
#     }
package leakguard.rules.aws.neptunegraph.deletion_protection

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_neptunegraph_graph")
	msg := message(r, stores.setting(r, "deletion_protection"))
}

message(r, "off") := sprintf("Neptune Analytics graph %s can be deleted with all its data (deletion_protection = false), and Terraform deletes a graph without a final snapshot", [r.address])

message(r, "unknown") := sprintf("Neptune Analytics graph %s has deletion_protection unknown before apply; that it cannot be deleted with its data cannot be verified", [r.address])
