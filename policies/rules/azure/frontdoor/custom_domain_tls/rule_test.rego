package leakguard.rules.azure.frontdoor.custom_domain_tls_test

import data.leakguard.rules.azure.frontdoor.custom_domain_tls as rule
import data.leakguard.testkit as k
import data.leakguard.testutil as t
import rego.v1

fd_domain(tls) := k.az("azurerm_cdn_frontdoor_custom_domain.shop", {"host_name": "shop.example.com", "tls": tls}, {})

cdn_domain(values) := k.az("azurerm_cdn_endpoint_custom_domain.shop", object.union({"host_name": "shop.example.com"}, values), {})

failing_input := t.with_index([fd_domain([{"certificate_type": "ManagedCertificate", "minimum_tls_version": "TLS10"}])])

test_front_door_tls10_fails if {
	k.summary(rule.deny) == {["azure-frontdoor-custom-domain-tls", "test/azurerm_cdn_frontdoor_custom_domain.shop", "Custom domain azurerm_cdn_frontdoor_custom_domain.shop accepts TLS below 1.2: tls.minimum_tls_version = TLS10"]} with input as failing_input
}

test_front_door_tls12_and_default_pass if {
	count(rule.deny) == 0 with input as t.with_index([fd_domain([{"certificate_type": "ManagedCertificate", "minimum_tls_version": "TLS12"}])])
	count(rule.deny) == 0 with input as t.with_index([fd_domain({"certificate_type": "ManagedCertificate"})])
}

test_cdn_custom_domain if {
	count(rule.deny) == 1 with input as t.with_index([cdn_domain({"cdn_managed_https": [{"certificate_type": "Dedicated", "protocol_type": "ServerNameIndication", "tls_version": "None"}]})])
	count(rule.deny) == 0 with input as t.with_index([cdn_domain({"user_managed_https": {"key_vault_secret_id": "x", "tls_version": "TLS12"}})])
	k.summary(rule.deny) == {["azure-frontdoor-custom-domain-tls", "test/azurerm_cdn_endpoint_custom_domain.shop", "Custom domain azurerm_cdn_endpoint_custom_domain.shop has no HTTPS settings (cdn_managed_https or user_managed_https), so it is served over HTTP only"]} with input as t.with_index([cdn_domain({})])
}

test_unknown_fails if {
	count(rule.deny) == 1 with input as t.with_index([k.unknown(fd_domain([{"certificate_type": "ManagedCertificate"}]), ["tls.minimum_tls_version"])])
}
