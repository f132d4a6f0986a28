# METADATA
# title: Lambda function URL without authentication
# description: |
#   A function URL with authorization_type "NONE" is a public HTTPS endpoint anyone can
#   call, bypassing API Gateway validation and WAF.
#   Unknowns: an authorization type unknown at plan time is not proven and is reported.
# custom:
#   id: aws-lambda-url-auth
#   control: api-input-validation
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach)
#   audit_component: Access controls; secure development and coding practices
#   remediation: |
#     Set authorization_type = "AWS_IAM", or expose the function through API Gateway.
#   construct: IamAuthFunction
#   fix:
#     summary: Require IAM authentication on the function URL
#     edits:
#       - set: { authorization_type: '"AWS_IAM"' }
#     cdktf:
#       option: "functionUrlAuthType: 'AWS_IAM' (the only type IamAuthFunction accepts)"
#       snippet: |
#         new IamAuthFunction(this, 'orders-api', { name: 'orders-api', code: { s3Bucket: 'shop-artifacts', s3Key: 'orders-api.zip' }, functionUrl: true, functionUrlAuthType: 'AWS_IAM' });
#   example: |
#     resource "aws_lambda_function_url" "orders" {
#       function_name      = aws_lambda_function.orders.function_name
#       authorization_type = "AWS_IAM"
#     }
#
#     resource "aws_lambda_permission" "frontend_url" {
#       statement_id           = "FrontendInvokeUrl"
#       action                 = "lambda:InvokeFunctionUrl"
#       function_name          = aws_lambda_function.orders.function_name
#       principal              = "arn:aws:iam::111122223333:role/frontend"
#       function_url_auth_type = "AWS_IAM"
#     }
package leakguard.rules.aws.lambda.function_url_auth

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

deny contains finding.new(rego.metadata.chain(), u, msg) if {
	some u in resources.of_type("aws_lambda_function_url")
	u.values.authorization_type == "NONE"
	msg := sprintf("Lambda function URL %s accepts unauthenticated calls (authorization_type NONE)", [u.address])
}

deny contains finding.new(rego.metadata.chain(), u, msg) if {
	some u in resources.of_type("aws_lambda_function_url")
	resources.unknown_at(u, "authorization_type")
	msg := sprintf("Lambda function URL %s has an authorization type unknown at plan time", [u.address])
}
