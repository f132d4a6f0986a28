# METADATA
# title: Application Load Balancer passing invalid HTTP headers to its targets
# description: |
#   An Application Load Balancer routes requests whose header fields are not valid HTTP to its
#   targets unless drop_invalid_header_fields = true (the provider's default is false). Such
#   headers are how HTTP desync (request smuggling) attacks make the load balancer and a
#   target read one request differently, so that a request reaches a path the routing rules
#   were meant to keep it from, or another shopper's response is served. aws_lb and aws_alb
#   of type application (the default), internal ones included; Network and Gateway Load
#   Balancers do not read HTTP headers.
#   Unknowns: a drop_invalid_header_fields or a load_balancer_type configured but not readable
#   before apply is reported as not verifiable.
# custom:
#   id: aws-lb-drop-invalid-headers
#   control: api-input-validation
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Secure development and coding practices; network defences
#   remediation: |
#     Set drop_invalid_header_fields = true on the load balancer (changes in place).
#   construct: HttpsLoadBalancer
#   fix:
#     summary: Drop header fields that are not valid HTTP at the load balancer
#     edits:
#       - set: { drop_invalid_header_fields: "true" }
#     cdktf:
#       option: "HttpsLoadBalancer always drops invalid header fields"
#       snippet: |
#         new HttpsLoadBalancer(this, 'shop', { name: 'shop', subnetIds: publicSubnetIds, securityGroupIds: [albSecurityGroup.id], certificateArn: certificate.arn, targetGroupArn: webTargets.arn, accessLogBucket: albLogs.bucket });
#   example: |
#     resource "aws_lb" "shop" {
#       name                       = "shop"
#       load_balancer_type         = "application"
#       subnets                    = var.public_subnet_ids
#       security_groups            = [aws_security_group.lb.id]
#       drop_invalid_header_fields = true
#     }
package leakguard.rules.aws.elb.drop_invalid_headers

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# The provider does not compute it: unknown at plan time, it is configured.
unknown_flag(lb) if resources.unresolved(lb, "drop_invalid_header_fields")

unknown_flag(lb) if resources.unknown_at(lb, "drop_invalid_header_fields")

unknowns(lb) := [what | some what in ["drop_invalid_header_fields", "load_balancer_type"]; unknown_part(lb, what)]

unknown_part(lb, "drop_invalid_header_fields") if unknown_flag(lb)

unknown_part(lb, "load_balancer_type") if resources.lb_type(lb) == "unknown"

deny contains finding.new(rego.metadata.chain(), lb, msg) if {
	some lb in resources.load_balancers
	resources.lb_type(lb) == "application"
	not lb.values.drop_invalid_header_fields == true
	not unknown_flag(lb)
	msg := sprintf("Application Load Balancer %s routes requests with invalid HTTP header fields to its targets (drop_invalid_header_fields is not true); such headers carry request smuggling past its routing", [lb.address])
}

deny contains finding.new(rego.metadata.chain(), lb, msg) if {
	some lb in resources.load_balancers
	resources.lb_type(lb) in {"application", "unknown"}
	not lb.values.drop_invalid_header_fields == true
	count(unknowns(lb)) > 0
	msg := sprintf("Load balancer %s has %s unknown at plan time; that it drops invalid HTTP header fields cannot be verified", [lb.address, concat(" and ", unknowns(lb))])
}
