# METADATA
# title: Resource lookups
# description: |
#   Indexed access to the normalized input. Rules go through `of_type` and the
#   reference links, never a scan of all resources inside another scan.
package leakguard.lib.resources

import rego.v1

# Managed resources of one type. Built once for every type (rules call of_type over 200
# times per evaluation; a function builds its list again on each call).
of_type(t) := object.get(by_mode.managed, t, [])

# Data sources of one type.
data_of_type(t) := object.get(by_mode.data, t, [])

# From input.by_mode, whose lists are already split by mode: reading each resource's mode
# here cost ~40 ms per evaluation at 20k resources (and again in every shard of the rules).
by_mode := {mode: {t: [input.resources[key] | some key in keys] |
	some t, keys in input.by_mode[mode]
} |
	some mode in ["managed", "data"]
}

# Resources of type t that refer to r through attribute attr (e.g. the public access
# block whose `bucket` points at this bucket). Works when the value is unknown at plan
# time, because links come from references, not values.
linked_from(r, t, attr) := [input.resources[ref.key] |
	some ref in r.referenced_by
	ref.type == t
	ref.attribute == attr
]

# Attribute unknown until apply (plans only).
unknown(r, attr) if attr in r.unknown

# Nested blocks arrive as an object (CDKTF single block) or as a list (plans, HCL, CDKTF lists).
blocks(v) := v if is_array(v)

blocks(v) := [v] if is_object(v)

blocks(null) := []

# An attribute's value is a Terraform reference expression (config sources only).
is_reference(v) if {
	is_string(v)
	contains(v, "${")
}

# Set: a literal non-empty value, a reference, or unknown at plan time (computed from
# another resource, which the reference links already checked).
is_set(r, attr) if {
	v := object.get(r.values, attr, null)
	v != null
	v != ""
}

is_set(r, attr) if unknown(r, attr)

is_set(r, attr) if count(object.get(r.references, attr, [])) > 0

# ---------------------------------------------------------------------------------------
# Added lookups. Everything below reads one resource, its reference links, or sets built
# once; nothing scans all resources per resource.

# The resources r refers to through attribute attr (e.g. the bucket a logging resource
# names in `bucket`): the forward direction of linked_from.
linked_to(r, attr) := [t |
	some key in object.get(r.references, attr, [])
	t := input.resources[key]
]

# Resources of type t that r refers to through attribute attr.
linked_to_type(r, attr, t) := [x | some x in linked_to(r, attr); x.type == t]

# Set from the account aws_caller_identity reads: unknown in HCL, which reads nothing from the
# cloud (a plan shows it); an account, never "*".
from_caller_identity(r, attr) if {
	linked := linked_to(r, attr)
	count(linked) > 0
	every x in linked {
		x.type == "aws_caller_identity"
	}
}

# Resources of type t that refer to r through any attribute.
referrers(r, t) := [input.resources[ref.key] | some ref in r.referenced_by; ref.type == t]

# A list of x: lists stay, null is empty, anything else is a one-element list.
as_list(x) := x if is_array(x)

as_list(null) := []

as_list(x) := [x] if {
	not is_array(x)
	not is_null(x)
}

# The objects among a block value (object, list of objects, or anything else → none).
objects(v) := [o | some o in v; is_object(o)] if is_array(v)

objects(v) := [v] if is_object(v)

objects(v) := [] if {
	not is_array(v)
	not is_object(v)
}

# (as_list, not objects(): a list is read as it is, not copied before its objects are picked.)
step(vs, k) := [x | some v in vs; some o in as_list(v); is_object(o); x := o[k]]

# Every value at a dotted path below v, through nested blocks whether they are objects
# (CDKTF single blocks) or lists (plans, HCL). Up to four levels.
path_values(v, path) := step([v], path) if not contains(path, ".")

path_values(v, path) := path_steps([v], split(path, ".")) if contains(path, ".")

# The path split once, not once per clause.
path_steps(vs, ks) := step(vs, ks[0]) if count(ks) == 1

path_steps(vs, ks) := step(step(vs, ks[0]), ks[1]) if count(ks) == 2

path_steps(vs, ks) := step(step(step(vs, ks[0]), ks[1]), ks[2]) if count(ks) == 3

path_steps(vs, ks) := step(step(step(step(vs, ks[0]), ks[1]), ks[2]), ks[3]) if count(ks) == 4

values_at(r, path) := [x | some x in path_values(r.values, path); x != null]

# The blocks written at a dotted path. A plan writes an absent block as [] where HCL and
# CDKTF leave the key out; both are no block.
blocks_at(r, path) := [o | some v in path_values(r.values, path); some o in objects(v)]

# The attribute at a dotted path, or one of its parent blocks, is known only after apply.
# (u + "." built only where u begins the path, not for every unknown of every resource read.)
# Helpers that rules ask of every resource are one chain of `else`: WASM asks every clause
# of a function, each of the next only where the ones before fail.
unknown_at(r, path) if {
	path in r.unknown
} else if {
	some u in r.unknown
	startswith(path, u)
	startswith(path, concat("", [u, "."]))
}

# The attribute refers to another resource (config sources keep the reference even when
# the plan cannot know the value).
has_reference(r, path) if count(object.get(r.references, path, [])) > 0

# Some value at path is true / false; every value at path is true.
any_true(r, path) if true in values_at(r, path)

any_false(r, path) if false in values_at(r, path)

all_true(r, path) if {
	vs := values_at(r, path)
	count(vs) > 0
	every x in vs {
		x == true
	}
}

# A value as a message shows it: as written, or "unknown at plan time" for an expression the
# tool cannot read (never the expression text).
shown(v) := "unknown at plan time" if {
	is_string(v)
	contains(v, "${")
}

shown(v) := sprintf("%v", [v]) if not contains(sprintf("%v", [v]), "${")

# A literal string (no `${…}` interpolation).
literal(v) if {
	is_string(v)
	v != ""
	not contains(v, "${")
}

# ---------------------------------------------------------------------------------------
# Tags, classification and environment.

settings := data.leakguard.lib.config.settings

classification(r) := lower(r.tags[settings.classification_tag_key])

is_pii(r) if classification(r) in settings.pii_classifications

# Environment names folded through the alias map (`production` → `prod`).
env_name(e) := settings.environment_aliases[lower(e)]

env_name(e) := lower(e) if not settings.environment_aliases[lower(e)]

stack_tokens(stack) := split(replace(replace(lower(stack), "_", "-"), ".", "-"), "-")

stack_environment(stack) := env_name(settings.stack_environments[stack])

stack_environment(stack) := env_name(names[0]) if {
	not settings.stack_environments[stack]
	names := [tok | some tok in stack_tokens(stack); known_environment_token(tok)]
	count(names) > 0
}

known_environment_token(tok) if tok in settings.environment_names

known_environment_token(tok) if settings.environment_aliases[tok]

# A resource's environment: its environment tag (provider default tags included), else
# its stack's environment (configured map, then a token of the stack name).
# An environment tag that is an expression the tool cannot read says nothing; the stack does.
environment(r) := env_name(e) if {
	e := r.tags[settings.environment_tag_key]
	literal(e)
} else := stack_environment(r.stack)

# The environments an AWS account id / Azure subscription id / principal id belongs to.
account_environments(account) := {env_name(env) |
	some env, ids in settings.environment_accounts
	account in ids
}

subscription_environments(sub) := {env_name(env) |
	some env, ids in settings.environment_subscriptions
	lower(sub) in {lower(i) | some i in ids}
}

principal_environments(id) := {env_name(env) |
	some env, ids in settings.environment_principals
	lower(id) in {lower(i) | some i in ids}
}

# Every AWS account the configuration knows (environment accounts plus trusted ones).
known_accounts contains account if {
	some ids in settings.environment_accounts
	some account in ids
}

known_accounts contains account if some account in settings.trusted_account_ids

# The accounts aws_caller_identity reads through r's own provider configuration (a plan knows
# them; HCL leaves them unknown): r's own account. The commonest trust policy,
# `arn:aws:iam::${data.aws_caller_identity.current.account_id}:root`, had been a foreign
# account in every plan.
caller_accounts(r) := {a |
	some key in object.get(input.by_type, "aws_caller_identity", [])
	c := input.resources[key]
	c.provider == r.provider
	a := c.values.account_id
	is_string(a)
}

# The account id in an IAM principal (`123456789012` or `arn:aws:iam::123456789012:…`).
principal_account(id) := id if regex.match(`^[0-9]{12}$`, id)

principal_account(id) := parts[4] if {
	parts := split(id, ":")
	count(parts) >= 6
	parts[0] == "arn"
	regex.match(`^[0-9]{12}$`, parts[4])
}

# ---------------------------------------------------------------------------------------
# Regions and estates. A finding about a whole region ("no GuardDuty in us-east-1") or a
# whole cloud estate ("no CloudTrail") has a subject of its own, keyed
# `region:<cloud>:<region>` or `estate:<cloud>`, so it keeps its identity (baselines,
# waivers, drift history) whichever resources come and go. It is located at the provider
# block that configures the region (the first by stack and provider key), else at the
# stack of the first resource there.

# A resource whose region cannot be resolved (no provider block, a location from a variable
# without a value) is in a scope of its own, judged like any region. Azure resources without
# a location of their own (child resources such as keys, global ones such as Front Door) are
# in no region at all.
unknown_region := "(region unknown)"

region_of(r) := r.region if is_string(r.region)

# A resource's region for a message: its name, or "an unresolved region" (a provider that
# names none, or one from a variable without a value): never "null".
region_text(r) := r.region if is_string(r.region)

else := "an unresolved region"

region_of(r) := unknown_region if {
	not is_string(r.region)
	regional(r)
	not aliased_aws(r)
}

# An AWS resource of an aliased provider whose region is unresolved is in that provider's own
# unknown scope: the aliases of a configuration exist for other regions, so merged with the
# default provider's unknown scope a detector there passed for a bucket in the alias's region.
region_of(r) := unknown_region_of_provider(r.provider) if {
	not is_string(r.region)
	aliased_aws(r)
}

aliased_aws(r) if {
	r.cloud == "aws"
	r.provider != "aws"
}

unknown_region_of_provider(key) := sprintf("(region unknown: provider %s)", [key])

# A region scope no provider resolves: the default's, or an aliased provider's.
unresolved_scope(region) if startswith(region, "(region unknown")

regional(r) if r.cloud != "azure"

regional(r) if object.get(r.values, "location", null) != null

regional(r) if "location" in r.unknown

regional(r) if has_reference(r, "location")

# The region scopes of a cloud no provider resolves.
unresolved_scopes(cloud) := sort([region |
	some region, _ in object.get(object.get(input.scopes, cloud, {}), "regions", {})
	unresolved_scope(region)
])

regions_in_use(cloud) := array.concat(
	[x | some x in object.get(input.regions, cloud, []); is_string(x)],
	unresolved_scopes(cloud),
)

# What a region's findings are anchored to: the region's own subject, never a resource in it.
region_anchor(cloud, region) := object.union(subject_place(cloud, region), {
	"key": key,
	"address": key,
	"type": "region",
	"region": region,
}) if {
	key := concat(":", ["region", cloud, region])
}

estate_subject(cloud) := object.union(subject_place(cloud, null), {
	"key": key,
	"address": key,
	"type": "estate",
	"region": null,
}) if {
	key := concat(":", ["estate", cloud])
}

# [stack, provider key, provider] of one cloud, in order.
cloud_providers(cloud) := sort([[s, k, p] |
	some s, st in input.stacks
	some k, p in st.providers
	p.cloud == cloud
])

# Only where the cloud (region) has a resource: an empty estate has nothing to report.
subject_place(cloud, region) := provider_place(ps[0]) if {
	first_resource(cloud, region)
	ps := [x | some x in cloud_providers(cloud); region_matches(x[1], x[2], region)]
	count(ps) > 0
} else := stack_place(cloud, first_resource(cloud, region).stack)

# An estate (region null) takes any provider of its cloud; the region-unknown scope takes
# providers without a region, an aliased provider's unknown scope that provider.
region_matches(_, _, null)

region_matches(_, p, region) if object.get(p, "region", null) == region

region_matches(_, p, region) if {
	region == unknown_region
	not is_string(object.get(p, "region", null))
}

region_matches(k, p, region) if {
	region == unknown_region_of_provider(k)
	not is_string(object.get(p, "region", null))
}

provider_place([s, _, p]) := {"stack": s, "origin": object.get(p, "origin", stack_origin(s))}

# The stack's first provider of the cloud, else the stack's source file.
stack_place(cloud, s) := provider_place(ps[0]) if {
	ps := [x | some x in cloud_providers(cloud); x[0] == s]
	count(ps) > 0
} else := {"stack": s, "origin": stack_origin(s)}

stack_origin(s) := {"file": object.get(object.get(input.stacks, s, {}), "source", s)}

# The first (by key) managed, not-deleted resource of each cloud, and of each region (or the
# region-unknown scope) of a cloud: normalize indexes them once (input.scopes), where finding
# them here took a scan of every resource in each evaluation (policies/testutil scopes_of
# is the same in Rego, and the tests hold the two equal).
first_resource(cloud, null) := input.resources[input.scopes[cloud].first]

first_resource(cloud, region) := input.resources[input.scopes[cloud].regions[region]] if region != null

# ---------------------------------------------------------------------------------------
# IAM and resource policy documents, normalized to
#   {effect, actions, not_actions, resources, not_resources, principals, not_principals,
#    conditions}
# with actions, condition tests and variables in lower case, principals as {type, id} and
# conditions as {test, variable, values}.

str(v) := lower(v) if is_string(v)

str(v) := json.marshal(v) if not is_string(v)

principal_list("*") := [{"type": "*", "id": "*"}]

principal_list(p) := [{"type": t, "id": id} |
	some t, ids in p
	some id in as_list(ids)
] if is_object(p)

principal_list(p) := [] if {
	p != "*"
	not is_object(p)
}

condition_list(c) := [{"test": lower(op), "variable": lower(k), "values": [str(x) | some x in as_list(vals)]} |
	some op, kv in c
	is_object(kv)
	some k, vals in kv
] if is_object(c)

condition_list(c) := [] if not is_object(c)

lower_strings(v) := [lower(x) | some x in as_list(v); is_string(x)]

json_statement(s) := {
	"effect": object.get(s, "Effect", "Allow"),
	"actions": lower_strings(object.get(s, "Action", null)),
	"not_actions": lower_strings(object.get(s, "NotAction", null)),
	"resources": [x | some x in as_list(object.get(s, "Resource", null)); is_string(x)],
	"not_resources": [x | some x in as_list(object.get(s, "NotResource", null)); is_string(x)],
	"principals": principal_list(object.get(s, "Principal", null)),
	"not_principals": principal_list(object.get(s, "NotPrincipal", null)),
	"conditions": condition_list(object.get(s, "Condition", null)),
}

json_statements(doc) := [json_statement(s) | some s in as_list(object.get(doc, "Statement", null)); is_object(s)] if is_object(doc)

json_statements(doc) := [] if not is_object(doc)

# A principals block's identifiers are required: null is a list only apply knows (a remote
# state's or module's output), one principal of unknown id, as an unknown element is (it had
# dropped the block, and what it named went unjudged).
block_principals(v) := [{"type": object.get(p, "type", ""), "id": id} |
	some p in objects(v)
	some id in block_identifiers(object.get(p, "identifiers", null))
]

block_identifiers(null) := [null]

block_identifiers(ids) := as_list(ids) if ids != null

block_statement(b) := {
	"effect": effect_of(object.get(b, "effect", null)),
	"actions": lower_strings(object.get(b, "actions", null)),
	"not_actions": lower_strings(object.get(b, "not_actions", null)),
	"resources": [x | some x in as_list(object.get(b, "resources", null)); is_string(x)],
	"not_resources": [x | some x in as_list(object.get(b, "not_resources", null)); is_string(x)],
	"principals": block_principals(object.get(b, "principals", null)),
	"not_principals": block_principals(object.get(b, "not_principals", null)),
	"conditions": [{"test": lower(object.get(c, "test", "")), "variable": lower(object.get(c, "variable", "")), "values": [str(x) | some x in as_list(object.get(c, "values", null))]} |
		some c in objects(object.get(b, "condition", null))
	],
}

effect_of(null) := "Allow"

effect_of(e) := e if e != null

# A literal JSON policy string.
json_policy(v) := json_text(v)

# The value a text holds when the whole text is one JSON value, read alike by OPA's Go engine
# and its WebAssembly (ours). The WebAssembly parser reads a text that merely begins with a
# value ('{…} {"Action": "*"}' read as its first policy), and crashes on 'true false' and on
# a lone surrogate escape. Wrapped in an array, trailing text must begin with "]" to parse as
# one element, which the object wrapper refuses: only whitespace can follow the value.
# (Two parses, as json.is_valid and json.unmarshal had been: json.unmarshal is undefined on
# what it cannot read.)
json_text(v) := arr[0] if {
	is_string(v)
	not lone_surrogate(v)
	arr := json.unmarshal(concat("", ["[", v, "]"]))
	count(arr) == 1
	json.is_valid(concat("", ["{\"v\":", v, "}"]))
	not lenient(v, arr[0])
}

# The WebAssembly parser also takes "1.", "1e" and "2.e3" for numbers, arrays without commas
# between their elements ('[{…} {…}]', '[01]' as [0, 1]) and with one after the last; Go
# refuses them all. Only a text that shows one of these shapes (a number with a fraction or an
# exponent, a leading zero, a value right after another, a comma before "]") is looked into,
# with one scan: most policies show none.
lenient(v, x) if {
	regex.match(`[:\[,]\s*-?([0-9]+(\.[0-9]*)?[eE.]|0[0-9])|,\s*\]|[}\]]\s*[{\["tfn0-9-]|[^\\\s:\[,{]""|"\s+[{\["tfn0-9-]|[0-9el]\s+[{\["tfn0-9-]`, concat("", ["[", v]))
	lenient_value(v, x)
}

# Its numbers against JSON's grammar (the WebAssembly writes a number back as it was read),
# taken from the value written out, where strings are whole tokens: a walk of the value would
# read as a walk of a resource's values to the projection (evaluate/projection.ts).
lenient_value(_, x) if {
	some m in regex.find_all_string_submatch_n(`"(?:[^"\\]|\\.)*"|-?[0-9][-+0-9.eE]*`, json.marshal(x), -1)
	not startswith(m[0], "\"")
	not regex.match(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`, m[0])
}

# Its commas against those the value needs, written out: one between each two members, and
# those in strings and keys (a "\u002c" or a repeated key counts one less: not read either).
lenient_value(v, x) if count(split(v, ",")) != count(split(json.marshal(x), ","))

surrogate_escape := `\\u[dD][89a-fA-F][0-9a-fA-F]{2}`

# An escaped UTF-16 half without its other half (the Go engine reads U+FFFD). Where an escaped
# backslash could stand before one, the text is not read either: counting cannot tell.
lone_surrogate(v) if {
	contains(v, "\\u")
	escapes := count(regex.find_all_string_submatch_n(surrogate_escape, v, -1))
	escapes > 0
	escapes != 2 * count(regex.find_all_string_submatch_n(`\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}`, v, -1))
}

lone_surrogate(v) if {
	contains(v, "\\\\")
	regex.match(surrogate_escape, v)
}

# An aws_iam_policy_document data source is readable when its rendered JSON is known, or
# else every document it merges is: its statement blocks (values inside a block that are
# unknown are computed ARNs, never the literal wildcards the rules look for) and the JSON
# documents it layers around them (a public statement passed in as source_policy_documents
# is in the policy as much as a block is).
document_known(d) if json_policy(object.get(d.values, "json", null))

document_known(d) if {
	not json_policy(object.get(d.values, "json", null))
	not unknown_at(d, "statement")
	_ := objects(object.get(d.values, "statement", null))
	not is_string(object.get(d.values, "statement", null))
	every attr in merged_document_attrs {
		not unknown_at(d, attr)
		every doc in as_list(object.get(d.values, attr, null)) {
			readable_document(doc)
		}
	}
}

merged_document_attrs := ["source_json", "source_policy_documents", "override_json", "override_policy_documents"]

# The provider ignores an empty document string.
readable_document("")

readable_document(doc) if json_policy(doc)

document_statements(d) := json_statements(doc) if {
	doc := json_policy(object.get(d.values, "json", null))
} else := [x.statement |
	layers := document_layers(d)
	some i, layer in layers
	some k, x in layer
	not overridden(layers, [i, k], x.sid)
]

# What the provider merges, in its order: source_json, each of source_policy_documents, the
# statement blocks, override_json, each of override_policy_documents. A statement with a sid
# replaces the one with that sid before it (in an earlier layer, or earlier in its own);
# any other is added.
document_layers(d) := array.concat(
	array.concat(json_layers(d, "source_json"), json_layers(d, "source_policy_documents")),
	array.concat(
		[[{"sid": sid_of(object.get(b, "sid", null)), "statement": block_statement(b)} | some b in objects(object.get(d.values, "statement", null))]],
		array.concat(json_layers(d, "override_json"), json_layers(d, "override_policy_documents")),
	),
)

json_layers(d, attr) := [[{"sid": sid_of(object.get(s, "Sid", null)), "statement": json_statement(s)} |
	some s in as_list(object.get(doc, "Statement", null))
	is_object(s)
] |
	some text in as_list(object.get(d.values, attr, null))
	doc := json_policy(text)
	is_object(doc)
]

sid_of(v) := v if is_string(v)

sid_of(v) := "" if not is_string(v)

overridden(layers, at, sid) if {
	sid != ""
	some j, layer in layers
	j >= at[0]
	some m, y in layer
	[j, m] > at
	y.sid == sid
}

# The policy document at r.values[attr]:
#   {"status": "known" | "absent" | "unknown", "statements": [...]}
# `known`: a literal JSON string, or aws_iam_policy_document data sources the attribute
# refers to; `absent`: no policy; `unknown`: computed at apply or an expression the tool
# cannot read (e.g. `${jsonencode(…)}`), so nothing can be proven about it.
policy(r, attr) := {"status": "known", "statements": json_statements(doc)} if {
	doc := json_policy(object.get(r.values, attr, null))
} else := {"status": "known", "statements": statements} if {
	docs := linked_to_type(r, attr, "aws_iam_policy_document")
	count(docs) > 0
	every d in docs {
		document_known(d)
	}
	statements := [s | some d in docs; some s in document_statements(d)]
} else := {"status": "absent", "statements": []} if {
	object.get(r.values, attr, null) in {null, ""}
	not unknown_at(r, attr)
	not has_reference(r, attr)
} else := {"status": "unknown", "statements": []}

# The statement applies to everyone: Principal "*" or {"AWS": "*"}.
public_principal(s) if {
	some p in s.principals
	p.id == "*"
	p.type in {"*", "AWS"}
}

# A condition limits the statement to known callers (source account, VPC, org, ARN …):
# a restricting key whose every value names someone. A wildcard standing for the account or
# the identifier (`arn:aws:iam::*`, `*`, `o-*`) restricts nothing.
restricted(s) if {
	some c in s.conditions
	c.variable in settings.restricting_condition_keys
	not startswith(c.test, "null")
	not negated(c.test)
	not endswith(c.test, "ifexists")
	count(c.values) > 0
	every v in c.values {
		not broad_condition_value(v)
		not broad_endpoint(c.variable, v)
	}
}

# elasticfilesystem:AccessedViaMountTarget true: only a client that reaches one of the file
# system's mount targets, inside the VPCs they are in, which AWS counts among the keys that make
# a file system policy non-public (EFS "Blocking public access"). terraform-aws-efs writes it
# into its default policy beside the TLS-only statement: a false CRITICAL (an audit).
restricted(s) if {
	some c in s.conditions
	c.variable == "elasticfilesystem:accessedviamounttarget"
	c.test == "bool"
	count(c.values) > 0
	every v in c.values {
		v in {"true", true}
	}
}

# sns:Endpoint names where a subscription delivers: a queue's or function's ARN (judged as
# ARNs are), an address or URL, which a wildcard anywhere opens to anyone's
# ("*@example.com", "https://*"). A Subscribe to Principal "*" pinned to the owner's queue is
# the terraform-aws-modules/sns pattern (a false block found by an audit).
broad_endpoint("sns:endpoint", v) if {
	not startswith(v, "arn:")
	wildcard(v)
}

# StringNotEquals, ArnNotLike, NotIpAddress …: every caller but the one named. (…IfExists, also
# left out above, lets in every request that carries no such key: a caller's own.)
negated(test) if contains(test, "not")

wildcard(v) if regex.match(`[*?]`, v)

# ARNs: a wildcard in partition, service, region or account, a truncated ARN, or (for ARNs
# without an account, e.g. S3) a wildcard leading the resource part.
broad_condition_value(v) if {
	startswith(v, "arn:")
	parts := split(v, ":")
	broad_arn(parts)
}

# Other values (account ids, org ids and paths, VPCs, IPs, user ids): a wildcard in the
# leading identifier, before any `/` or `:`.
broad_condition_value(v) if {
	not startswith(v, "arn:")
	wildcard(split(split(v, "/")[0], ":")[0])
}

broad_condition_value("")

# Any address at all: 0.0.0.0/0, ::/0, or the internet written in parts (0.0.0.0/1).
broad_condition_value(v) if endswith(v, "/0")

broad_condition_value(v) if internet_cidr(v)

broad_arn(parts) if count(parts) < 6

broad_arn(parts) if {
	some i in numbers.range(0, 4)
	wildcard(parts[i])
}

broad_arn(parts) if {
	parts[4] == ""
	wildcard(split(parts[5], "/")[0])
}

# What a known policy document grants to every principal without a restricting condition,
# one entry per statement ("s3:getobject, s3:listbucket", "everything but …"), sorted; empty
# when nothing is public. Shared by every resource-policy rule (S3, KMS, data stores).
public_grants(doc) := sort({grant_text(s) |
	some s in doc.statements
	allow(s)
	allowed_to_everyone(s)
	not restricted(s)
})

# An Allow reaches everyone through Principal "*", through NotPrincipal (every principal but
# those named: AWS's docs warn against it with Allow), or through CloudFront's service
# principal, which acts for every distribution of every account (an origin access control's
# bucket policy must name the distribution in aws:SourceArn).
allowed_to_everyone(s) if public_principal(s)

allowed_to_everyone(s) if count(s.not_principals) > 0

allowed_to_everyone(s) if {
	some p in s.principals
	p.type == "Service"
	p.id == "cloudfront.amazonaws.com"
}

grant_text(s) := granted_actions(s) if public_principal(s)

else := sprintf("%s (NotPrincipal: all but those it names)", [granted_actions(s)]) if count(s.not_principals) > 0

else := sprintf("%s (cloudfront.amazonaws.com: any account's distribution)", [granted_actions(s)])

granted_actions(s) := concat(", ", sort(s.actions)) if count(s.actions) > 0

granted_actions(s) := concat("", ["everything but ", concat(", ", sort(s.not_actions))]) if count(s.actions) == 0

# The statement grants `action` (lower case), through wildcards too.
grants(s, action) if {
	some a in s.actions
	glob.match(aws_glob(a), null, action)
}

# An AWS wildcard pattern (an IAM action, an OpenSearch Serverless resource) as a glob. AWS
# reads only * and ? as wildcards; glob.match also brackets, braces and backslashes, which
# OPA's Go engine and its WebAssembly read apart where they are unbalanced ("{a," matched
# "a" in one and was an error in the other: test/policies/builtin-strings.test.ts). Quoted,
# both match them literally, as AWS does.
aws_glob(p) := replace(replace(replace(replace(replace(p, "\\", "\\\\"), "[", "\\["), "]", "\\]"), "{", "\\{"), "}", "\\}")

allow(s) if s.effect == "Allow"

# The statement refuses `action` (lower case) to every principal on requests not made over
# TLS (Bool aws:SecureTransport "false"): what makes a resource policy TLS-only. Shared by
# the S3 bucket, EFS file system, SQS queue and SNS topic rules.
denies_insecure_transport(s, action) if {
	s.effect == "Deny"
	public_principal(s)
	grants(s, action)
	some c in s.conditions
	c.test == "bool"
	c.variable == "aws:securetransport"
	"false" in c.values
}

# ---------------------------------------------------------------------------------------
# Dates. WASM has no time parsing: `YYYY-MM-DDTHH:MM…` becomes hours since 1970 by the
# days-from-civil algorithm (proleptic Gregorian calendar).

early(m) := 1 if m <= 2

early(m) := 0 if m > 2

# Rounds a remainder of minutes/seconds up to one more hour.
round_up(mm, ss) := 1 if mm + ss > 0

round_up(mm, ss) := 0 if mm + ss == 0

days_from_civil(y, m, d) := days if {
	yy := y - early(m)
	era := floor(yy / 400)
	yoe := yy - (era * 400)
	mp := (m + 9) % 12
	doy := (floor(((153 * mp) + 2) / 5) + d) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	days := ((era * 146097) + doe) - 719468
}

# Hours since the epoch of an ISO 8601 UTC timestamp or date (hour 0 when absent).
timestamp_hours(ts) := hours if {
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`, ts)
	y := to_number(substring(ts, 0, 4))
	m := to_number(substring(ts, 5, 2))
	d := to_number(substring(ts, 8, 2))
	h := hour_of(ts)
	hours := (days_from_civil(y, m, d) * 24) + h
}

hour_of(ts) := to_number(substring(ts, 11, 2)) if regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}`, ts)

hour_of(ts) := 0 if not regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}`, ts)

# Hours in a .NET TimeSpan `D.HH:MM:SS` / `HH:MM:SS` (Azure SAS expiration periods);
# minutes and seconds round up to the next hour.
timespan_hours(span) := hours if {
	parts := split(span, ".")
	count(parts) >= 2
	regex.match(`^[0-9]+$`, parts[0])
	hms := split(parts[1], ":")
	count(hms) == 3
	hours := ((to_number(parts[0]) * 24) + to_number(hms[0])) + round_up(to_number(hms[1]), to_number(hms[2]))
}

timespan_hours(span) := hours if {
	not contains(span, ".")
	hms := split(span, ":")
	count(hms) == 3
	hours := to_number(hms[0]) + round_up(to_number(hms[1]), to_number(hms[2]))
}

# ---------------------------------------------------------------------------------------
# Unknown values. Plans mark computed attributes unknown whether or not the configuration
# sets them; an unknown attribute with no reference under it is one the provider fills in
# itself (e.g. aws_s3_bucket.policy when a separate aws_s3_bucket_policy manages it).

# A lookup first, not a walk over every reference (rules ask this of every block of every
# resource); then a reference below the path (the prefix built only for a key that begins
# with the path); then what is set from what the input cannot follow to a resource (a local
# value in a plan checked without its folder, each.value): as configured as a reference, and
# read the same way. Unknown before apply, such a value comes from a resource this
# configuration creates (a key ARN passed through a module's local is its own key); a rule
# that needs to read it reports it unresolved.
references_under(r, path) if {
	object.get(r.references, path, null) != null
} else if {
	some k, _ in r.references
	startswith(k, path)
	startswith(k, concat("", [path, "."]))
} else if {
	unlinked_under(r, path)
}

# A config-source value that is an interpolation the tool cannot evaluate. (A top-level
# attribute is read directly: rules ask this of one for every resource of a type.)
interpolated(r, path) if {
	not contains(path, ".")
	v := object.get(r.values, path, null)
	is_string(v)
	contains(v, "${")
} else if {
	contains(path, ".")
	some v in values_at(r, path)
	is_string(v)
	contains(v, "${")
}

# Set to a value Terraform would reject for the attribute's declared type (a list where a
# string is declared): normalize made it unknown, and it is configured, not computed.
unreadable_at(r, path) if {
	path in object.get(r, "unreadable", [])
} else if {
	some u in object.get(r, "unreadable", [])
	startswith(path, concat("", [u, "."]))
}

# A block or collection Terraform hides as a whole: a sensitive value inside a set makes the
# whole set sensitive (a secret header hides a CloudFront origin, a description from a
# sensitive variable a security group's ingress), so none of its values can be read.
hidden(r, path) if {
	path in r.sensitive
	path in object.get(r, "unreadable", [])
}

# Configured from what the input cannot follow to a resource (a local value, a module output,
# each.value): unknown at plan time, and not the provider's to fill in (normalize lists them).
unlinked_under(r, path) if {
	path in object.get(r, "unlinked", [])
} else if {
	some u in object.get(r, "unlinked", [])
	startswith(u, path)
	startswith(u, concat("", [path, "."]))
} else if {
	some u in object.get(r, "unlinked", [])
	startswith(path, u)
	startswith(path, concat("", [u, "."]))
}

# Unknown at plan time and not configured: the provider computes it.
computed_unset(r, path) if {
	unknown_at(r, path)
	not references_under(r, path)
	not unreadable_at(r, path)
}

# Configured, but its value cannot be read: set from another resource and known only after
# apply, an interpolation, or a value of the wrong type. Rules never read such a value as
# compliant.
unresolved(r, path) if {
	unknown_at(r, path)
	references_under(r, path)
} else if {
	interpolated(r, path)
} else if {
	unreadable_at(r, path)
} else if {
	unknown_at(r, path)
	count(ancestor_references(r, path)) > 0
}

# The references of the attribute a path lies in, where the path has none of its own: a plan's
# configuration names an attribute written as blocks whole (a security group's `ingress`), so
# `ingress.cidr_blocks` set from another resource and unknown read as the provider's to compute,
# and a group open to what only apply knows passed in every plan.
ancestor_references(r, path) := [k |
	parts := split(path, ".")
	some i in numbers.range(1, count(parts) - 1)
	some k in object.get(r.references, concat(".", array.slice(parts, 0, i)), [])
]

# ---------------------------------------------------------------------------------------
# CloudTrail data events. trail_coverage(trails) indexes, once, which data stores (S3 buckets,
# DynamoDB tables, SQS queues, SNS topics, Kinesis streams; the last three through advanced
# selectors only) a set of
# trails records data events for (basic or advanced selectors): wholesale (all stores of a
# type, minus exclusions) or named (by ARN or by reference). Rules keep the index in a
# complete rule and test each store with covered_by in constant time.

all_stores := {
	"AWS::S3::Object": {"arn:aws:s3", "arn:aws:s3:::"}, "AWS::DynamoDB::Table": {"arn:aws:dynamodb"},
	"AWS::SQS::Queue": {"arn:aws:sqs"}, "AWS::SNS::Topic": {"arn:aws:sns"}, "AWS::Kinesis::Stream": {"arn:aws:kinesis"},
}

store_name(r) := r.values.bucket if r.type == "aws_s3_bucket"

store_name(r) := r.values.name if r.type in {"aws_dynamodb_table", "aws_sqs_queue", "aws_sns_topic", "aws_kinesis_stream"}

# The store an ARN (or ARN prefix) in a selector names.
arn_store_name(v, "AWS::S3::Object") := split(trim_prefix(v, "arn:aws:s3:::"), "/")[0] if startswith(v, "arn:aws:s3:::")

arn_store_name(v, "AWS::DynamoDB::Table") := split(parts[1], "/")[0] if {
	parts := split(v, ":table/")
	count(parts) == 2
}

arn_store_name(v, "AWS::Kinesis::Stream") := split(parts[1], "/")[0] if {
	parts := split(v, ":stream/")
	count(parts) == 2
}

# arn:aws:sqs:<region>:<account>:<name>, arn:aws:sns:<region>:<account>:<name>
arn_store_name(v, data_type) := parts[5] if {
	data_type in {"AWS::SQS::Queue", "AWS::SNS::Topic"}
	parts := split(v, ":")
	count(parts) == 6
}

logging_trails(trails) := [t | some t in trails; object.get(t.values, "enable_logging", true) != false]

selector_values(sel, field) := [v |
	some fs in objects(object.get(sel, "field_selector", null))
	fs.field == field
	some v in array.concat(as_list(object.get(fs, "equals", null)), as_list(object.get(fs, "starts_with", null)))
]

excluded_values(sel) := [v |
	some fs in objects(object.get(sel, "field_selector", null))
	fs.field == "resources.ARN"
	some v in array.concat(as_list(object.get(fs, "not_equals", null)), as_list(object.get(fs, "not_starts_with", null)))
]

refs_at(trail, path) := object.get(trail.references, path, [])

basic_data_resources(trail) := [[dr.type, as_list(object.get(dr, "values", null))] |
	some sel in objects(object.get(trail.values, "event_selector", null))
	object.get(sel, "read_write_type", "All") in {"All", null}
	some dr in objects(object.get(sel, "data_resource", null))
	all_stores[dr.type]
]

# Advanced selectors for data events of one type, read and write alike.
advanced_data_selectors(trail) := [[data_type, sel] |
	some sel in objects(object.get(trail.values, "advanced_event_selector", null))
	"Data" in selector_values(sel, "eventCategory")
	count(selector_values(sel, "readOnly")) == 0
	some data_type in selector_values(sel, "resources.type")
	all_stores[data_type]
]

trail_coverage(trails) := {"wholesale": wholesale, "named": named} if {
	logging := logging_trails(trails)
	wholesale := array.concat(
		[w |
			some trail in logging
			some [data_type, values] in basic_data_resources(trail)
			some v in values
			v in all_stores[data_type]
			w := {"type": data_type, "excluded_names": set(), "excluded_keys": set()}
		],
		[w |
			some trail in logging
			some [data_type, sel] in advanced_data_selectors(trail)
			count(selector_values(sel, "resources.ARN")) == 0
			w := {
				"type": data_type,
				"excluded_names": {n | some v in excluded_values(sel); n := arn_store_name(v, data_type)},
				"excluded_keys": {k | some path in ["advanced_event_selector.field_selector.not_starts_with", "advanced_event_selector.field_selector.not_equals"]; some k in refs_at(trail, path)},
			}
		],
	)
	named := {e |
		some trail in logging
		some [data_type, values] in basic_data_resources(trail)
		some e in named_entries(trail, data_type, values, ["event_selector.data_resource.values"])
	} | {e |
		some trail in logging
		some [data_type, sel] in advanced_data_selectors(trail)
		values := selector_values(sel, "resources.ARN")
		count(values) > 0
		some e in named_entries(trail, data_type, values, ["advanced_event_selector.field_selector.equals", "advanced_event_selector.field_selector.starts_with"])
	}
}

named_entries(trail, data_type, values, paths) := {concat("|", [data_type, "name", n]) |
	some v in values
	n := arn_store_name(v, data_type)
	n != ""
	not contains(n, "${")
} | {concat("|", [data_type, "key", k]) |
	some path in paths
	some k in refs_at(trail, path)
}

# The indexed trails record data events of data_type ("AWS::S3::Object",
# "AWS::DynamoDB::Table") for store r.
covered_by(coverage, data_type, r) if coverage.named[concat("|", [data_type, "key", r.key])]

covered_by(coverage, data_type, r) if coverage.named[concat("|", [data_type, "name", store_name(r)])]

covered_by(coverage, data_type, r) if {
	some w in coverage.wholesale
	w.type == data_type
	not w.excluded_keys[r.key]
	not excluded_name(w, r)
}

excluded_name(w, r) if w.excluded_names[store_name(r)]

# ---------------------------------------------------------------------------------------
# AWS identity policies and trust policies in the input, each as
#   {"resource": r, "label": "<address>" or "<address> inline policy <name>", "doc": policy}

# Identity policy resources and the attribute holding their document (IAM Identity Center
# permission sets carry theirs in inline_policy).
identity_policy_types := {
	"aws_iam_policy": "policy", "aws_iam_role_policy": "policy", "aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy", "aws_ssoadmin_permission_set_inline_policy": "inline_policy",
}

# Lists, not sets, here and wherever whole resources are collected for rules to iterate: OPA's
# WASM hashes a set's elements, whole resources included, on each insert, growth and
# iteration step (~40 % of evaluation). Rules report through deny sets, which drop duplicates.
identity_documents := array.concat(
	[{"resource": r, "label": r.address, "doc": policy(r, attr)} |
		some t, attr in identity_policy_types
		some r in of_type(t)
	],
	# aws_iam_role inline_policy blocks (legacy inline form).
	[{"resource": r, "label": label, "doc": doc} |
		some r in of_type("aws_iam_role")
		some b in objects(object.get(r.values, "inline_policy", null))
		p := object.get(b, "policy", null)
		p != null
		p != ""
		label := sprintf("%s inline policy %s", [r.address, object.get(b, "name", "")])
		doc := inline_document(p)
	],
)

inline_document(p) := {"status": "known", "statements": json_statements(json_policy(p))} if json_policy(p)

inline_document(p) := {"status": "unknown", "statements": []} if not json_policy(p)

trust_documents := [{"resource": r, "label": r.address, "doc": policy(r, "assume_role_policy")} | some r in of_type("aws_iam_role")]

# An external id the caller must present: a value that is neither empty nor only wildcards
# ("" and "*" are accepted from anyone who knows nothing).
external_id(s) if {
	some c in s.conditions
	c.variable == "sts:externalid"
	c.test in {"stringequals", "stringlike"}
	some v in c.values
	not regex.match(`^[*?]*$`, v)
}

# An AWS principal whose account the input cannot show: what only apply knows (written
# "(known after apply)" in a partly known document, null in a policy document's block) or an
# interpolation the tool cannot evaluate. Never "*": apply computes ARNs and ids.
unknown_account_principal(p) if {
	p.type == "AWS"
	not principal_account(p.id)
	unresolved_principal_id(p.id)
}

unresolved_principal_id(id) if not is_string(id)

unresolved_principal_id(id) if contains(id, "(known after apply)")

unresolved_principal_id(id) if contains(id, "${")

# What a role's trust policy is built from: the resources its assume_role_policy refers to,
# a policy document's own references (two levels of documents deep) in its place. A key the
# input does not hold (a module not checked) stands as a source of its own, of no known type,
# and so does a part set from what the input cannot follow (`unlinked`: a variable without a
# value, a local value or module output not resolved), whatever else the policy names.
trust_sources(r) := {x |
	some key in object.get(r.references, "assume_role_policy", [])
	some x in document_sources(source_at(key))
} | {x |
	some x in open_sources(r)
	startswith(concat("", [x.path, "."]), "assume_role_policy.")
}

open_sources(x) := {{"type": "", "address": sprintf("%s.%s, set from a value not known here", [x.address, u]), "provider": "", "path": u} |
	some u in object.get(x, "unlinked", [])
}

source_at(key) := input.resources[key]

source_at(key) := {"type": "", "address": substring(key, indexof(key, "/") + 1, -1), "provider": ""} if not input.resources[key]

document_sources(x) := {x} if x.type != "aws_iam_policy_document"

document_sources(d) := {x |
	some keys in d.references
	some key in keys
	some x in nested_document_sources(source_at(key))
} | open_sources(d) if d.type == "aws_iam_policy_document"

nested_document_sources(x) := {x} if x.type != "aws_iam_policy_document"

nested_document_sources(d) := {source_at(key) |
	some keys in d.references
	some key in keys
} | open_sources(d) if d.type == "aws_iam_policy_document"

# Identities in the account of the provider configuration that reads or creates them: the
# caller, IAM roles (and the account's list of them), users, service-linked roles and identity
# providers (a trust policy's federated statement names one) (a role trusting another role of the
# same configuration by its ARN is the commonest case). Any other source may hold any account
# (an organizations account's id, a parameter's value, a module output).
own_account_types := {
	"aws_caller_identity", "aws_iam_role", "aws_iam_roles", "aws_iam_user", "aws_iam_service_linked_role",
	"aws_iam_openid_connect_provider", "aws_iam_saml_provider",
}

# A trust policy source that is not provably the role's own account: anything but those
# identities read or created through the role's own provider configuration (alias included;
# one through another, an alias that assumes a role elsewhere, is that other account) and
# the partition and region, which name no account.
foreign_source(_, x) if {
	not x.type in own_account_types
	not x.type in {"aws_partition", "aws_region"}
}

foreign_source(r, x) if {
	x.type in own_account_types
	x.provider != r.provider
}

# How a message names a source that may be another account.
source_text(r, x) := sprintf("%s through provider %s, not %s", [x.address, x.provider, r.provider]) if {
	x.type in own_account_types
	x.provider != r.provider
} else := x.address

# Where a trusted account unknown at plan time may come from, as a message says it:
# " (from …)", or nothing when the trust policy names no source the input can follow.
unknown_account_from(r) := sprintf(" (from %s)", [concat(", ", sort(texts))]) if {
	texts := {source_text(r, x) | some x in trust_sources(r); foreign_source(r, x)}
	count(texts) > 0
} else := ""

# The role's trust policy holds nothing unknown but its own account: what it is built from is
# only identities of the role's own provider configuration (and names no account otherwise).
own_account_only(r) if {
	sources := trust_sources(r)
	some x in sources
	x.type in own_account_types
	every y in sources {
		not foreign_source(r, y)
	}
}

# A statement's Resource that names every resource: "*", or an ARN that says the same ("arn:*",
# "arn:aws:s3:::*", "arn:aws:dynamodb:*:*:table/*", "arn:aws:iam::*:role/*": any region and
# account, every resource of a type). `Action "*"` on "arn:*" had passed as scoped (found by an
# audit of public Terraform).
every_resource(r) if {
	r == "*"
} else if {
	# Such an ARN ends with ":*" or ":*/*", or has a wildcard account: most resources
	# ("arn:aws:s3:::orders/*") are out before anything is split.
	any_resource_shape(r)
	startswith(r, "arn:")
	parts := split(r, ":")
	every_resource_arn(parts, count(parts))
}

any_resource_shape(r) if {
	endswith(r, ":*")
} else if {
	endswith(r, ":*/*")
} else if {
	contains(r, ":*:")
}

every_resource_arn(_, n) if n < 6

every_resource_arn(parts, n) if {
	n >= 6
	parts[3] in any_or_none
	parts[4] in any_or_none
	every_resource_part(concat(":", array.slice(parts, 5, n)), parts[4])
}

# Constants, not literals in the functions: OPA's WASM builds a literal set at every call.
any_or_none := {"*", ""}

every_resource_parts := {"*", "*/*"}

every_resource_part(rest, _) if rest in every_resource_parts

# Every resource of a type, in any account.
every_resource_part(rest, "*") if regex.match(`^[A-Za-z0-9_.-]+/\*$`, rest)

# The IAM service prefix wildcard: "*" or "svc:*".
service_wildcard(a) if a == "*"

service_wildcard(a) if {
	parts := split(a, ":")
	count(parts) == 2
	parts[1] == "*"
}

# ---------------------------------------------------------------------------------------
# AWS identities by name across every stack, with the environments they are defined in,
# so a reference by name or ARN from another stack can be attributed.

identity_environments[name] contains env if {
	some t in ["aws_iam_role", "aws_iam_user"]
	some r in of_type(t)
	name := r.values.name
	literal(name)
	env := environment(r)
}

# `arn:aws:iam::123456789012:role/path/name` → name (also user/…).
arn_identity_name(arn) := parts[count(parts) - 1] if {
	startswith(arn, "arn:")
	regex.match(`:(role|user)/`, arn)
	parts := split(arn, "/")
}

# ---------------------------------------------------------------------------------------
# Load balancers under their name and its former one (aws_alb), and each one's type:
# application (the provider's default), network, gateway, or "unknown" where it is configured
# but not readable (the provider does not compute it, so unknown in a plan means configured).
load_balancers := array.concat(of_type("aws_lb"), of_type("aws_alb"))

lb_type(lb) := "unknown" if {
	unresolved(lb, "load_balancer_type")
} else := "unknown" if {
	unknown_at(lb, "load_balancer_type")
} else := t if {
	t := lb.values.load_balancer_type
	is_string(t)
} else := "application"

# ---------------------------------------------------------------------------------------
# API Gateway stages a deployment makes through its (deprecated) stage_name: not an
# aws_api_gateway_stage, so no access_log_settings and nothing a WAF association can refer
# to. The stage's name, or a note where it is unknown; none where a managed stage of the same
# API and name exists (the deployment then only points that stage at itself).
api_implicit_stage(d) := name if {
	name := object.get(d.values, "stage_name", null)
	literal(name)
	not api_managed_stage(d, name)
} else := "(name unknown at plan time)" if unresolved(d, "stage_name")

api_managed_stage(d, name) if {
	some s in of_type("aws_api_gateway_stage")
	object.get(s.values, "stage_name", null) == name
	same_rest_api(s, d)
}

same_rest_api(a, b) if {
	some k in object.get(a.references, "rest_api_id", [])
	k in object.get(b.references, "rest_api_id", [])
}

same_rest_api(a, b) if {
	id := object.get(a.values, "rest_api_id", null)
	literal(id)
	id == object.get(b.values, "rest_api_id", null)
}

# ---------------------------------------------------------------------------------------
# S3 bucket configuration resources (AWS provider 4+ split them from aws_s3_bucket).

s3_attachment_types := [
	"aws_s3_bucket_ownership_controls", "aws_s3_bucket_server_side_encryption_configuration",
	"aws_s3_bucket_policy", "aws_s3_bucket_logging", "aws_s3_bucket_versioning",
	"aws_s3_bucket_object_lock_configuration",
]

# Attachments naming their bucket literally (code without references): type → name → keys
# (looked up without building a key string for every bucket a rule reads).
s3_named_keys[t][name] contains r.key if {
	some t in s3_attachment_types
	some r in of_type(t)
	name := r.values.bucket
	literal(name)
}

s3_named := {t: {name: sort(keys) | some name, keys in names} | some t, names in s3_named_keys}

# Resources of type t that configure the bucket: linked by reference or naming it.
s3_attached(bucket, t) := array.concat(linked_from(bucket, t, "bucket"), [input.resources[k] |
	some k in object.get(object.get(s3_named, t, {}), object.get(bucket.values, "bucket", ""), [])
])

s3_aws_managed_keys := {"aws/s3", "alias/aws/s3"}

# Default-encryption settings of a bucket: the standalone configuration resources and the
# legacy inline block.
s3_encryption_configs(bucket) := array.concat(
	[s3_encryption_config(c, "rule") | some c in s3_attached(bucket, "aws_s3_bucket_server_side_encryption_configuration")],
	[s3_encryption_config(bucket, "server_side_encryption_configuration.rule") |
		count(values_at(bucket, "server_side_encryption_configuration")) > 0
	],
)

# One setting as {r, prefix, rules, defaults}: its rule blocks at prefix and their
# apply_server_side_encryption_by_default blocks, walked once for every check below (each
# check walking its whole path from the resource again took ~19 KB of memory a bucket).
s3_encryption_config(r, prefix) := {"r": r, "prefix": prefix, "rules": rules, "defaults": step(rules, "apply_server_side_encryption_by_default")} if {
	rules := path_values(r.values, prefix)
}

s3_config_path(cfg, attr) := concat(".", [cfg.prefix, attr])

s3_kms_algorithms := {"aws:kms", "aws:kms:dsse"}

s3_sse_kms(cfg) if {
	some alg in step(cfg.defaults, "sse_algorithm")
	alg in s3_kms_algorithms
}

# (else: the reference is looked for only where no literal key is set, and its path is one
# of two constants; building it and asking every clause of references_under took ~2.5 KB of
# the policy's memory a configuration.)
s3_cmk(cfg) if {
	some id in step(cfg.defaults, "kms_master_key_id")
	literal(id)
	not id in s3_aws_managed_keys
	not endswith(id, ":alias/aws/s3")
} else if references_under(cfg.r, s3_kms_key_paths[cfg.prefix])

s3_kms_key_paths := {prefix: concat(".", [prefix, "apply_server_side_encryption_by_default.kms_master_key_id"]) |
	some prefix in ["rule", "server_side_encryption_configuration.rule"]
}

s3_bucket_key(cfg) if true in step(cfg.rules, "bucket_key_enabled")

# The bucket's default encryption is SSE-KMS under a customer-managed key.
s3_encrypted_with_cmk(bucket) if {
	some cfg in s3_encryption_configs(bucket)
	s3_sse_kms(cfg)
	s3_cmk(cfg)
}

# The bucket's versioning: "on" (an aws_s3_bucket_versioning with status Enabled, or the
# legacy inline versioning { enabled = true }), "unknown" (a status not readable before
# apply) or "off".
s3_versioning(bucket) := "on" if {
	some v in s3_attached(bucket, "aws_s3_bucket_versioning")
	"Enabled" in values_at(v, "versioning_configuration.status")
} else := "on" if {
	true in values_at(bucket, "versioning.enabled")
} else := "unknown" if {
	some v in s3_attached(bucket, "aws_s3_bucket_versioning")
	unresolved(v, "versioning_configuration.status")
} else := "unknown" if {
	unresolved(bucket, "versioning.enabled")
} else := "off"

# Bucket policy documents: attached aws_s3_bucket_policy resources and the legacy inline
# policy (unless the provider only computes it).
s3_policy_documents(bucket) := array.concat(
	[policy(p, "policy") | some p in s3_attached(bucket, "aws_s3_bucket_policy")],
	[policy(bucket, "policy") | not computed_unset(bucket, "policy")],
)

# ---------------------------------------------------------------------------------------
# Guards: resources that protect another resource (a public access block, ownership
# controls, a bucket policy, network rules). Estates split them across stacks, modules and
# states, so when what a guard protects is not in the input the guard is checked on its own
# and the finding names the guard; when it is, the finding stays on the guarded resource.

s3_bucket_names := {name |
	some b in of_type("aws_s3_bucket")
	name := b.values.bucket
	literal(name)
}

# The bucket an S3 attachment configures is in the input: by reference or by literal name.
s3_bucket_present(a) if {
	some key in object.get(a.references, "bucket", [])
	input.resources[key].type == "aws_s3_bucket"
} else if {
	s3_bucket_names[object.get(a.values, "bucket", null)]
}

# The bucket a guard names, for messages: its literal name, never expression text.
guarded_bucket(a) := sprintf("bucket %s", [a.values.bucket]) if literal(a.values.bucket)

guarded_bucket(a) := "a bucket" if not literal(object.get(a.values, "bucket", null))

# How a boolean guard setting reads: its value, unknown, or unset with the provider default.
flag_state(r, attr, _) := "unknown at plan time" if unresolved(r, attr)

flag_state(r, attr, _) := "unknown at plan time" if {
	not unresolved(r, attr)
	unknown_at(r, attr)
}

flag_state(r, attr, default_value) := sprintf("unset (%v by default)", [default_value]) if {
	not unknown_at(r, attr)
	not unresolved(r, attr)
	object.get(r.values, attr, null) == null
}

flag_state(r, attr, _) := sprintf("%v", [v]) if {
	not unknown_at(r, attr)
	not unresolved(r, attr)
	v := object.get(r.values, attr, null)
	v != null
}

# ---------------------------------------------------------------------------------------
# Forensic evidence stores: tagged purpose = forensics (configurable key and value).

is_evidence(r) if r.tags[settings.forensic_tag_key] == settings.forensic_tag_value

# Incident-response role names: globs over the role name (`*incident-response*`).
incident_response_name(name) if {
	some pattern in settings.incident_response_role_names
	glob.match(lower(pattern), null, lower(name))
}

# Incident-response roles, by their literal name.
is_incident_response_role(r) if {
	r.type == "aws_iam_role"
	name := r.values.name
	literal(name)
	incident_response_name(name)
}

# ---------------------------------------------------------------------------------------
# RDS: stand-alone instances and clusters own storage, backups and deletion protection;
# instances that join a cluster inherit them.

cluster_member(r) if {
	r.type == "aws_db_instance"
	is_set(r, "cluster_identifier")
}

rds_storage_owners := [r |
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some r in of_type(t)
	not cluster_member(r)
]

# ---------------------------------------------------------------------------------------
# CloudFront behaviours and Front Door routes by path pattern.

# The path pattern lies within one of the patterns (`/account/*` within `/account*`).
within_patterns(path, patterns) if {
	some p in patterns
	glob.match(p, null, path)
}

# Ordered cache behaviours of a distribution (objects in every source shape).
ordered_behaviours(d) := objects(object.get(d.values, "ordered_cache_behavior", null))

# ---------------------------------------------------------------------------------------
# Content-Security-Policy: what is wrong with the script sources of a header value.

csp_directives(csp) := {name: tokens |
	some part in split(csp, ";")
	words := [w | some w in split(trim_space(part), " "); w != ""]
	count(words) > 0
	name := lower(words[0])
	tokens := array.slice(words, 1, count(words))
}

# script-src governs scripts; default-src applies when it is absent.
csp_script_sources(csp) := csp_directives(csp)["script-src"]

csp_script_sources(csp) := csp_directives(csp)["default-src"] if not csp_directives(csp)["script-src"]

csp_script_problems(csp) := {"no script-src or default-src"} if not csp_script_sources(csp)

csp_script_problems(csp) := {sprintf("script source %s", [tok]) |
	some tok in sources
	bad_script_source(tok)
} if {
	sources := csp_script_sources(csp)
}

bad_script_source(tok) if contains(tok, "*")

bad_script_source(tok) if lower(tok) == "'unsafe-inline'"

# ---------------------------------------------------------------------------------------
# Data classification: what is missing from a data store's tags (provider default tags
# included).

classification_problems(r) := (missing_tags(r) | unknown_tags(r)) | invalid_classification(r)

required_tag_keys := array.concat([settings.classification_tag_key], settings.ownership_tag_keys)

# A tag whose value is known only after apply (plans mark `tags.<key>`), or an expression.
# ("tags." + key in r.unknown, that string built only where an unknown is a tag.)
tag_unknown(r, key) if {
	some u in r.unknown
	startswith(u, "tags.")
	u == concat(".", ["tags", key])
}

tag_unknown(r, key) if {
	some u in r.unknown
	startswith(u, "tags_all.")
	u == concat(".", ["tags_all", key])
}

tag_unknown(r, key) if {
	v := object.get(r.tags, key, "")
	is_string(v)
	contains(v, "${")
}

# Absent from tags whose keys are known: missing, not "unknown".
missing_tags(r) := {sprintf("missing tag %s", [key]) |
	some key in required_tag_keys
	object.get(r.tags, key, "") == ""
	not tag_unknown(r, key)
}

unknown_tags(r) := {sprintf("tag %s unknown at plan time", [key]) |
	some key in required_tag_keys
	tag_unknown(r, key)
}

invalid_classification(r) := {sprintf("%s %s is not one of %s", [settings.classification_tag_key, value, concat(", ", settings.allowed_classifications)]) |
	value := object.get(r.tags, settings.classification_tag_key, "")
	literal(value)
	not lower(value) in settings.allowed_classifications
}

# Set in the configuration: a non-empty value, or a reference (even one unknown at plan
# time). Unlike is_set, an attribute the provider computes when it is not configured (e.g.
# aws_db_instance.kms_key_id, filled with the AWS-managed key) does not count.
configured(r, path) if {
	some v in values_at(r, path)
	v != ""
}

configured(r, path) if references_under(r, path)

configured(r, path) if unreadable_at(r, path)

# ---------------------------------------------------------------------------------------
# Settings a rule cannot read: unknown at plan time, or an interpolation the tool cannot
# evaluate. Rules report these as "cannot be verified", never as compliant.

unverifiable(r, path) if unknown_at(r, path)

unverifiable(r, path) if interpolated(r, path)

# A boolean whose provider default is true (public network access, local keys …) is not
# literally false.
not_false(r, path) if object.get(r.values, path, true) != false

# ---------------------------------------------------------------------------------------
# IPv4 ranges in firewall rules and IP filters.

# Dotted IPv4 address → integer.
ipv4(s) := n if {
	regex.match(`^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$`, s)
	o := [to_number(x) | some x in split(s, ".")]
	n := (((o[0] * 16777216) + (o[1] * 65536)) + (o[2] * 256)) + o[3]
}

# Addresses a start–end firewall rule opens.
ipv4_range_size(start, end) := (ipv4(end) - ipv4(start)) + 1

# Addresses an IP-filter entry admits: one address, or a CIDR block ("10.0.0.0/16").
ipv4_entry_size(e) := 1 if ipv4(e)

ipv4_entry_size(e) := bits.lsh(1, 32 - prefix) if {
	parts := split(trim_space(e), "/")
	count(parts) == 2
	ipv4(parts[0])
	regex.match(`^[0-9]{1,2}$`, parts[1])
	prefix := to_number(parts[1])
	prefix <= 32
}

# Entries of an IP filter given as a list or as one comma-separated string (azurerm 3.x).
ip_filter_entries(v) := [trim_space(e) | some x in as_list(v); is_string(x); some e in split(x, ","); trim_space(e) != ""]

# Firewall rules (start_ip_address … end_ip_address) of the given types that open more than
# sql_firewall_max_addresses addresses, as [rule, number of addresses].
wide_firewall_rules(types) := [[r, size] |
	some t in types
	some r in of_type(t)
	size := ipv4_range_size(r.values.start_ip_address, r.values.end_ip_address)
	size > settings.sql_firewall_max_addresses
]

# ---------------------------------------------------------------------------------------
# App Service: web apps, function apps and their deployment slots, current and legacy.

legacy_app_service_types := ["azurerm_app_service", "azurerm_function_app", "azurerm_app_service_slot", "azurerm_function_app_slot"]

app_service_types := array.concat(legacy_app_service_types, [
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
])

# ---------------------------------------------------------------------------------------
# Azure network address prefixes that mean "anyone": the service tags and every /0 prefix
# (Azure ignores the host bits, so 10.0.0.0/0 is the whole internet too).

azure_internet_tags := {"*", "any", "internet"}

azure_internet_prefix(s) if lower(s) in azure_internet_tags

azure_internet_prefix(s) if {
	is_string(s)
	internet_cidr(trim_space(s))
}

# An address range that takes in the internet: 0.0.0.0/0 and ::/0, and the same written in
# parts (0.0.0.0/1 with 128.0.0.0/1; 2000::/3, every global IPv6 address), which had passed
# every rule that looked for "/0": an IPv4 block of /7 or wider (no private range is: 10.0.0.0/8
# is the widest) and an IPv6 block of /3 or wider over the global addresses.
internet_cidr(c) if {
	c in internet_exact
} else if {
	# A one-digit prefix first, without a number (OPA's WASM allocates each): most ranges
	# are /8 to /32.
	some suffix in ipv4_wide_suffixes
	endswith(c, suffix)
	not contains(c, ":")
	cidr(c)
	net.cidr_intersects(c, "0.0.0.0/0")
} else if {
	some suffix in ipv6_wide_suffixes
	endswith(c, suffix)
	contains(c, ":")
	cidr(c)
	net.cidr_intersects(c, "2000::/3")
}

# A block written as AWS and Azure take one: an address, "/", a prefix length, nothing else.
# OPA's WebAssembly reads more than its Go engine ("1.2.3.4/32/1" and "1.2.3.4/1x" as blocks,
# which Go refuses), so a text the two would read apart is not read as a block by either.
cidr(c) if regex.match(`^([0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}$|^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/[0-9]{1,3}$`, c)

# Constants, not literals in the function: OPA's WASM builds a literal set at every call.
internet_exact := {"0.0.0.0/0", "::/0"}

ipv4_wide_suffixes := {"/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7"}

ipv6_wide_suffixes := {"/0", "/1", "/2", "/3"}

# ---------------------------------------------------------------------------------------
# Network addresses unknown at plan time (security groups, NSG rules, database firewall
# rules).

# Types whose every address is a network's own range or one address: a VPC's, subnet's or
# virtual network's CIDR (AWS allows /16–/28 for IPv4 and /56–/64 for IPv6; Azure none wider
# than /8), an Elastic IP or Azure public IP. Never 0.0.0.0/0, ::/0 or an Azure service tag.
network_range_types := {
	"aws_vpc", "aws_default_vpc", "aws_subnet", "aws_default_subnet",
	"aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association", "aws_eip",
	"azurerm_virtual_network", "azurerm_subnet", "azurerm_public_ip",
}

# Set from resources (and only those) that are networks' own ranges or single addresses.
from_network_range(r, path) if {
	keys := object.get(r.references, path, ancestor_references(r, path))
	count(keys) > 0
	not unlinked_under(r, path)
	every k in keys {
		input.resources[k].type in network_range_types
	}
}

# An address setting that is configured but unreadable (from another resource, a variable
# without a value, an interpolation), and may be the whole internet.
unresolved_address(r, path) if {
	unresolved_list(r, path)
	not from_network_range(r, path)
}

# Configured but unreadable, or a list with an element that is an interpolation the tool
# cannot evaluate (`["${var.cidr}"]`).
unresolved_list(r, path) if unresolved(r, path)

unresolved_list(r, path) if {
	some v in values_at(r, path)
	is_array(v)
	some x in v
	is_string(x)
	contains(x, "${")
}

# A value inside one block (the block's own value, and whether the resource's configuration
# at path is unreadable). "unknown" when the block leaves it out and the configuration sets
# it from what the input cannot show, or it is an interpolation.
block_value(r, rule, attr, path) := "unknown" if {
	v := object.get(rule, attr, null)
	v == null
	unresolved(r, path)
} else := "unknown" if {
	v := object.get(rule, attr, null)
	is_string(v)
	contains(v, "${")
} else := object.get(rule, attr, null)

# Firewall rules (start_ip_address … end_ip_address) of the given types whose range cannot be
# read and may open more than sql_firewall_max_addresses addresses, as [rule, attributes
# unknown]. A known end (start) that bounds every possible range below the limit excuses it.
unknown_firewall_rules(types) := [[r, attrs] |
	some t in types
	some r in of_type(t)
	attrs := [a | some a in ["start_ip_address", "end_ip_address"]; unresolved(r, a)]
	count(attrs) > 0
	not firewall_bounded(r)
	not single_public_ip(r)
]

# Whatever start: end + 1 addresses at most.
firewall_bounded(r) if {
	not unresolved(r, "end_ip_address")
	ipv4(r.values.end_ip_address) + 1 <= settings.sql_firewall_max_addresses
}

# Whatever end: from start to 255.255.255.255 at most.
firewall_bounded(r) if {
	not unresolved(r, "start_ip_address")
	4294967296 - ipv4(r.values.start_ip_address) <= settings.sql_firewall_max_addresses
}

# Start and end are the one public IP the configuration creates: one address.
single_public_ip(r) if {
	starts := object.get(r.references, "start_ip_address", [])
	count(starts) == 1
	starts == object.get(r.references, "end_ip_address", [])
	input.resources[starts[0]].type == "azurerm_public_ip"
	not unlinked_under(r, "start_ip_address")
	not unlinked_under(r, "end_ip_address")
}

# ---------------------------------------------------------------------------------------
# Identities whose name cannot be read.

# A role whose name is configured but cannot be read (a variable without a value, a value from
# another resource or a local, an interpolation) may be the incident-response role: its name
# is wholly unknown, or the parts the configuration writes (interpolations left out) already
# match incident_response_role_names.
maybe_incident_response_role(r) if {
	r.type == "aws_iam_role"
	maybe_unresolved(r, r.values, "", ["name"])
	unresolved(r, "name")
	maybe_incident_response_written([v | some v in values_at(r, "name"); is_string(v)])
}

maybe_incident_response_written(written) if count(written) == 0

maybe_incident_response_written(written) if {
	some v in written
	maybe_incident_response_rest(concat("", written_parts(v)))
}

# The parts of a string the configuration writes around its `${…}` interpolations.
written_parts(v) := array.concat([parts[0]], [after |
	some i, p in parts
	i > 0
	after := concat("}", array.slice(split(p, "}"), 1, count(split(p, "}"))))
]) if {
	parts := split(v, "${")
}

maybe_incident_response_rest("")

maybe_incident_response_rest(rest) if incident_response_name(rest)

# Whether a block (or, with prefix "", the resource's own values) may hold one of attrs the
# input cannot show: something unknown there, an unreadable value, or an interpolation. A
# gate before a rule asks unresolved() of each attribute of each block (which reads every
# value at the path): most blocks of a plan hold only values, and at 20k resources the
# security-group rules asked it of every one. One walk of the resource's unknowns.
# (The block itself unknown: one string made per call, none per unknown.)
maybe_unresolved(r, block, prefix, attrs) if {
	prefix != ""
	some u in r.unknown
	startswith(u, prefix)
} else if {
	prefix != ""
	trim_suffix(prefix, ".") in r.unknown
} else if {
	prefix == ""
	some u in r.unknown
	u in attrs
} else if {
	some a in attrs
	some v in as_list(object.get(block, a, null))
	is_string(v)
	contains(v, "${")
} else if {
	count(object.get(r, "unreadable", [])) > 0
}
