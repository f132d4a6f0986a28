# METADATA
# title: OpenSearch domain not encrypted at rest under a customer-managed key
# description: |
#   Indices, automated snapshots, logs and swap of a domain are encrypted only with
#   encrypt_at_rest { enabled = true }; without kms_key_id the AWS-managed aws/es key is used,
#   which cannot be restricted or revoked. A customer-managed key is required unless the
#   domain is classified as holding no personal information. Covers aws_opensearch_domain
#   and the legacy aws_elasticsearch_domain.
#   Unknowns: an enabled flag not readable before apply is reported; a key unknown at plan
#   time but set by reference counts as set.
# custom:
#   id: aws-opensearch-encryption-at-rest
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Add encrypt_at_rest { enabled = true, kms_key_id = aws_kms_key.x.arn } (enabling it on
#     an existing domain needs OpenSearch/Elasticsearch 6.7 or later).
#   construct: SecureSearchDomain
#   fix:
#     summary: Encrypt the domain at rest with a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - nested: encrypt_at_rest
#         set: { enabled: true, kms_key_id: 'aws_kms_key.{{name}}.arn' }
#         comment: { enabled: "leakguard: changing encryption replaces the domain; migrate its data first" }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "kmsKey: a HardenedKey (one is created when absent)"
#       snippet: |
#         new SecureSearchDomain(this, 'search', { domainName: 'orders', subnetIds: privateSubnetIds, securityGroupIds: [searchSecurityGroup.id], clientRoleArns: [ordersApiRole.arn], kmsKey: searchKey });
#   example: |
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "orders-search"
#       engine_version = "OpenSearch_2.13"
#       encrypt_at_rest {
#         enabled    = true
#         kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       }
#     }
package leakguard.rules.aws.opensearch.encryption_at_rest

import data.leakguard.lib.finding
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), d, msg) if {
	some [d, kind] in stores.search_domains
	msg := stores.at_rest_message(d, concat(" ", [kind, "domain"]), "encrypt_at_rest.enabled", "encrypt_at_rest.kms_key_id")
}
