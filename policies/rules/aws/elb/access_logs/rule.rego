# METADATA
# title: Load balancer without access logs
# description: |
#   A load balancer's access logs record every request that reaches the shop through it:
#   the client's address, the path, the status and the target that answered. Without them,
#   which customer records an attacker fetched through the storefront cannot be established,
#   and a breach cannot be scoped for notice. Application Load Balancers (aws_lb and aws_alb,
#   whose load_balancer_type defaults to application) need access_logs with enabled = true:
#   the provider defaults enabled to false even when the block names a bucket. Classic Load
#   Balancers (aws_elb) need an access_logs block, whose enabled defaults to true. Internal
#   load balancers are judged too: they carry customer data between services. Network Load
#   Balancers log only TLS connections and Gateway Load Balancers nothing; neither is judged
#   here.
#   Unknowns: an enabled flag, an access_logs block or a load_balancer_type not readable before
#   apply is reported as not verifiable (the provider computes none of them, so unknown means
#   configured: a dynamic block over what only apply knows); a bucket set by reference counts as
#   set.
# custom:
#   id: aws-lb-access-logs
#   control: central-audit-correlation
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.82 (breach notice, which needs to know what was accessed)
#   audit_component: Audit-log management; monitoring of access to personal information
#   remediation: |
#     Add access_logs { bucket = aws_s3_bucket.lb_logs.id, prefix = "<name>", enabled = true }
#     to the load balancer (the bucket's policy must let the region's ELB account write).
#   construct: HttpsLoadBalancer
#   example: |
#     resource "aws_lb" "shop" {
#       name                       = "shop"
#       load_balancer_type         = "application"
#       subnets                    = var.public_subnet_ids
#       security_groups            = [aws_security_group.lb.id]
#       drop_invalid_header_fields = true
#
#       access_logs {
#         bucket  = aws_s3_bucket.lb_logs.id
#         prefix  = "shop"
#         enabled = true
#       }
#     }
package leakguard.rules.aws.elb.access_logs

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

# The provider computes neither the block nor enabled: unknown at plan time, they are configured
# (a dynamic block over what only apply knows, in a plan checked alone too).
unknown_flag(r) if resources.unresolved(r, "access_logs")

unknown_flag(r) if resources.unresolved(r, "access_logs.enabled")

unknown_flag(r) if resources.unknown_at(r, "access_logs.enabled")

# The mistake the provider's default invites: the block written, enabled left out.
why(lb) := " (access_logs is written, but enabled is not true: it defaults to false)" if {
	count(resources.blocks_at(lb, "access_logs")) > 0
} else := ""

deny contains finding.new(rego.metadata.chain(), lb, msg) if {
	some lb in resources.load_balancers
	resources.lb_type(lb) == "application"
	not resources.any_true(lb, "access_logs.enabled")
	not unknown_flag(lb)
	msg := sprintf("Application Load Balancer %s does not write access logs%s; which requests reached the shop through it cannot be traced", [lb.address, why(lb)])
}

deny contains finding.new(rego.metadata.chain(), lb, msg) if {
	some lb in resources.load_balancers
	resources.lb_type(lb) in {"application", "unknown"}
	not resources.any_true(lb, "access_logs.enabled")
	count(unknowns(lb)) > 0
	msg := sprintf("Load balancer %s has %s unknown at plan time; that it writes access logs cannot be verified", [lb.address, concat(" and ", unknowns(lb))])
}

unknowns(lb) := [what | some what in ["access_logs", "load_balancer_type"]; unknown_part(lb, what)]

unknown_part(lb, "access_logs") if unknown_flag(lb)

unknown_part(lb, "load_balancer_type") if resources.lb_type(lb) == "unknown"

# Classic: a block is enough, enabled defaults to true.
classic_logged(elb) if {
	not unknown_flag(elb)
	some b in resources.blocks_at(elb, "access_logs")
	not b.enabled == false
}

deny contains finding.new(rego.metadata.chain(), elb, msg) if {
	some elb in resources.of_type("aws_elb")
	not classic_logged(elb)
	not unknown_flag(elb)
	msg := sprintf("Classic Load Balancer %s does not write access logs; which requests reached the shop through it cannot be traced", [elb.address])
}

deny contains finding.new(rego.metadata.chain(), elb, msg) if {
	some elb in resources.of_type("aws_elb")
	not classic_logged(elb)
	unknown_flag(elb)
	msg := sprintf("Load balancer %s has access_logs unknown at plan time; that it writes access logs cannot be verified", [elb.address])
}
