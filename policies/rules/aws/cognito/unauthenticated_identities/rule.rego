# METADATA
# title: Cognito identity pool that gives AWS credentials to anyone
# description: |
#   allow_unauthenticated_identities = true lets any visitor, without signing in, call
#   GetId and GetCredentialsForIdentity on the identity pool and receive temporary AWS
#   credentials of its unauthenticated role: whatever that role may read (an orders bucket, a
#   customer table) is readable by anyone on the internet who finds the pool's id in the shop's
#   web or mobile app, where it is always shipped. Guest access is off when the argument is
#   left out.
#   Unknowns: an allow_unauthenticated_identities set but not readable before apply is
#   reported as not verifiable.
# custom:
#   id: aws-cognito-unauthenticated-identities
#   control: iam-least-privilege
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls and least privilege
#   remediation: |
#     Set allow_unauthenticated_identities = false (the default) and give credentials only to
#     customers signed in through the user pool; where guests must call AWS, waive the pool and
#     keep its unauthenticated role to actions that read no customer data.
#   construct: CustomerIdentityPool
#   fix:
#     summary: Give AWS credentials only to signed-in customers
#     edits:
#       - set: { allow_unauthenticated_identities: 'false' }
#     cdktf:
#       option: "guest access is always off in CustomerIdentityPool"
#       snippet: |
#         new CustomerIdentityPool(this, 'shoppers-identities', { name: 'shoppers', userPool: shoppers, clientId: shoppersClient.id });
#   runbook:
#     exposure: Anyone who knows the identity pool's id (it ships in the shop's web and mobile apps) could obtain AWS credentials of its unauthenticated role without signing in, and use whatever that role may do
#     preserve:
#       - do: Record the pool's configuration as it is now
#         run: aws cognito-identity describe-identity-pool --identity-pool-id {{fill.identity-pool-id}} --region {{region}}
#       - do: Record the roles the pool hands out (the unauthenticated role's policies decide what was exposed)
#         run: aws cognito-identity get-identity-pool-roles --identity-pool-id {{fill.identity-pool-id}} --region {{region}}
#       - do: Export the credential requests made during the exposure window
#         run: aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GetCredentialsForIdentity --start-time {{window_start}} --end-time {{window_end}} --region {{region}}
#     contain:
#       - do: Set allow_unauthenticated_identities = false in the code and apply it. Do not switch it by hand with update-identity-pool, which resets every setting the call does not repeat
#       - do: Revoke the credentials already handed out by making the unauthenticated role refuse sessions issued before now (an aws:TokenIssueTime condition in an inline deny policy)
#     verify:
#       - do: AllowUnauthenticatedIdentities reads false
#         run: aws cognito-identity describe-identity-pool --identity-pool-id {{fill.identity-pool-id}} --query AllowUnauthenticatedIdentities --region {{region}}
#   example: |
#     resource "aws_cognito_identity_pool" "shoppers" {
#       identity_pool_name               = "shoppers"
#       allow_unauthenticated_identities = false
#       allow_classic_flow               = false
#
#       cognito_identity_providers {
#         client_id               = aws_cognito_user_pool_client.shop.id
#         provider_name           = aws_cognito_user_pool.shoppers.endpoint
#         server_side_token_check = true
#       }
#     }
package leakguard.rules.aws.cognito.unauthenticated_identities

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

pools := resources.of_type("aws_cognito_identity_pool")

unknown(p) if resources.unresolved(p, "allow_unauthenticated_identities")

unknown(p) if resources.unknown_at(p, "allow_unauthenticated_identities")

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in pools
	not unknown(p)
	object.get(p.values, "allow_unauthenticated_identities", false) == true
	msg := sprintf("Cognito identity pool %s gives AWS credentials of its unauthenticated role to anyone who asks, without signing in (allow_unauthenticated_identities = true)", [p.address])
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in pools
	unknown(p)
	msg := sprintf("Cognito identity pool %s has an allow_unauthenticated_identities unknown at plan time; that it gives AWS credentials only to signed-in customers cannot be verified", [p.address])
}
