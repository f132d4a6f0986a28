# METADATA
# title: Lambda layer version shared with every AWS account
# description: |
#   An aws_lambda_layer_version_permission with principal "*" and no organization_id lets every
#   AWS account download the layer version (lambda:GetLayerVersion returns a link to its
#   code): the libraries, configuration and any credentials packaged into it are public.
#   With organization_id, "*" means every account of that organization, which is a
#   deliberate grant; so is a named account id.
#   Unknowns: a principal not readable before apply is reported unless organization_id
#   limits it; an organization_id set by reference counts as set (only an organization id is
#   accepted there).
# custom:
#   id: aws-lambda-layer-public
#   control: public-storage
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure configuration of hardware and software
#   remediation: |
#     Share the layer with the account ids that use it, or set organization_id with
#     principal "*" to share it within your organization; keep credentials out of layers.
#   construct: SharedLayer
#   runbook:
#     exposure: Every AWS account can download the layer version's code, and whatever configuration or credentials are packaged in it
#     preserve:
#       - do: Record the layer version's policy as it is now
#         run: aws lambda get-layer-version-policy --layer-name {{values.layer_name|fill.layer-name}} --version-number {{values.version_number|fill.version-number}} --region {{region}}
#       - do: Look up who downloaded or shared the layer in the exposure window (GetLayerVersion calls from other accounts show their account id)
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.layer_name|fill.layer-name}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Remove the public statement (rotate any credential the layer held, since anyone may have downloaded it)
#         run: aws lambda remove-layer-version-permission --layer-name {{values.layer_name|fill.layer-name}} --version-number {{values.version_number|fill.version-number}} --statement-id {{values.statement_id|fill.statement-id}} --region {{region}}
#     verify:
#       - do: The policy no longer has a statement for principal "*" without an organization condition
#         run: aws lambda get-layer-version-policy --layer-name {{values.layer_name|fill.layer-name}} --version-number {{values.version_number|fill.version-number}} --region {{region}}
#   example: |
#     resource "aws_lambda_layer_version_permission" "org" {
#       layer_name      = "arn:aws:lambda:us-west-2:111122223333:layer:shop-common"
#       version_number  = 3
#       statement_id    = "organization"
#       action          = "lambda:GetLayerVersion"
#       principal       = "*"
#       organization_id = "o-abcdef1234"
#     }
package leakguard.rules.aws.lambda.layer_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_lambda_layer_version_permission")
	not resources.configured(p, "organization_id")
	msg := message(p, stores.text(p, "principal"))
}

message(p, "*") := sprintf("%s shares %s with every AWS account (principal \"*\" without organization_id)", [p.address, layer_of(p)])

message(p, "unknown") := msg if {
	not resources.from_caller_identity(p, "principal")
	msg := sprintf("%s has a principal not readable before apply and no organization_id; %s cannot be shown not to be shared with every AWS account", [p.address, layer_of(p)])
}

layer_of(p) := sprintf("layer %s version %v", [p.values.layer_name, p.values.version_number]) if {
	resources.literal(p.values.layer_name)
	is_number(p.values.version_number)
} else := sprintf("layer %s", [p.values.layer_name]) if {
	resources.literal(p.values.layer_name)
} else := "the layer version it names"
