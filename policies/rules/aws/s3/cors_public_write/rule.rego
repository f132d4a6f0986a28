# METADATA
# title: S3 CORS rule lets any website write to the bucket
# description: |
#   A CORS rule (aws_s3_bucket_cors_configuration, or the deprecated cors_rule block of
#   aws_s3_bucket) whose allowed_origins holds "*" (or "http://*", "https://*") and whose
#   allowed_methods holds PUT, POST or DELETE lets scripts on every website send writes and
#   deletes to the bucket from their visitors' browsers. CORS grants no permission itself,
#   but with it any page can use a leaked presigned URL, a visitor's session or a write the
#   bucket policy allows, and read the answer. Read-only rules (GET, HEAD) from any origin are
#   not reported. The finding is on the resource holding the rule.
#   Unknowns: an origin or method list not readable before apply, in a rule whose other list
#   is open, is not proven and is reported; so are CORS rules set but unknown at plan time as
#   a whole (a dynamic block over a value known only after apply). Rules the provider computes
#   (aws_s3_bucket's cors_rule when a separate configuration manages them) are not.
# custom:
#   id: aws-s3-cors-public-write
#   control: public-storage
#   cloud: aws
#   severity: medium
#   legal:
#     - Cal. Civ. Code §1798.81.5 (reasonable security procedures)
#   audit_component: Secure configuration of hardware and software; access controls
#   remediation: |
#     Name the origins that may write (allowed_origins = ["https://shop.example.com"]) in a
#     rule of its own, and keep any rule open to "*" to GET and HEAD.
#   construct: HardenedBucket
#   runbook:
#     exposure: Scripts on any website can send writes and deletes to the bucket from their visitors' browsers and read the answers
#     preserve:
#       - do: Save the bucket's CORS rules as they are now
#         run: aws s3api get-bucket-cors --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Save the bucket policy (what a cross-origin write can do depends on it)
#         run: aws s3api get-bucket-policy --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Find where server access logs go, then copy the log objects of the exposure window (PUT, POST and DELETE requests with an Origin) to the evidence bucket
#         run: aws s3api get-bucket-logging --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#       - do: Look up who changed the bucket's CORS rules in the exposure window
#         run: aws cloudtrail lookup-events --region {{region}} --lookup-attributes AttributeKey=ResourceName,AttributeValue={{values.bucket|via.bucket.bucket}} --start-time {{window_start}} --end-time {{window_end}}
#     contain:
#       - do: Replace the CORS rules with reviewed ones that name the origins allowed to write (cors.json from the saved rules, write methods limited to your own origins)
#         run: aws s3api put-bucket-cors --bucket {{values.bucket|via.bucket.bucket}} --cors-configuration file://cors.json --region {{region}}
#     verify:
#       - do: No CORS rule allows PUT, POST or DELETE from "*"
#         run: aws s3api get-bucket-cors --bucket {{values.bucket|via.bucket.bucket}} --region {{region}}
#   example: |
#     resource "aws_s3_bucket_cors_configuration" "uploads" {
#       bucket = "shop-uploads"
#
#       cors_rule {
#         allowed_methods = ["PUT", "POST"]
#         allowed_origins = ["https://shop.example.com"]
#         allowed_headers = ["*"]
#       }
#
#       cors_rule {
#         allowed_methods = ["GET"]
#         allowed_origins = ["*"]
#       }
#     }
package leakguard.rules.aws.s3.cors_public_write

import data.leakguard.lib.finding
import data.leakguard.lib.resources
import rego.v1

any_origin := {"*", "http://*", "https://*"}

write_methods := {"PUT", "POST", "DELETE"}

# The CORS rules of a resource and how it is named in messages.
holders := [["aws_s3_bucket_cors_configuration", "S3 CORS configuration"], ["aws_s3_bucket", "S3 bucket"]]

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [t, kind] in holders
	some r in resources.of_type(t)
	some rule in resources.blocks_at(r, "cors_rule")
	origins := open_origins(r, rule)
	methods := write_verbs(r, rule)
	msg := message(r, kind, origins, methods)
}

deny contains finding.new(rego.metadata.chain(), r, msg) if {
	some [t, kind] in holders
	some r in resources.of_type(t)
	resources.unresolved(r, "cors_rule")
	msg := sprintf("%s %s has CORS rules unknown at plan time; that no website may write to %s cannot be verified", [kind, r.address, subject(r)])
}

# "unknown" when the list cannot be read, else the origins that match any site (sorted: a
# plan writes the set in its own order; a rule's lists are a few words, not resources).
open_origins(r, rule) := "unknown" if {
	unreadable(r, rule, "allowed_origins")
} else := os if {
	os := sort([o | some o in resources.as_list(rule.allowed_origins); is_string(o); any_origin[o]])
	count(os) > 0
}

write_verbs(r, rule) := "unknown" if {
	unreadable(r, rule, "allowed_methods")
} else := ms if {
	ms := sort([m | some m in resources.as_list(rule.allowed_methods); is_string(m); write_methods[upper(m)]])
	count(ms) > 0
}

# An expression the tool cannot read (the list or one element of it), or a list the plan
# knows only after apply.
unreadable(_, rule, attr) if {
	some v in resources.as_list(object.get(rule, attr, null))
	is_string(v)
	contains(v, "${")
}

unreadable(r, rule, attr) if {
	object.get(rule, attr, null) == null
	resources.unknown_at(r, concat(".", ["cors_rule", attr]))
}

message(r, kind, origins, methods) := sprintf("%s %s lets any website send %s requests to %s from its visitors' browsers (CORS allowed_origins %s)", [kind, r.address, concat(", ", methods), subject(r), concat(", ", origins)]) if {
	is_array(origins)
	is_array(methods)
}

message(r, kind, "unknown", methods) := sprintf("%s %s allows %s from origins unknown at plan time; that only named websites may write to %s cannot be verified", [kind, r.address, concat(", ", methods), subject(r)]) if is_array(methods)

message(r, kind, origins, "unknown") := sprintf("%s %s opens %s to any website (CORS allowed_origins %s) with methods unknown at plan time; that no write is allowed cannot be verified", [kind, r.address, subject(r), concat(", ", origins)]) if is_array(origins)

message(r, kind, "unknown", "unknown") := sprintf("%s %s has CORS origins and methods unknown at plan time; that no website may write to %s cannot be verified", [kind, r.address, subject(r)])

subject(r) := sprintf("bucket %s", [r.values.bucket]) if resources.literal(object.get(r.values, "bucket", null))

else := sprintf("bucket %s", [names[0]]) if {
	names := [b.values.bucket | some b in resources.linked_to_type(r, "bucket", "aws_s3_bucket"); resources.literal(b.values.bucket)]
	count(names) > 0
} else := "the bucket"
