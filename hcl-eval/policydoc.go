package main

// `data "aws_iam_policy_document"` rendered as hashicorp/aws renders it during plan, so a
// policy that refers to it holds the JSON AWS receives. Any unknown input leaves the JSON
// unknown, as the provider defers the read to apply.

import (
	"encoding/json"
	"sort"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

type policyDoc struct {
	Version    string           `json:"Version,omitempty"`
	ID         string           `json:"Id,omitempty"`
	Statements []map[string]any `json:"Statement"`
}

// policyDocument adds the rendered JSON to a policy document's configured arguments.
func policyDocument(obj cty.Value) cty.Value {
	attrs := obj.AsValueMap()
	if attrs == nil {
		attrs = map[string]cty.Value{}
	}
	rendered, ok := renderPolicy(obj)
	if !ok {
		attrs["json"] = cty.UnknownVal(cty.String)
		attrs["minified_json"] = cty.UnknownVal(cty.String)
		return cty.ObjectVal(attrs)
	}
	pretty, _ := json.MarshalIndent(rendered, "", "  ")
	minified, _ := json.Marshal(rendered)
	attrs["json"] = cty.StringVal(string(pretty))
	attrs["minified_json"] = cty.StringVal(string(minified))
	return cty.ObjectVal(attrs)
}

func renderPolicy(obj cty.Value) (*policyDoc, bool) {
	if !obj.IsWhollyKnown() {
		return nil, false
	}
	doc := &policyDoc{Version: str(obj, "version"), ID: str(obj, "policy_id")}
	if doc.Version == "" {
		doc.Version = "2012-10-17"
	}
	// source_policy_documents first, then this document's statements, then overrides; a
	// statement with a Sid replaces an earlier one with the same Sid.
	merge := func(stmts []map[string]any) {
		for _, s := range stmts {
			sid, _ := s["Sid"].(string)
			replaced := false
			if sid != "" {
				for i, old := range doc.Statements {
					if os, _ := old["Sid"].(string); os == sid {
						doc.Statements[i] = s
						replaced = true
					}
				}
			}
			if !replaced {
				doc.Statements = append(doc.Statements, s)
			}
		}
	}
	sources, ok := strList(obj, "source_policy_documents")
	if !ok {
		return nil, false
	}
	for _, src := range sources {
		stmts, ok := parsedStatements(src)
		if !ok {
			return nil, false
		}
		merge(stmts)
	}
	var own []map[string]any
	for _, b := range blocks(obj, "statement") {
		s, ok := renderStatement(b)
		if !ok {
			return nil, false
		}
		own = append(own, s)
	}
	merge(own)
	overrides, ok := strList(obj, "override_policy_documents")
	if !ok {
		return nil, false
	}
	for _, src := range overrides {
		stmts, ok := parsedStatements(src)
		if !ok {
			return nil, false
		}
		merge(stmts)
	}
	if doc.Statements == nil {
		doc.Statements = []map[string]any{}
	}
	return doc, true
}

func parsedStatements(src string) ([]map[string]any, bool) {
	var d struct {
		Statement any `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(src), &d); err != nil {
		return nil, false
	}
	switch s := d.Statement.(type) {
	case []any:
		out := []map[string]any{}
		for _, x := range s {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out, true
	case map[string]any:
		return []map[string]any{s}, true
	}
	return nil, true
}

// renderStatement: false when a list holds what the provider's list(string) cannot take.
func renderStatement(b cty.Value) (map[string]any, bool) {
	s := map[string]any{}
	if sid := str(b, "sid"); sid != "" {
		s["Sid"] = sid
	}
	effect := str(b, "effect")
	if effect == "" {
		effect = "Allow"
	}
	s["Effect"] = effect
	for attr, key := range map[string]string{"actions": "Action", "not_actions": "NotAction", "resources": "Resource", "not_resources": "NotResource"} {
		l, ok := strSet(b, attr)
		if !ok {
			return nil, false
		}
		if v := stringOrList(l); v != nil {
			s[key] = v
		}
	}
	for attr, key := range map[string]string{"principals": "Principal", "not_principals": "NotPrincipal"} {
		p, ok := principals(blocks(b, attr))
		if !ok {
			return nil, false
		}
		if p != nil {
			s[key] = p
		}
	}
	// Blocks with the same test and variable are one condition: the provider joins their
	// values (as one set, sorted like the others).
	values := map[string]map[string][]string{}
	seen := map[string]bool{}
	for _, c := range blocks(b, "condition") {
		test, variable := str(c, "test"), str(c, "variable")
		l, ok := strList(c, "values")
		if !ok {
			return nil, false
		}
		// The blocks are a set: two alike are one.
		key, _ := json.Marshal(append([]string{test, variable}, l...))
		if seen[string(key)] {
			continue
		}
		seen[string(key)] = true
		if values[test] == nil {
			values[test] = map[string][]string{}
		}
		values[test][variable] = append(values[test][variable], l...)
	}
	if len(values) > 0 {
		cond := map[string]map[string]any{}
		for test, vars := range values {
			cond[test] = map[string]any{}
			for variable, l := range vars {
				// A list, as written (duplicates kept), where the sets above are sorted.
				if len(l) == 1 {
					cond[test][variable] = l[0]
				} else if len(l) > 1 {
					cond[test][variable] = l
				} else {
					cond[test][variable] = nil
				}
			}
		}
		s["Condition"] = cond
	}
	return s, true
}

func principals(ps []cty.Value) (any, bool) {
	if len(ps) == 0 {
		return nil, true
	}
	// The blocks are a set: two alike (type and identifiers) are one; others of a type append.
	byType := map[string][]string{}
	seen := map[string]bool{}
	for _, p := range ps {
		ids, ok := strSet(p, "identifiers")
		if !ok {
			return nil, false
		}
		t := str(p, "type")
		key, _ := json.Marshal(append([]string{t}, sortedCopy(ids)...))
		if seen[string(key)] {
			continue
		}
		seen[string(key)] = true
		byType[t] = append(byType[t], ids...)
	}
	if len(ps) == 1 && str(ps[0], "type") == "*" {
		if ids := byType["*"]; len(ids) == 1 && ids[0] == "*" {
			return "*", true
		}
	}
	out := map[string]any{}
	for t, ids := range byType {
		out[t] = stringOrList(ids)
	}
	return out, true
}

// stringOrList: one value is a string, several a list (sorted, as the provider's sets are).
func stringOrList(v []string) any {
	switch len(v) {
	case 0:
		return nil
	case 1:
		return v[0]
	}
	sorted := append([]string(nil), v...)
	sort.Sort(sort.Reverse(sort.StringSlice(sorted)))
	return sorted
}

func attr(obj cty.Value, name string) cty.Value {
	if obj.IsNull() || !obj.Type().IsObjectType() || !obj.Type().HasAttribute(name) {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return obj.GetAttr(name)
}

func str(obj cty.Value, name string) string {
	v := attr(obj, name)
	if v.IsNull() || v.Type() != cty.String {
		if !v.IsNull() && (v.Type() == cty.Number || v.Type() == cty.Bool) {
			out := toJSONValue(v)
			b, _ := json.Marshal(out)
			return string(b)
		}
		return ""
	}
	return v.AsString()
}

// strList reads a list(string) argument as Terraform converts it for the provider: numbers
// and bools become their string form (values = [false], identifiers = [var.account_id] of
// type number; dropping them lost a trusted account and TLS-only conditions, found by an
// audit). An element no string can stand for (an object, a list) makes it unreadable (false).
func strList(obj cty.Value, name string) ([]string, bool) {
	v := attr(obj, name)
	if v.IsNull() {
		return nil, true
	}
	if !v.CanIterateElements() {
		return nil, false
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if el.IsNull() {
			continue
		}
		s, err := convert.Convert(el, cty.String)
		if err != nil || s.IsNull() || !s.IsKnown() {
			return nil, false
		}
		out = append(out, s.AsString())
	}
	return out, true
}

// strSet: a set(string) argument (actions, resources, identifiers): each value once.
func strSet(obj cty.Value, name string) ([]string, bool) {
	l, ok := strList(obj, name)
	if !ok {
		return nil, false
	}
	return distinct(l), true
}

func sortedCopy(l []string) []string {
	out := append([]string(nil), l...)
	sort.Strings(out)
	return out
}

func distinct(l []string) []string {
	if len(l) < 2 {
		return l
	}
	seen := map[string]bool{}
	out := l[:0:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func blocks(obj cty.Value, name string) []cty.Value {
	v := attr(obj, name)
	if v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if el.Type().IsObjectType() {
			out = append(out, el)
		}
	}
	return out
}
