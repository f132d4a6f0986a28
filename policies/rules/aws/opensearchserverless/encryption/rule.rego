# METADATA
# title: OpenSearch Serverless collection not encrypted under a customer-managed key
# description: |
#   A collection is encrypted with the key of the encryption security policy whose rules
#   match its name: AWSOwnedKey = true means an AWS-owned key the account can neither
#   restrict nor revoke. A customer-managed KmsARN is required unless the collection is
#   classified as holding no personal information. The key is fixed when the collection is
#   created.
#   Unknowns: an encryption policy not readable before apply, or no encryption policy in the
#   input matching the collection, cannot show its key and is reported (for collections that
#   need a customer-managed key). So is a collection whose name is set but unknown at plan
#   time: policies match collections by name, so which one covers it cannot be known.
# custom:
#   id: aws-opensearchserverless-encryption
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_opensearchserverless_collection]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information
#   remediation: |
#     Give the collection an encryption security policy with AWSOwnedKey = false and KmsARN
#     set to a customer-managed key, created before the collection (depends_on).
#   construct: PrivateSearchCollection
#   example: |
#     resource "aws_opensearchserverless_security_policy" "orders_encryption" {
#       name = "orders-encryption"
#       type = "encryption"
#       policy = jsonencode({
#         Rules       = [{ ResourceType = "collection", Resource = ["collection/orders"] }]
#         AWSOwnedKey = false
#         KmsARN      = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       })
#     }
package leakguard.rules.aws.opensearchserverless.encryption

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

# [policy, statement] of the readable encryption policies.
statements := [[p, s] |
	some p in stores.aoss_policies("encryption")
	some s in stores.aoss_statements(p)
]

unreadable := [p | some p in stores.aoss_policies("encryption"); not stores.aoss_statements(p)]

# A statement's key is customer-managed: a KmsARN (a literal or a reference to a key) and
# not AWSOwnedKey.
customer_key(s) if {
	object.get(s, "AWSOwnedKey", false) != true
	stores.customer_key_value(object.get(s, "KmsARN", null))
}

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_opensearchserverless_collection")
	is_string(c.values.name)
	stores.needs_cmk(c)
	matching := [[p, s] |
		some [p, s] in statements
		some pattern in stores.aoss_patterns(s, "collection")
		stores.aoss_covers(pattern, c.values.name)
	]
	msg := message(c, matching)
}

message(c, matching) := sprintf("OpenSearch Serverless collection %s is encrypted with an AWS-owned key (%s), but %s: use AWSOwnedKey = false with a customer-managed KmsARN", [c.address, concat(", ", sort(owned)), stores.cmk_reason(c)]) if {
	owned := {p.address | some [p, s] in matching; not customer_key(s)}
	count(owned) > 0
}

message(c, matching) := sprintf("OpenSearch Serverless collection %s: no encryption policy in this input matches it%s; its key cannot be verified", [c.address, pending]) if {
	count(matching) == 0
	pending := unreadable_note
}

unreadable_note := "" if count(unreadable) == 0

else := sprintf(" (%s cannot be read before apply)", [concat(", ", sort([p.address | some p in unreadable]))])

deny contains finding.new(rego.metadata.chain(), c, msg) if {
	some c in resources.of_type("aws_opensearchserverless_collection")
	not is_string(object.get(c.values, "name", null))
	resources.unresolved(c, "name")
	stores.needs_cmk(c)
	msg := sprintf("OpenSearch Serverless collection %s has a name unknown at plan time; which encryption policy matches it, and so its key, cannot be verified", [c.address])
}
