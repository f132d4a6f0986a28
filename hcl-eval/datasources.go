package main

// Data sources. hashicorp/aws computes a few without calling AWS (the policy document, the
// region and partition of the provider configuration), and so does this evaluator. Every
// other data source is read from the cloud during plan: its arguments are as configured,
// everything else it exports is unknown here, and a warning says so, never a guessed value.

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// Marks stay where they were among the arguments; what the data source computes from them is
// not marked, as Terraform does not mark what a provider returns (a policy document's json
// holds a principal from a sensitive variable in the clear, in a plan too).
func (e *Evaluator) dataSource(mi *Instance, r *Resource, obj cty.Value) cty.Value {
	plain, paths := obj.UnmarkDeepWithPaths()
	var out cty.Value
	switch r.Type {
	case "aws_iam_policy_document":
		out = policyDocument(plain)
	case "aws_region":
		out = withAttrs(plain, regionAttrs(plain, e.region(mi, r)))
	case "aws_partition":
		out = withAttrs(plain, partitionAttrs(e.region(mi, r)))
	default:
		e.warn("%s:%d: %s%s is read from the cloud during plan; what it exports (beyond its arguments) is unknown here", r.File, r.Line, modulePrefix(mi), r.Local())
		return obj
	}
	return out.MarkWithPaths(paths)
}

func withAttrs(obj cty.Value, extra map[string]cty.Value) cty.Value {
	attrs := obj.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	for k, v := range extra {
		if cur, set := attrs[k]; !set || cur.IsNull() {
			attrs[k] = v
		}
	}
	return cty.ObjectVal(attrs)
}

// regionAttrs: the configured region (`name` in v5, `region` in v6) or the provider's.
func regionAttrs(obj, providerRegion cty.Value) map[string]cty.Value {
	region := providerRegion
	for _, a := range []string{"name", "region"} {
		if v := attrOf(obj, a); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			region = v
		}
	}
	out := map[string]cty.Value{"name": region, "region": region, "id": region, "endpoint": cty.UnknownVal(cty.String), "description": cty.UnknownVal(cty.String)}
	return out
}

// partitionAttrs: the partition of the provider's region, as the provider derives it.
func partitionAttrs(region cty.Value) map[string]cty.Value {
	unknown := cty.UnknownVal(cty.String)
	if !region.IsKnown() {
		return map[string]cty.Value{"partition": unknown, "dns_suffix": unknown, "reverse_dns_prefix": unknown, "id": unknown}
	}
	r := region.AsString()
	partition, suffix, reverse := "aws", "amazonaws.com", "com.amazonaws"
	switch {
	case strings.HasPrefix(r, "cn-"):
		partition, suffix, reverse = "aws-cn", "amazonaws.com.cn", "cn.com.amazonaws"
	case strings.HasPrefix(r, "us-gov-"):
		partition = "aws-us-gov"
	case strings.HasPrefix(r, "us-iso-"), strings.HasPrefix(r, "us-isob-"), strings.HasPrefix(r, "eu-isoe-"), strings.HasPrefix(r, "us-isof-"):
		return map[string]cty.Value{"partition": unknown, "dns_suffix": unknown, "reverse_dns_prefix": unknown, "id": unknown}
	}
	return map[string]cty.Value{"partition": cty.StringVal(partition), "dns_suffix": cty.StringVal(suffix), "reverse_dns_prefix": cty.StringVal(reverse), "id": cty.StringVal(partition)}
}
