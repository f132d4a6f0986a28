package leakguard.rules.aws.elb.listener_tls_test

import data.leakguard.rules.aws.elb.listener_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

lb(values) := t.resource("aws_lb.shop", object.union({"name": "shop", "load_balancer_type": "application"}, values), {})

refs := {"load_balancer_arn": ["aws_lb.shop"]}

listener(name, values) := t.resource(sprintf("aws_lb_listener.%s", [name]), object.union({"load_balancer_arn": "${aws_lb.shop.arn}", "port": 80}, values), refs)

forward := [{"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:us-west-2:111122223333:targetgroup/web/73e2d6bc24d8a067"}]

to_https := [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]

failing_input := t.with_index([lb({}), listener("http", {"protocol": "HTTP", "default_action": forward})])

msg(name, where, problem) := sprintf("Load balancer listener aws_lb_listener.%s leaves customer traffic readable in transit (%s): %s", [name, where, problem])

test_http_forward_on_internet_facing_fails if {
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: its default action is a forward action")]} with input as failing_input

	# Protocol unset: HTTP, the provider's default for an ALB.
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: its default action is a forward action")]} with input as t.with_index([lb({"internal": false}), listener("http", {"default_action": forward})])
}

test_http_redirect_to_https_passes if {
	count(rule.deny) == 0 with input as t.with_index([lb({}), listener("http", {"protocol": "HTTP", "default_action": to_https})])
}

# A fixed 404 on HTTP, with a rule redirecting the shop's hosts to HTTPS (audit j2).
test_http_fixed_response_passes if {
	l := listener("http", {"protocol": "HTTP", "default_action": [{"type": "fixed-response", "fixed_response": [{"content_type": "text/plain", "message_body": "Not Found", "status_code": "404"}]}]})
	r := t.resource("aws_lb_listener_rule.shop", {"listener_arn": "${aws_lb_listener.http.arn}", "action": to_https}, {"listener_arn": ["aws_lb_listener.http"]})
	count(rule.deny) == 0 with input as t.with_index([lb({}), l, r])
	authenticating := t.resource("aws_lb_listener_rule.login", {"listener_arn": "${aws_lb_listener.http.arn}", "action": [{"type": "authenticate-cognito"}]}, {"listener_arn": ["aws_lb_listener.http"]})
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: rule aws_lb_listener_rule.login answers with an authenticate-cognito action")]} with input as t.with_index([lb({}), l, authenticating])
}

test_redirect_keeping_http_fails if {
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: its default action is a redirect to #{protocol}")]} with input as t.with_index([lb({}), listener("http", {"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"host": "www.example.com"}]}]})])
}

test_listener_rule_forwarding_on_http_fails if {
	l := listener("http", {"protocol": "HTTP", "default_action": to_https})
	r := t.resource("aws_lb_listener_rule.api", {"listener_arn": "${aws_lb_listener.http.arn}", "action": forward}, {"listener_arn": ["aws_lb_listener.http"]})
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: rule aws_lb_listener_rule.api answers with a forward action")]} with input as t.with_index([lb({}), l, r])
}

test_internal_load_balancer_passes if {
	count(rule.deny) == 0 with input as t.with_index([lb({"internal": true}), listener("http", {"protocol": "HTTP", "default_action": forward})])
}

test_tls_policies if {
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.https", msg("https", "it faces the internet", "its ssl_policy ELBSecurityPolicy-TLS-1-0-2015-04 accepts TLS below 1.2")]} with input as t.with_index([lb({}), listener("https", {"protocol": "HTTPS", "port": 443, "ssl_policy": "ELBSecurityPolicy-TLS-1-0-2015-04", "default_action": forward})])
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.https", msg("https", "it faces the internet", "its ssl_policy is not set: the default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1")]} with input as t.with_index([lb({}), listener("https", {"protocol": "HTTPS", "port": 443, "default_action": forward})])
	every p in ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09"] {
		count(rule.deny) == 0 with input as t.with_index([lb({}), listener("https", {"protocol": "HTTPS", "port": 443, "ssl_policy": p, "default_action": forward})])
	}
}

test_load_balancer_not_in_input_fails if {
	l := t.resource("aws_lb_listener.http", {"load_balancer_arn": "arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/app/shop/50dc6c495c0c9188", "protocol": "HTTP", "default_action": forward}, {})
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "its load balancer is not in this input, so it may face the internet", "it serves plain HTTP: its default action is a forward action")]} with input as t.with_index([l])
}

test_unknown_fails if {
	unknown_actions := object.union(listener("http", {"protocol": "HTTP"}), {"unknown": ["default_action"]})
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: its default action is not readable before apply")]} with input as t.with_index([lb({}), unknown_actions])
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "its load balancer's internal flag is not readable before apply", "its protocol is not readable before apply")]} with input as t.with_index([lb({"internal": "${var.internal}"}), listener("http", {"protocol": "${var.protocol}", "default_action": forward})])
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.http", msg("http", "it faces the internet", "it serves plain HTTP: its default action is an action type not readable before apply")]} with input as t.with_index([lb({}), listener("http", {"protocol": "HTTP", "default_action": [{"type": "${var.action}"}]})])
	k.summary(rule.deny) == {["aws-lb-listener-tls", "test/aws_lb_listener.https", msg("https", "it faces the internet", "its ssl_policy is not readable before apply")]} with input as t.with_index([lb({}), listener("https", {"protocol": "HTTPS", "ssl_policy": "${var.policy}", "default_action": forward})])
}
