# METADATA
# title: Internet-facing load balancer listener serving plain HTTP or TLS below 1.2
# description: |
#   Shoppers' logins, session cookies, addresses and card-entry pages reach an e-commerce site
#   through its load balancer's listeners. On a load balancer that faces the internet
#   (internal = false, the default) an HTTP listener must only redirect to HTTPS (or answer
#   with a fixed response, which holds no customer data): one that forwards or authenticates
#   (itself or through a listener rule) sends customer data across the internet in clear. An HTTPS or TLS listener must name an
#   ssl_policy that refuses TLS 1.0 and 1.1: ELBSecurityPolicy-TLS13-1-2-*,
#   ELBSecurityPolicy-TLS13-1-3-*, ELBSecurityPolicy-TLS-1-2-* or ELBSecurityPolicy-FS-1-2-*
#   (ELBSecurityPolicy-2016-08, the provider's default when ssl_policy is not set, still
#   accepts TLS 1.0). Internal load balancers are judged by the network rules, not here.
#   Unknowns: a protocol, action type, redirect protocol, ssl_policy or internal flag
#   configured but not readable before apply is reported, as is a listener whose load
#   balancer is not in the input (whether it faces the internet cannot be shown).
# custom:
#   id: aws-lb-listener-tls
#   control: storage-encryption
#   cloud: aws
#   severity: high
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.150 (private right of action after a breach of unencrypted data)
#   audit_component: Encryption of personal information (in transit)
#   remediation: |
#     Make the HTTP listener's default action a redirect { protocol = "HTTPS", port = "443",
#     status_code = "HTTP_301" } and serve the site from an HTTPS listener with ssl_policy =
#     "ELBSecurityPolicy-TLS13-1-2-2021-06" (both change in place).
#   construct: HttpsLoadBalancer
#   fix:
#     summary: Answer plain HTTP with a redirect to HTTPS only, and serve TLS 1.2 or later (ELBSecurityPolicy-TLS13-1-2-2021-06)
#     edits:
#       - when: { name: protocol, values: [HTTPS, TLS] }
#         set: { ssl_policy: '"ELBSecurityPolicy-TLS13-1-2-2021-06"' }
#       - when: { name: protocol, values: [HTTP] }
#         nested: default_action
#         set: { type: '"redirect"', target_group_arn: 'null' }
#       - when: { name: protocol, values: [HTTP] }
#         nested: default_action.redirect
#         set: { protocol: '"HTTPS"', port: '"443"', status_code: '"HTTP_301"' }
#     cdktf:
#       option: "HttpsLoadBalancer serves HTTPS with ELBSecurityPolicy-TLS13-1-2-2021-06 and answers HTTP with a redirect only"
#       snippet: |
#         new HttpsLoadBalancer(this, 'shop', { name: 'shop', subnetIds: publicSubnetIds, securityGroupIds: [albSecurityGroup.id], certificateArn: certificate.arn, targetGroupArn: webTargets.arn, accessLogBucket: albLogs.bucket });
#   example: |
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = "arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/app/shop/50dc6c495c0c9188"
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = "arn:aws:acm:us-west-2:111122223333:certificate/12345678-1234-1234-1234-123456789012"
#       default_action {
#         type             = "forward"
#         target_group_arn = "arn:aws:elasticloadbalancing:us-west-2:111122223333:targetgroup/web/73e2d6bc24d8a067"
#       }
#     }
package leakguard.rules.aws.elb.listener_tls

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import data.leakguard.lib.stores
import rego.v1

listener_types := {"aws_lb_listener", "aws_alb_listener"}

lb_types := {"aws_lb", "aws_alb"}

rule_types := {"aws_lb_listener_rule", "aws_alb_listener_rule"}

# Policies that refuse TLS 1.0 and 1.1.
modern_policy(p) if regex.match(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`, p)

# The listener's load balancer: "internet", "internal", "unknown" (internal not readable) or
# "absent" (not in the input).
exposure(l) := "absent" if {
	count([b | some b in resources.linked_to(l, "load_balancer_arn"); b.type in lb_types]) == 0
} else := "unknown" if {
	some b in resources.linked_to(l, "load_balancer_arn")
	b.type in lb_types
	stores.setting(b, "internal") == "unknown"
} else := "internet" if {
	some b in resources.linked_to(l, "load_balancer_arn")
	b.type in lb_types
	stores.setting(b, "internal") in {"off", "unset"}
} else := "internal"

# A listener's protocol; an unset one is HTTP (the provider's default for an ALB).
protocol(l) := "HTTP" if stores.text(l, "protocol") == ""

else := stores.text(l, "protocol")

# A literal a nested block holds: not an unknown (absent from a plan) or an interpolation.
literal(v) if {
	is_string(v)
	not contains(v, "${")
}

article(word) := "an" if regex.match(`^[aeiou]`, word)

else := "a"

# What an action does over plain HTTP; undefined for a redirect to HTTPS and a fixed response
# (the listener's own static text: a 404 page). A redirect that keeps the protocol
# (#{protocol}, its default) stays on plain HTTP.
plain(a) := "an action type not readable before apply" if {
	not literal(object.get(a, "type", null))
} else := sprintf("%s %s action", [article(a.type), a.type]) if {
	not a.type in {"redirect", "fixed-response"}
} else := "a redirect to a protocol not readable before apply" if {
	some r in object.get(a, "redirect", [])
	not literal(object.get(r, "protocol", "#{protocol}"))
} else := sprintf("a redirect to %s", [p]) if {
	some r in object.get(a, "redirect", [])
	p := object.get(r, "protocol", "#{protocol}")
	p != "HTTPS"
}

plain_actions(l) := (({sprintf("its default action is %s", [w]) | some a in resources.blocks_at(l, "default_action"); w := plain(a)} | {sprintf("rule %s answers with %s", [r.address, w]) |
	some r in listener_rules(l)
	some a in resources.blocks_at(r, "action")
	w := plain(a)
}) | {"its default action is not readable before apply" | unreadable_actions(l, "default_action")}) | {sprintf("rule %s has an action not readable before apply", [r.address]) |
	some r in listener_rules(l)
	unreadable_actions(r, "action")
}

listener_rules(l) := [r | some t in rule_types; some r in resources.linked_from(l, t, "listener_arn")]

# Actions written from what only apply knows (a dynamic block over a variable's list, a
# module input): a plan shows the whole block unknown.
unreadable_actions(r, path) if resources.unresolved(r, path)

unreadable_actions(r, path) if resources.unknown_at(r, path)

problem(_, "unknown") := "its protocol is not readable before apply"

problem(l, "HTTP") := sprintf("it serves plain HTTP: %s", [concat("; ", sort(plain_actions(l)))]) if count(plain_actions(l)) > 0

problem(l, p) := "its ssl_policy is not readable before apply" if {
	p in {"HTTPS", "TLS"}
	resources.unresolved(l, "ssl_policy")
} else := "its ssl_policy is not set: the default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1" if {
	p in {"HTTPS", "TLS"}
	stores.text(l, "ssl_policy") == ""
} else := sprintf("its ssl_policy %s accepts TLS below 1.2", [s]) if {
	p in {"HTTPS", "TLS"}
	s := stores.text(l, "ssl_policy")
	not s in {"", "unknown"}
	not modern_policy(s)
}

where("absent") := "its load balancer is not in this input, so it may face the internet"

where("unknown") := "its load balancer's internal flag is not readable before apply"

where("internet") := "it faces the internet"

deny contains finding.new(rego.metadata.chain(), l, msg) if {
	some t in listener_types
	some l in resources.of_type(t)
	e := exposure(l)
	e != "internal"
	p := problem(l, protocol(l))
	msg := sprintf("Load balancer listener %s leaves customer traffic readable in transit (%s): %s", [l.address, where(e), p])
}
