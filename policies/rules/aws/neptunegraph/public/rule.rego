# METADATA
# title: Neptune Analytics graph reachable from the internet
# description: |
#   public_connectivity = true gives a Neptune Analytics graph a public endpoint: the customer
#   graph (purchases, recommendations, fraud links) answers openCypher queries from anywhere,
#   one leaked credential away from a breach. Left out, the service keeps it private (a plan
#   shows it unknown: the provider only reads AWS's default back).
#   Unknowns: a public_connectivity configured but not readable before apply is reported.
# custom:
#   id: aws-neptune-graph-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_neptunegraph_graph]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_connectivity = false (changes in place) and reach the graph through a private
#     endpoint (aws_neptunegraph_graph has none of its own: create one in the VPC).
#   construct: PrivateAnalyticsGraph
#   fix:
#     summary: Make the graph's endpoint private (public_connectivity = false)
#     edits:
#       - set: { public_connectivity: false }
#     cdktf:
#       option: "PrivateAnalyticsGraph is never publicly reachable (no option turns it on)"
#       snippet: |
#         new PrivateAnalyticsGraph(this, 'graph', { name: 'customer-graph', classification: 'pii' });
#   runbook:
#     exposure: The Neptune Analytics graph has a public endpoint that answers queries from the internet
#     preserve:
#       - do: Record the graph's exposure now (endpoint, publicConnectivity)
#         run: aws neptune-graph get-graph --graph-identifier {{values.id|fill.graph-id}} --region {{region}}
#       - do: Snapshot the graph as evidence of the data as it was while exposed
#         run: aws neptune-graph create-graph-snapshot --graph-identifier {{values.id|fill.graph-id}} --snapshot-name {{values.graph_name|fill.graph-name}}-leakguard-evidence --region {{region}}
#       - do: Look up who called the graph's API in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventSource,AttributeValue=neptune-graph.amazonaws.com --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the public endpoint now
#         run: aws neptune-graph update-graph --graph-identifier {{values.id|fill.graph-id}} --no-public-connectivity --region {{region}}
#     verify:
#       - do: publicConnectivity reads false
#         run: aws neptune-graph get-graph --graph-identifier {{values.id|fill.graph-id}} --query publicConnectivity --region {{region}}
#   example: |
#     resource "aws_neptunegraph_graph" "customers" {
#       graph_name          = "customer-graph"
#       provisioned_memory  = 16
#       public_connectivity = false
#       kms_key_identifier  = aws_kms_key.graph.arn
#       deletion_protection = true
#     }
package leakguard.rules.aws.neptunegraph.public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_neptunegraph_graph")
	msg := message(r, stores.setting(r, "public_connectivity"))
}

message(r, "on") := sprintf("Neptune Analytics graph %s is reachable from the internet (public_connectivity = true)", [r.address])

message(r, "unknown") := sprintf("Neptune Analytics graph %s has public_connectivity unknown before apply; that it is not reachable from the internet cannot be verified", [r.address])
