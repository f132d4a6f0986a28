# METADATA
# title: OpenAPI documents of API Gateway APIs
# description: |
#   The operations an OpenAPI (3.x) or Swagger (2.0) document defines in an API's `body`,
#   JSON or YAML, and whether API Gateway makes each one authenticate its callers: an
#   operation's `security` (else the document's) naming a scheme that is an authorizer
#   (x-amazon-apigateway-authorizer or -authtype, OAuth2, OpenID Connect), or
#   x-amazon-apigateway-auth of type AWS_IAM. An API key scheme alone identifies a
#   client, it does not authenticate one; an empty requirement ({}) makes the rest optional.
package leakguard.lib.openapi

import data.leakguard.lib.resources
import rego.v1

# The document at `body`, where it can be read: known at plan time, literal, JSON or YAML.
document(r) := doc if {
	not unreadable(r)
	body := r.values.body
	doc := parsed(body)
	is_object(doc)
	not pending(doc)
}

# Read partly known (hcl-eval/partial.go apiDocumentTypes), a document holds this text where
# only apply knows a value (an integration's or authorizer's Lambda ARN): harmless there, but
# in what decides an operation's security (a requirement's or scheme's name, a scheme's type
# or auth type, an x-amazon-apigateway-auth type) it leaves the security unknown.
placeholder := "(known after apply)"

pending(doc) if {
	some name, s in schemes(doc)
	some text in array.concat([name, s], [v | is_object(s); some k in ["type", "x-amazon-apigateway-authtype", "x-amazon-apigateway-authorizer"]; v := s[k]])
	is_string(text)
	contains(text, placeholder)
}

# The schemes as a whole (an authorizerUri inside them is no part of the decision).
pending(doc) if {
	some where in [object.get(doc, "securityDefinitions", ""), object.get(doc, "components", ""), object.get(components(doc), "securitySchemes", "")]
	is_string(where)
	contains(where, placeholder)
}

components(doc) := as_object(object.get(doc, "components", {}))

as_object(x) := x if is_object(x)

else := {}

# Anywhere in a security requirement list: a name, or the list itself.
pending(doc) if {
	some reqs in array.concat([object.get(doc, "security", [])], [object.get(o.op, "security", []) | some o in operations(doc)])
	contains(json.marshal(reqs), placeholder)
}

pending(doc) if {
	some o in operations(doc)
	contains(sprintf("%v", [object.get(o.op, "x-amazon-apigateway-auth", {})]), placeholder)
}

# JSON only where the whole text is an object (resources.json_text: yamlencode writes
# `"openapi": "3.0.1"` first, a text that begins with a JSON value).
parsed(body) := resources.json_text(body) if json_object(body)

parsed(body) := yaml.unmarshal(first_document(body)) if {
	not json_object(body)
	not resources.lone_surrogate(body) # the WebAssembly aborts on one in a quoted string
	not opens_with_indicator(body)
	yaml.is_valid(first_document(body))
}

# API Gateway's import reads the first YAML document: a body may end with `---` (an empty
# document after it: audit k4) or `...`, which YAML parsers refuse as one value.
first_document(body) := concat("\n", array.slice(lines, 0, min(cuts))) if {
	lines := split(body, "\n")
	content := [i | some i, line in lines; not marker(line); trim_space(line) != ""]
	count(content) > 0
	cuts := [i | some i, line in lines; i > content[0]; marker(line)]
	count(cuts) > 0
} else := body

# A text that opens as JSON and is not is no YAML document either, nor one that opens with
# another YAML indicator where an OpenAPI document opens with a key (an anchor, an alias, a
# tag, a block scalar): the YAML library our engine calls and OPA's Go YAML differ on such
# texts (a tab before '{', '1.' or '#' after it, '&{…}' read as a mapping by one only).
opens_with_indicator(body) if regex.match("^\\s*[{\\[&*!|>%@`]", body)

# (A complex key "? ", an empty key ": " or a sequence "- " opens no OpenAPI document either:
# the library read "? {…}" and ": {…}" as mappings, Go refuses them.)
opens_with_indicator(body) if regex.match(`^\s*[?:-](\s|$)`, body)

marker(line) if trim_right(line, " \t\r") in {"---", "..."}

json_object(body) if is_object(resources.json_text(body))

unreadable(r) if resources.unknown_at(r, "body")

unreadable(r) if resources.unresolved(r, "body")

# (object.get: `not is_string(x.y)` is undefined, not true, where x has no y.)
unreadable(r) if not is_string(object.get(r.values, "body", null))

# Why a body that is set cannot be read (none where document(r) is defined).
why_unreadable(r) := "is unknown at plan time" if unreadable(r)

# One wording for a body that does not parse and one that parses to something else: OPA's
# Go and WebAssembly YAML parsers draw that line differently (',{…} x' is a plain scalar to
# one and an error to the other), and either way no operation can be read from it.
why_unreadable(r) := "is not an OpenAPI object in JSON or YAML" if {
	not unreadable(r)
	not is_object(parsed_or_null(r.values.body))
}

parsed_or_null(body) := parsed(body)

parsed_or_null(body) := null if not parses(body)

# (`not parsed(b)` holds where b parses to false: the body "false" was both.)
parses(body) if {
	_ := parsed(body)
}

why_unreadable(r) := "names what decides its security with values only apply knows" if {
	not unreadable(r)
	doc := parsed(r.values.body)
	is_object(doc)
	pending(doc)
}

verbs := {"get", "put", "post", "delete", "patch", "head", "options", "trace", "x-amazon-apigateway-any-method"}

verb_name(m) := "ANY" if lower(m) == "x-amazon-apigateway-any-method"

verb_name(m) := upper(m) if lower(m) != "x-amazon-apigateway-any-method"

# Every operation but CORS preflight (OPTIONS), named "VERB /path".
operations(doc) := [{"name": sprintf("%s %s", [verb_name(m), p]), "op": op} |
	some p, item in object.get(doc, "paths", {})
	is_object(item)
	some m, op in item
	lower(m) in verbs
	lower(m) != "options"
	is_object(op)
]

schemes(doc) := object.union(as_object(object.get(doc, "securityDefinitions", {})), as_object(object.get(components(doc), "securitySchemes", {})))

authorizer_scheme(s) if is_object(s["x-amazon-apigateway-authorizer"])

authorizer_scheme(s) if is_string(s["x-amazon-apigateway-authtype"])

authorizer_scheme(s) if lower(object.get(s, "type", "")) in {"oauth2", "openidconnect"}

# Each alternative of a security requirement list names an authorizer, and none is empty.
authorizes(doc, reqs) if {
	count(reqs) > 0
	every req in reqs {
		is_object(req)
		some name, _ in req
		authorizer_scheme(schemes(doc)[name])
	}
}

# Secured by the operation itself: its own `security`, or IAM (x-amazon-apigateway-auth
# documents NONE and AWS_IAM only; any other type attaches no authorizer).
op_secured(doc, op) if authorizes(doc, op.security)

op_secured(_, op) if upper(op["x-amazon-apigateway-auth"].type) == "AWS_IAM"

# Secured only by the document's `security`, which applies where the operation has none.
doc_secured(doc, op) if {
	not is_array(object.get(op, "security", null))
	authorizes(doc, object.get(doc, "security", []))
}

# The operations anyone may call, by name.
open_operations(doc) := sort([o.name |
	some o in operations(doc)
	not op_secured(doc, o.op)
	not doc_secured(doc, o.op)
])

# The operations only the document-level `security` covers (REST imports are documented to
# apply security per method: aws-apigateway-importer#204).
document_secured_operations(doc) := sort([o.name |
	some o in operations(doc)
	not op_secured(doc, o.op)
	doc_secured(doc, o.op)
])
