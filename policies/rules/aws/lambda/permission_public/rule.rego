# METADATA
# title: Lambda function invocable by every principal
# description: |
#   An aws_lambda_permission with principal "*" and nothing restricting the caller (no
#   source_arn, source_account or principal_org_id) lets every AWS account invoke the
#   function, and through a function URL with authorization type NONE, anyone on the
#   internet: a function that reads customer data answers strangers, bypassing API Gateway
#   validation and WAF. A service principal (apigateway.amazonaws.com, s3.amazonaws.com)
#   without source_arn or source_account lets that service invoke it for any account's API or
#   bucket (the confused deputy AWS documents). Found in public Lambda and API Gateway modules'
#   leaky calls, which no rule reported.
#   Unknowns: a principal unknown at plan time is not proven and is reported; a restricting
#   argument set by reference counts as set.
# custom:
#   id: aws-lambda-permission-public
#   control: api-input-validation
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure development and coding practices
#   remediation: |
#     Name the caller: a service principal with source_arn (and source_account), an account
#     or role ARN, or principal_org_id for the organization. Expose a public API through API
#     Gateway with a validator and a WAF instead of a function open to everyone.
#   construct: IamAuthFunction
#   example: |
#     resource "aws_lambda_permission" "api_gateway" {
#       statement_id  = "AllowApiGateway"
#       action        = "lambda:InvokeFunction"
#       function_name = "orders-api"
#       principal     = "apigateway.amazonaws.com"
#       source_arn    = "arn:aws:execute-api:us-west-2:111122223333:a1b2c3d4e5/*/POST/orders"
#     }
package leakguard.rules.aws.lambda.permission_public

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

restrictions := ["source_arn", "source_account", "principal_org_id"]

restricted(p) if {
	some a in restrictions
	resources.configured(p, a)
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_lambda_permission")
	p.values.principal == "*"
	not restricted(p)
	msg := sprintf("Lambda permission %s lets every principal invoke %s (principal \"*\" without source_arn, source_account or principal_org_id)", [p.address, function_of(p)])
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_lambda_permission")
	unreadable_principal(p)
	not restricted(p)
	msg := sprintf("Lambda permission %s has a principal unknown at plan time; that it does not let every principal invoke %s cannot be verified", [p.address, function_of(p)])
}

deny contains finding.new(rego.metadata.chain(), p, msg) if {
	some p in resources.of_type("aws_lambda_permission")
	service := p.values.principal
	is_string(service)
	endswith(service, ".amazonaws.com")
	not restricted(p)
	msg := sprintf("Lambda permission %s lets %s invoke %s for any account's resources (no source_arn or source_account)", [p.address, service, function_of(p)])
}

unreadable_principal(p) if resources.unknown_at(p, "principal")

unreadable_principal(p) if resources.interpolated(p, "principal")

function_of(p) := f if {
	f := p.values.function_name
	resources.literal(f)
} else := "its function"
