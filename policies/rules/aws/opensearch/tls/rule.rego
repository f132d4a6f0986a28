# METADATA
# title: OpenSearch domain traffic not encrypted in transit
# description: |
#   Requests and node-to-node traffic carry the indexed personal data. A domain needs
#   node_to_node_encryption { enabled = true } and domain_endpoint_options with
#   enforce_https = true and a TLS policy with a TLS 1.2 minimum (opensearch_tls_policies);
#   AWS's own defaults accept HTTP and TLS 1.0. Covers aws_opensearch_domain and the legacy
#   aws_elasticsearch_domain.
#   Unknowns: a flag or TLS policy not readable before apply is reported; one not
#   configured counts as the service default (off, TLS 1.0).
# custom:
#   id: aws-opensearch-tls
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-in-transit
#     types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit); secure configuration of hardware and software
#   remediation: |
#     Add node_to_node_encryption { enabled = true } and domain_endpoint_options {
#     enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" }.
#   construct: SecureSearchDomain
#   fix:
#     summary: Enforce HTTPS with TLS 1.2 and encrypt node-to-node traffic
#     edits:
#       - nested: domain_endpoint_options
#         set: { enforce_https: true, tls_security_policy: '"Policy-Min-TLS-1-2-2019-07"' }
#       - nested: node_to_node_encryption
#         set: { enabled: true }
#     cdktf:
#       option: "SecureSearchDomain always enforces HTTPS with TLS 1.2 and node-to-node encryption"
#       snippet: |
#         new SecureSearchDomain(this, 'search', { domainName: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [searchSecurityGroup.id], clientRoleArns: [ordersApiRole.arn] });
#   example: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "orders-search"
#       engine_version = "OpenSearch_2.13"
#       node_to_node_encryption {
#         enabled = true
#       }
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#       }
#     }
package leakguard.rules.aws.opensearch.tls

import data.leakguard.lib.finding
import data.leakguard.lib.stores
import rego.v1

flags := [
	["node_to_node_encryption.enabled", "node-to-node encryption"],
	["domain_endpoint_options.enforce_https", "enforce_https"],
]

tls_problem(d) := "a TLS 1.2 minimum (tls_security_policy not readable before apply)" if {
	stores.text(d, "domain_endpoint_options.tls_security_policy") == "unknown"
} else := sprintf("a TLS 1.2 minimum (tls_security_policy %s)", [policy]) if {
	policy := stores.text(d, "domain_endpoint_options.tls_security_policy")
	not policy in stores.settings.opensearch_tls_policies
	policy != ""
} else := "a TLS 1.2 minimum (no tls_security_policy)" if {
	stores.text(d, "domain_endpoint_options.tls_security_policy") == ""
}

problems(d) := array.concat(stores.flags_not_on(d, flags), [p | p := tls_problem(d)])

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some [d, kind] in stores.search_domains
	ps := problems(d)
	count(ps) > 0
	msg := sprintf("%s domain %s lacks %s", [kind, d.address, concat(", ", ps)])
}
