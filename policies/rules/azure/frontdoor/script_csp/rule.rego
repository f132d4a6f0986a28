# METADATA
# title: Front Door checkout/account routes without a strict script CSP
# description: |
#   Routes whose patterns lie within script_control_path_patterns (default /account*,
#   /checkout*) must use a rule set (cdn_frontdoor_rule_set_ids) with an
#   azurerm_cdn_frontdoor_rule that sets a Content-Security-Policy response header (action
#   Overwrite or Append) whose script-src (or default-src) has no "*" wildcard and no
#   'unsafe-inline'. Infrastructure-side mitigation only (advisory).
#   Unknowns: rule sets or header values unknown at plan time cannot be shown to send the
#   header and are reported; patterns set from another resource, a variable without a value
#   or an expression cannot be shown to leave out the script-controlled paths, and a route
#   with them and a script problem is reported.
# custom:
#   id: azure-frontdoor-script-csp
#   control: third-party-script-control
#   cloud: azure
#   severity: low
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#     - Cal. Civ. Code §1798.100(e) (reasonable security for personal information)
#   audit_component: Oversight of service providers and third parties; secure configuration of hardware and software
#   remediation: |
#     Add an azurerm_cdn_frontdoor_rule with actions { response_header_action { header_action
#     = "Overwrite", header_name = "Content-Security-Policy", value = "script-src 'self' …" } }
#     and attach its rule set to the route.
#   construct: SecureFrontDoor
#   example: |
#     resource "azurerm_cdn_frontdoor_rule" "strict_csp" {
#       name                      = "strictcsp"
#       cdn_frontdoor_rule_set_id = azurerm_cdn_frontdoor_rule_set.security_headers.id
#       order                     = 1
#       actions {
#         response_header_action {
#           header_action = "Overwrite"
#           header_name   = "Content-Security-Policy"
#           value         = "default-src 'self'; script-src 'self' https://js.stripe.com"
#         }
#       }
#     }
#     # On the routes serving /checkout* and /account*:
#     #   cdn_frontdoor_rule_set_ids = [azurerm_cdn_frontdoor_rule_set.security_headers.id]
package leakguard.rules.azure.frontdoor.script_csp

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

patterns := config.settings.script_control_path_patterns

csp_values(route) := [v |
	some rule_set in resources.linked_to(route, "cdn_frontdoor_rule_set_ids")
	some rule in resources.linked_from(rule_set, "azurerm_cdn_frontdoor_rule", "cdn_frontdoor_rule_set_id")
	some a in resources.path_values(rule.values, "actions.response_header_action")
	some action in resources.objects(a)
	lower(object.get(action, "header_name", "")) == "content-security-policy"
	object.get(action, "header_action", "") in {"Overwrite", "Append"}
	v := object.get(action, "value", null)
	is_string(v)
]

problems(route) := {"no Content-Security-Policy response header"} if count(csp_values(route)) == 0

problems(route) := {p | some v in csp_values(route); some p in resources.csp_script_problems(v)} if count(csp_values(route)) > 0

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	some p in resources.as_list(object.get(r.values, "patterns_to_match", null))
	resources.within_patterns(p, patterns)
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("Front Door route %s (%s) lets third-party scripts run unrestricted: %s", [r.address, p, concat(", ", sort(ps))])
}

# Patterns set from another resource, a variable without a value or an expression (none of
# the known ones script-controlled): the route may serve a script-controlled path.
deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_cdn_frontdoor_route")
	resources.unresolved_list(r, "patterns_to_match")
	not controlled_pattern(r)
	ps := problems(r)
	count(ps) > 0
	msg := sprintf("Front Door route %s has patterns_to_match unknown at plan time; that it serves no script-controlled path (%s) without a strict script policy (%s) cannot be verified", [r.address, concat(", ", patterns), concat(", ", sort(ps))])
}

controlled_pattern(r) if {
	some p in resources.as_list(object.get(r.values, "patterns_to_match", null))
	resources.within_patterns(p, patterns)
}
