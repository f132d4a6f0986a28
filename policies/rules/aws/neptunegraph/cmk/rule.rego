# METADATA
# title: Neptune Analytics graph not under a customer-managed key
# description: |
#   Neptune Analytics encrypts every graph, by default with a key AWS owns and the account
#   cannot see, audit or revoke (kms_key_identifier left out, or AWS_OWNED_KEY). A graph needs
#   a customer-managed KMS key unless it is classified as holding no personal information.
#   Unknowns: a key configured but not readable before apply is reported; a key set by
#   reference to a key resource counts as customer-managed, even when unknown at plan time.
# custom:
#   id: aws-neptune-graph-cmk
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_neptunegraph_graph]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (at rest and in transit)
#   remediation: |
#     Set kms_key_identifier = aws_kms_key.x.arn (this replaces the graph: snapshot it and
#     restore the snapshot into a graph under the key), or classify a graph that holds no
#     personal information.
#   construct: PrivateAnalyticsGraph
#   example: |
#     resource "aws_neptunegraph_graph" "customers" {
#       graph_name         = "customer-graph"
#       provisioned_memory = 16
#       kms_key_identifier = aws_kms_key.graph.arn
#     }
package leakguard.rules.aws.neptunegraph.cmk

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

path := "kms_key_identifier"

# The AWS-owned key by its name, as the API writes it back.
customer_key(r) if {
	stores.customer_key(r, path)
	not stores.text(r, path) == "AWS_OWNED_KEY"
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_neptunegraph_graph")
	stores.needs_cmk(r)
	resources.unresolved(r, path)
	not resources.references_under(r, path)
	msg := sprintf("Neptune Analytics graph %s has kms_key_identifier unknown before apply; the key it is encrypted with cannot be verified", [r.address])
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_neptunegraph_graph")
	stores.needs_cmk(r)
	not resources.unresolved(r, path)
	not customer_key(r)
	msg := sprintf("Neptune Analytics graph %s is encrypted with a key AWS owns (kms_key_identifier not a customer-managed key), but %s", [r.address, stores.cmk_reason(r)])
}
