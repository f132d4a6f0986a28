# METADATA
# title: Storage account reachable from any network
# description: |
#   A storage account should refuse the public internet: public_network_access_enabled =
#   false, or network rules with default_action "Deny" (inline network_rules block or an
#   azurerm_storage_account_network_rules linked to the account). Both default to open.
#   Deny is no protection when ip_rules allow the internet: an entry "0.0.0.0/0" (or any
#   range above storage_ip_rule_max_addresses addresses) is reported too. Network rules
#   whose storage account is not in the input are checked on their own and reported on
#   themselves.
#   Unknowns: a default_action unknown at plan time cannot be shown Deny and is reported;
#   network_rules the provider only computes (not configured) count as absent.
# custom:
#   id: azure-storage-network-deny
#   control: public-storage
#   cloud: azure
#   severity: high
#   data_stores:
#     check: public-reachability
#     types: [azurerm_storage_account]
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Network monitoring and defences; segmentation
#   remediation: |
#     Set public_network_access_enabled = false (private endpoints), or add network_rules {
#     default_action = "Deny" } with the allowed subnets and IP ranges.
#   construct: HardenedStorageAccount
#   fix:
#     summary: Turn off public network access and deny by default in the network rules
#     edits:
#       - set: { public_network_access_enabled: false }
#       - nested: network_rules
#         set: { default_action: '"Deny"' }
#     cdktf:
#       option: "allowedSubnetIds / allowedIpRanges (public network access off, default action Deny)"
#       snippet: |
#         new HardenedStorageAccount(this, 'customers', { name: 'stshopcustomers', resourceGroupName: rg.name, location: 'westus2', allowedSubnetIds: [appSubnet.id], classification: 'pii' });
#   runbook:
#     exposure: The storage account accepts connections from every network; only keys and SAS tokens stand between the data and the internet
#     preserve:
#       - do: Save the account's settings and network rules as they are now
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}}
#       - do: Export the control-plane changes in the exposure window
#         run: az monitor activity-log list --resource-group {{values.resource_group_name}} --start-time {{window_start}} --end-time {{window_end}}
#       - do: Find the diagnostic setting that holds blob reads (StorageRead) and export them for the window
#         run: az monitor diagnostic-settings list --resource {{fill.storage-account-resource-id}}/blobServices/default
#     contain:
#       - do: Deny by default and turn off public network access (private endpoints keep working)
#         run: az storage account update --name {{values.name}} --resource-group {{values.resource_group_name}} --default-action Deny --public-network-access Disabled
#     verify:
#       - do: networkRuleSet.defaultAction reads Deny
#         run: az storage account show --name {{values.name}} --resource-group {{values.resource_group_name}} --query networkRuleSet.defaultAction
#   example: |
#     resource "azurerm_storage_account" "customers" {
#       name                          = "shopcustomers"
#       resource_group_name           = azurerm_resource_group.shop.name
#       location                      = azurerm_resource_group.shop.location
#       account_tier                  = "Standard"
#       account_replication_type      = "GRS"
#       public_network_access_enabled = false # reached through an azurerm_private_endpoint
#     }
#     # Or keep public access with network_rules { default_action = "Deny" } plus the allowed
#     # virtual_network_subnet_ids and ip_rules.
package leakguard.rules.azure.storage.network_default_deny

import data.leakguard.lib.config
import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

rules_type := "azurerm_storage_account_network_rules"

max_addresses := config.settings.storage_ip_rule_max_addresses

# The rule sets of an account as {r, prefix}: the inline block and linked network rules.
rule_sets(account) := array.concat(
	[{"r": account, "prefix": "network_rules."} | count(resources.blocks_at(account, "network_rules")) > 0],
	[{"r": n, "prefix": ""} | some n in attached(account)],
)

# Network rules linked by reference, or naming the account literally (brownfield code).
attached(account) := array.concat(resources.referrers(account, rules_type), [input.resources[k] |
	some k in object.get(named_rules, object.get(account.values, "name", ""), [])
])

named_rule_keys[name] contains n.key if {
	some n in resources.of_type(rules_type)
	name := account_name(n)
}

named_rules := {name: sort(keys) | some name, keys in named_rule_keys}

path(set, attr) := concat("", [set.prefix, attr])

denies(set) if {
	"Deny" in resources.values_at(set.r, path(set, "default_action"))
	not resources.unresolved(set.r, path(set, "default_action"))
}

undecided(set) if resources.unresolved(set.r, path(set, "default_action"))

undecided(set) if resources.unknown_at(set.r, path(set, "default_action"))

# ip_rules entries that open the account to the internet.
internet_ips(set) := {ip |
	some list in resources.values_at(set.r, path(set, "ip_rules"))
	some ip in resources.as_list(list)
	internet_wide(ip)
}

internet_wide(ip) if lower(ip) in {"*", "any", "internet", "0.0.0.0", "0.0.0.0/0"}

internet_wide(ip) if resources.internet_cidr(ip)

internet_wide(ip) if {
	parts := split(ip, "/")
	count(parts) == 2
	regex.match(`^[0-9]{1,2}$`, parts[1])
	bits.lsh(1, 32 - to_number(parts[1])) > max_addresses
}

open_ips(sets) := sort({ip | some set in sets; some ip in internet_ips(set)})

closed(r) if r.values.public_network_access_enabled == false

closed(r) if {
	sets := rule_sets(r)
	some set in sets
	denies(set)
	count(open_ips(sets)) == 0
}

unknown(r) if resources.unknown_at(r, "public_network_access_enabled")

unknown(r) if {
	some set in rule_sets(r)
	undecided(set)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some r in resources.of_type("azurerm_storage_account")
	not closed(r)
	msg := message(r)
}

message(r) := sprintf("Storage account %s has network access settings unknown at plan time; it cannot be shown closed to the internet", [r.address]) if unknown(r)

message(r) := sprintf("Storage account %s denies by default but its ip_rules allow the internet (%s)", [r.address, concat(", ", ips)]) if {
	not unknown(r)
	ips := open_ips(rule_sets(r))
	count(ips) > 0
}

message(r) := sprintf("Storage account %s accepts traffic from any network (public network access on, no network rules with default_action Deny)", [r.address]) if {
	not unknown(r)
	count(open_ips(rule_sets(r))) == 0
}

# Network rules whose storage account is not in the input are checked on their own.
account_present(n) if count(resources.linked_to_type(n, "storage_account_id", "azurerm_storage_account")) > 0

account_present(n) if count(resources.linked_to_type(n, "storage_account_name", "azurerm_storage_account")) > 0

account_present(n) if account_names[account_name(n)]

account_names := {name |
	some a in resources.of_type("azurerm_storage_account")
	name := a.values.name
	resources.literal(name)
}

# The account a rules resource names literally: the last segment of its id, or its name.
account_name(n) := name if {
	id := n.values.storage_account_id
	resources.literal(id)
	parts := split(id, "/")
	name := parts[count(parts) - 1]
}

account_name(n) := n.values.storage_account_name if {
	not resources.literal(object.get(n.values, "storage_account_id", null))
	resources.literal(n.values.storage_account_name)
}

account_label(n) := sprintf("storage account %s", [account_name(n)])

account_label(n) := "a storage account" if not account_name(n)

deny contains finding.new(rego.metadata.chain(), n, msg) if {
	some n in resources.of_type(rules_type)
	not account_present(n)
	set := {"r": n, "prefix": ""}
	msg := guard_message(n, set, sort(internet_ips(set)))
}

guard_message(n, set, _) := sprintf("Network rules %s (for %s not in this input) have a default_action unknown at plan time; the account cannot be shown closed to the internet", [n.address, account_label(n)]) if undecided(set)

guard_message(n, set, _) := sprintf("Network rules %s (for %s not in this input) have default_action %s, so the account accepts traffic from any network", [n.address, account_label(n), action]) if {
	not undecided(set)
	not denies(set)
	action := action_of(object.get(n.values, "default_action", null))
}

action_of(null) := "unset"

action_of(v) := v if v != null

guard_message(n, set, ips) := sprintf("Network rules %s (for %s not in this input) deny by default but their ip_rules allow the internet (%s)", [n.address, account_label(n), concat(", ", ips)]) if {
	denies(set)
	count(ips) > 0
}
