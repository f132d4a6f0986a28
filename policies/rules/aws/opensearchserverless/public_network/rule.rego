# METADATA
# title: OpenSearch Serverless collection reachable from the internet
# description: |
#   A network security policy with AllowFromPublic = true gives the collections (and their
#   OpenSearch Dashboards) its rules name a public endpoint: anyone on the internet can reach
#   the search API over the customer data indexed there, with only data-access policies in
#   the way. Access should come through VPC endpoints (SourceVPCEs) or named AWS services.
#   Collections are matched to policies by the policy's "collection/<name>" patterns; a
#   public policy whose patterns match no collection in the input is reported on its own.
#   Unknowns: a network policy not readable before apply is reported on itself. A collection
#   whose name is unknown at plan time (set from another resource, a variable without a value)
#   is reported when a network policy of the input allows public access: policies match
#   collections by name, so that none opens it cannot be verified.
# custom:
#   id: aws-opensearchserverless-public
#   control: public-storage
#   cloud: aws
#   severity: critical
#   data_stores:
#     check: public-reachability
#     types: [aws_opensearchserverless_collection]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; network monitoring and defences; segmentation
#   remediation: |
#     Set AllowFromPublic = false and list the VPC endpoints
#     (aws_opensearchserverless_vpc_endpoint) that may reach the collection in SourceVPCEs.
#   construct: PrivateSearchCollection
#   runbook:
#     exposure: The collection (and its dashboards) accept requests from the internet; data access policies are all that stands between its documents and anyone
#     preserve:
#       - do: Save the network policies as they are now
#         run: aws opensearchserverless list-security-policies --type network --region {{region}}
#       - do: Save the data access policies (who may read)
#         run: aws opensearchserverless list-access-policies --type data --region {{region}}
#       - do: Export the policy changes in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=EventSource,AttributeValue=aoss.amazonaws.com --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Replace the network policy with one allowing only the VPC endpoint (AllowFromPublic false)
#         run: aws opensearchserverless update-security-policy --type network --name {{values.name|fill.network-policy-name}} --policy-version {{fill.policy-version}} --policy file://{{fill.private-network-policy.json}} --region {{region}}
#     verify:
#       - do: The policy reads AllowFromPublic false
#         run: aws opensearchserverless get-security-policy --type network --name {{values.name|fill.network-policy-name}} --region {{region}}
#   example: |
#     resource "aws_opensearchserverless_security_policy" "orders_network" {
#       name = "orders-network"
#       type = "network"
#       policy = jsonencode([{
#         Rules = [{ ResourceType = "collection", Resource = ["collection/orders"] }]
#         AllowFromPublic = false
#         SourceVPCEs     = ["vpce-0123456789abcdef0"]
#       }])
#     }
package leakguard.rules.aws.opensearchserverless.public_network

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# [policy, statement, resource type, pattern] for every pattern a public statement opens.
public_patterns := [[p, t, pattern] |
	some p in stores.aoss_policies("network")
	some s in stores.aoss_statements(p)
	object.get(s, "AllowFromPublic", false) == true
	some t in ["collection", "dashboard"]
	some pattern in stores.aoss_patterns(s, t)
]

collections := [c |
	some c in resources.of_type("aws_opensearchserverless_collection")
	is_string(c.values.name)
]

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in collections
	opened := opened_by(c)
	count(opened) > 0
	msg := sprintf("OpenSearch Serverless collection %s is reachable from the internet: AllowFromPublic in %s", [c.address, concat(", ", sort(opened))])
}

opened_by(c) := {sprintf("%s (%s)", [p.address, t]) |
	some [p, t, pattern] in public_patterns
	stores.aoss_covers(pattern, c.values.name)
}

# A collection whose name the input cannot show, while public policies open some pattern.
deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_opensearchserverless_collection")
	resources.unresolved(c, "name")
	not resources.literal(object.get(c.values, "name", null))
	count(public_patterns) > 0
	count(unknown_opened(c)) == 0
	policies := {p.address | some [p, _, _] in public_patterns}
	msg := sprintf("OpenSearch Serverless collection %s has a name unknown at plan time; that AllowFromPublic in %s does not open it cannot be verified", [c.address, concat(", ", sort(policies))])
}

# An interpolated name a public pattern still covers is reported as reachable above.
unknown_opened(c) := opened_by(c) if is_string(object.get(c.values, "name", null))

else := set()

# A public policy that opens no collection of the input is reported on itself.
deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in stores.aoss_policies("network")
	patterns := {pattern | some [q, _, pattern] in public_patterns; q.key == p.key}
	count(patterns) > 0
	every pattern in patterns {
		every c in collections {
			not stores.aoss_covers(pattern, c.values.name)
		}
	}
	msg := sprintf("OpenSearch Serverless network policy %s allows public access to %s", [p.address, concat(", ", sort(patterns))])
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in stores.aoss_policies("network")
	not stores.aoss_statements(p)
	msg := sprintf("OpenSearch Serverless network policy %s cannot be read before apply; it cannot be shown to keep its collections off the internet", [p.address])
}
