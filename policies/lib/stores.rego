# METADATA
# title: Data-store settings
# description: |
#   How the data-store rules read what they share: boolean settings whose default the
#   service decides, customer-managed keys, whether a store must use one, and who a
#   snapshot is shared with.
package leakguard.lib.stores

import data.leakguard.lib.resources
import rego.v1

settings := data.leakguard.lib.config.settings

# A boolean setting as "unknown" (configured, but not readable before apply), "on", "off"
# or "unset" (the provider or service default applies). The provider types a few flags as
# strings (aws_elasticache_replication_group.at_rest_encryption_enabled), so "true" and
# "false" count too.
setting(r, path) := "unknown" if {
	resources.unresolved(r, path)
} else := "on" if {
	some v in resources.values_at(r, path)
	v in {true, "true"}
} else := "off" if {
	some v in resources.values_at(r, path)
	v in {false, "false"}
} else := "unset"

# A string setting's literal value, "unknown" when configured but unreadable, "" when unset.
text(r, path) := "unknown" if {
	resources.unresolved(r, path)
} else := v if {
	some v in resources.values_at(r, path)
	is_string(v)
} else := ""

# A customer-managed KMS key is configured at path: a key id, ARN or alias other than an
# AWS-managed alias (alias/aws/<service>), or a reference to a key resource.
customer_key(r, path) if {
	some v in resources.values_at(r, path)
	customer_key_value(v)
}

customer_key(r, path) if resources.references_under(r, path)

customer_key_value(v) if {
	is_string(v)
	v != ""
	not aws_managed_alias(v)
}

aws_managed_alias(v) if regex.match(`(^|:)alias/aws/`, v)

# A store needs a customer-managed key unless its classification tag says it holds no
# personal information: an unclassified store (or one whose tags are unknown) cannot be
# shown to hold none.
needs_cmk(r) if not non_pii(r)

non_pii(r) if {
	c := resources.classification(r)
	c in settings.allowed_classifications
	not c in settings.pii_classifications
}

# The store needs a customer-managed key at path and has none.
lacks_cmk(r, path) if {
	needs_cmk(r)
	not customer_key(r, path)
}

# What the classification makes of a missing customer-managed key, for messages.
cmk_reason(r) := sprintf("it is classified %s", [resources.classification(r)]) if resources.is_pii(r)

else := "it is not classified as holding no personal information"

# Accounts a snapshot is shared with that make it public ("all") or that are not one of the
# configured environment or trusted accounts.
shared_outside(accounts) := {a |
	some a in accounts
	is_string(a)
	outside(a)
}

outside("all")

outside(a) if {
	a != "all"
	not resources.known_accounts[a]
}

# The account ids (or "all") a snapshot sharing attribute lists.
shared_accounts(r, path) := {a | some a in resources.values_at(r, path); is_string(a)} | {a |
	some v in resources.values_at(r, path)
	is_array(v)
	some a in v
	is_string(a)
}

# What is wrong with a flag that must be on, as a phrase for a message; undefined when on.
not_on(r, path, label) := sprintf("%s (not readable before apply)", [label]) if setting(r, path) == "unknown"

not_on(r, path, label) := label if setting(r, path) in {"off", "unset"}

# The problems of a store's flags that must all be on: [[path, label], …] → [phrase, …].
flags_not_on(r, checks) := [p |
	some [path, label] in checks
	p := not_on(r, path, label)
]

# ---------------------------------------------------------------------------------------
# OpenSearch and its legacy Elasticsearch name.

search_domain_types := {"aws_opensearch_domain": "OpenSearch", "aws_elasticsearch_domain": "Elasticsearch"}

search_domains := [[d, kind] |
	some t, kind in search_domain_types
	some d in resources.of_type(t)
]

# The domain has no public endpoint: it sits in VPC subnets.
in_vpc(d) if {
	some ids in resources.values_at(d, "vpc_options.subnet_ids")
	count(ids) > 0
}

in_vpc(d) if resources.references_under(d, "vpc_options.subnet_ids")

# ---------------------------------------------------------------------------------------
# EBS: a region's aws_ebs_encryption_by_default (enabled unless `enabled = false`) encrypts
# every new volume and snapshot copy there, with its aws_ebs_default_kms_key when one is set.

ebs_default_regions := {object.get(r, "region", "") |
	some r in resources.of_type("aws_ebs_encryption_by_default")
	setting(r, "enabled") in {"on", "unset"}
}

ebs_default_cmk_regions := {object.get(r, "region", "") |
	some r in resources.of_type("aws_ebs_default_kms_key")
	customer_key(r, "key_arn")
}

# A volume or snapshot copy's encryption: "on", "off" or "unknown", the region's default
# encryption counting as on.
ebs_encryption(r) := "on" if {
	ebs_default_regions[object.get(r, "region", "")]
} else := "on" if {
	setting(r, "encrypted") == "on"
} else := "unknown" if {
	setting(r, "encrypted") == "unknown"
} else := "off"

# Encrypted under a customer-managed key: its own kms_key_id, or the region's default key
# when the region encrypts by default.
ebs_cmk(r) if customer_key(r, "kms_key_id")

ebs_cmk(r) if {
	setting(r, "encrypted") != "on"
	ebs_default_cmk_regions[object.get(r, "region", "")]
}

ebs_cmk(r) if {
	setting(r, "encrypted") == "on"
	not configured_key(r)
	ebs_default_cmk_regions[object.get(r, "region", "")]
}

configured_key(r) if resources.configured(r, "kms_key_id")

# ---------------------------------------------------------------------------------------
# Encryption at rest, as a finding message (undefined when compliant), for a store
# `label address` whose encryption is switched by the flag at flag_path and keyed by the
# attribute at key_path.
at_rest_message(r, label, flag_path, key_path) := at_rest_state_message(r, label, flag_path, key_path, setting(r, flag_path))

at_rest_state_message(r, label, flag_path, _, "unknown") := sprintf("%s %s has %s unknown before apply; its encryption at rest cannot be verified", [label, r.address, flag_path])

at_rest_state_message(r, label, flag_path, _, state) := sprintf("%s %s is not encrypted at rest (%s is not true)", [label, r.address, flag_path]) if state in {"off", "unset"}

at_rest_state_message(r, label, _, key_path, "on") := key_message(r, label, key_path)

# For stores the service always encrypts: only the key can be wrong.
key_message(r, label, key_path) := sprintf("%s %s is encrypted with an AWS-managed key, but %s: set %s to a customer-managed key", [label, r.address, cmk_reason(r), key_path]) if {
	lacks_cmk(r, key_path)
}

# ---------------------------------------------------------------------------------------
# ElastiCache cache clusters outside a replication group (a member of one is judged with
# its group). A replication_group_id the provider only computes (unknown in a plan, never
# configured) is no group.

standalone_cache_clusters := [c |
	some c in resources.of_type("aws_elasticache_cluster")
	not resources.configured(c, "replication_group_id")
	not resources.interpolated(c, "replication_group_id")
]

# A cache cluster's engine: "memcached", "redis", "valkey", or "unknown" (not readable, or
# unset, which only a replication group member may leave it).
cache_engine(c) := lower(e) if {
	e := text(c, "engine")
	e != ""
} else := "unknown"

# ---------------------------------------------------------------------------------------
# OpenSearch Serverless: security policies of type "network" and "encryption" govern the
# collections their rules name by pattern ("collection/orders", "collection/orders-*").

aoss_policy_type := "aws_opensearchserverless_security_policy"

aoss_policies(kind) := [p |
	some p in resources.of_type(aoss_policy_type)
	object.get(p.values, "type", "") == kind
]

# The policy's statements (a network policy is a list, an encryption policy one object);
# undefined when the document cannot be read before apply. JSON holding a reference (CDKTF
# writes a key's ARN as "${aws_kms_key.k.arn}") is read; a pattern holding one matches no
# collection.
aoss_statements(p) := [s | some s in resources.as_list(doc); is_object(s)] if {
	not resources.unknown_at(p, "policy")
	doc := resources.json_policy(object.get(p.values, "policy", null))
}

# The patterns a statement names for a resource type ("collection" or "dashboard").
aoss_patterns(s, resource_type) := [pattern |
	some r in resources.as_list(object.get(s, "Rules", null))
	lower(object.get(r, "ResourceType", "")) == resource_type
	some pattern in resources.as_list(object.get(r, "Resource", null))
	is_string(pattern)
]

aoss_covers(pattern, name) if glob.match(resources.aws_glob(lower(pattern)), [], lower(sprintf("collection/%s", [name])))

# ---------------------------------------------------------------------------------------
# Backups made outside the store: AWS Backup selections (by reference, "*", or a
# STRINGEQUALS tag the store carries) and Data Lifecycle Manager policies (EBS volumes whose
# tags match a policy's target_tags).

# AWS Backup selections: the resources they name by reference, whether one takes every
# resource, and the STRINGEQUALS tags they select by ("key=value").
selections := resources.of_type("aws_backup_selection")

selected_keys contains k if {
	some s in selections
	some k in object.get(s.references, "resources", [])
}

selects_everything if {
	some s in selections
	some v in resources.values_at(s, "resources")
	"*" in resources.as_list(v)
}

selected_tags contains concat("=", [tag.key, tag.value]) if {
	some s in selections
	some tag in resources.blocks_at(s, "selection_tag")
	upper(object.get(tag, "type", "")) == "STRINGEQUALS"
}

in_backup_plan(r) if selected_keys[r.key]

in_backup_plan(_) if selects_everything

in_backup_plan(r) if {
	some k, v in r.tags
	selected_tags[concat("=", [k, v])]
}

dlm_volume_tags contains concat("=", [k, v]) if {
	some p in resources.of_type("aws_dlm_lifecycle_policy")
	object.get(p.values, "state", "ENABLED") != "DISABLED"
	some details in resources.blocks_at(p, "policy_details")
	"VOLUME" in resources.as_list(object.get(details, "resource_types", []))
	some k, v in object.get(details, "target_tags", {})
}

# A Data Lifecycle Manager policy snapshots the volume: it targets volumes carrying one of
# the volume's tags.
dlm_snapshots(r) if {
	some k, v in r.tags
	dlm_volume_tags[concat("=", [k, v])]
}

# ---------------------------------------------------------------------------------------
# FSx: the file-system types the FSx rules judge, with their names for messages.
fsx_labels := {
	"aws_fsx_windows_file_system": "FSx for Windows File Server file system",
	"aws_fsx_lustre_file_system": "FSx for Lustre file system",
	"aws_fsx_ontap_file_system": "FSx for NetApp ONTAP file system",
	"aws_fsx_openzfs_file_system": "FSx for OpenZFS file system",
}

# A Lustre file system's deployment type: its value, "unknown", or SCRATCH_1 when unset (the
# service's default; a scratch deployment takes no key and no backups).
lustre_deployment(r) := "SCRATCH_1" if text(r, "deployment_type") == ""

else := text(r, "deployment_type")
