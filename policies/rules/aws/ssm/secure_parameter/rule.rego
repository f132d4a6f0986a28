# METADATA
# title: SSM parameter holding a secret is not a SecureString under a customer-managed key
# description: |
#   String and StringList parameters are stored and shown in plain text to anyone with
#   ssm:GetParameter or console access. A parameter whose name looks like a credential
#   (secret_parameter_name_patterns) or that is classified as personal information must be
#   a SecureString; a SecureString without key_id uses the AWS-managed aws/ssm key. A
#   customer-managed key is required unless the parameter is classified as holding no
#   personal information.
#   Unknowns: a type not readable before apply is reported for secret-looking parameters; a
#   key set by reference or expression counts as a customer-managed key.
# custom:
#   id: aws-ssm-parameter-secure
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   data_stores:
#     check: encryption-at-rest
#     types: [aws_ssm_parameter]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information; account and credential management
#   remediation: |
#     Use type = "SecureString" with key_id = aws_kms_key.x.arn (or move the credential to
#     Secrets Manager).
#   construct: HardenedSecret
#   fix:
#     summary: Store the parameter as a SecureString under a customer-managed key (aws_kms_key named after it, added unless it exists)
#     edits:
#       - set: { type: '"SecureString"', key_id: 'aws_kms_key.{{name}}.arn' }
#         create: |
#           resource "aws_kms_key" "{{name}}" {
#             description         = "customer-managed key of {{ref}}"
#             enable_key_rotation = true
#           }
#     cdktf:
#       option: "keep the secret in a HardenedSecret (Secrets Manager under a customer-managed key) instead of an SSM String parameter"
#       snippet: |
#         new HardenedSecret(this, 'db-password', { name: 'shop/orders/db-password' });
#   example: |
#     resource "aws_ssm_parameter" "payments_api_token" {
#       name   = "/shop/payments/api-token"
#       type   = "SecureString"
#       key_id = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       value  = "placeholder-rotated-by-the-payments-team"
#       lifecycle {
#         ignore_changes = [value]
#       }
#     }
package leakguard.rules.aws.ssm.secure_parameter

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

secret_name(name) if {
	some pattern in stores.settings.secret_parameter_name_patterns
	glob.match(lower(pattern), null, lower(name))
}

sensitive(r) if secret_name(r.values.name)

sensitive(r) if resources.is_pii(r)

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("aws_ssm_parameter")
	msg := message(r, stores.text(r, "type"))
}

message(r, "unknown") := sprintf("SSM parameter %s looks like a secret and its type is unknown before apply; it cannot be shown to be a SecureString", [r.address]) if sensitive(r)

message(r, t) := sprintf("SSM parameter %s looks like a secret or holds personal information but is a %s stored in plain text: use a SecureString", [r.address, t]) if {
	t in {"String", "StringList"}
	sensitive(r)
}

message(r, "SecureString") := stores.key_message(r, "SSM SecureString parameter", "key_id")
