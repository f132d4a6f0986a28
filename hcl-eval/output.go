package main

// The evaluated tree as a plan-like document: resource instances with Terraform's
// addresses, values (unknowns left out and listed by path, as a plan's after_unknown),
// references, provider configurations and origin.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

type OutResource struct {
	Address   string         `json:"address"`
	Module    string         `json:"module"`
	Mode      string         `json:"mode"`
	Type      string         `json:"type"`
	Name      string         `json:"name"`
	Index     any            `json:"index"`
	Provider  string         `json:"provider"`
	Values    map[string]any `json:"values"`
	Unknown   []string       `json:"unknown"`
	Sensitive []string       `json:"sensitive"`
	// Sensitive paths whose value is a collection (list, set, map, object, block) hidden as a
	// whole: a sensitive value inside made all of it sensitive, so nothing in it can be read.
	Hidden []string `json:"hidden,omitempty"`
	// Paths (as Unknown's) whose unknown value derives from an open value (openMark): set from
	// what the code leaves without a value, whatever else the attribute refers to.
	Open []string `json:"open,omitempty"`
	// Paths (as Unknown's) whose unknown value only apply knows because an impure function made
	// it (applyMark: uuid(), timestamp()), and not open: known after apply, as a plan shows it.
	Apply []string `json:"apply,omitempty"`
	// The sha256 (hex) of each known sensitive string, by path: the value never leaves the
	// evaluator, but a literal the code writes can be matched against it (a password passed
	// into a module through a conditional whose other branch is sensitive).
	SensitiveSha256 map[string]string   `json:"sensitive_sha256,omitempty"`
	References      map[string][]string `json:"references"`
	// What the resource's for_each expression names (through locals): where each.value comes from.
	ForEach []string `json:"for_each,omitempty"`
	// For the secret scan only, by path: the text of an attribute unknown before apply that
	// jsonencode or a template writes, with knownAfterApply for each unknown part (secretView).
	SecretViews map[string]string `json:"secret_views,omitempty"`
	File        string            `json:"file"`
	Line        int               `json:"line"`
}

type OutProvider struct {
	Key         string            `json:"key"`
	Name        string            `json:"name"`
	Alias       string            `json:"alias,omitempty"`
	Region      *string           `json:"region"`
	DefaultTags map[string]string `json:"default_tags,omitempty"`
	// The evaluated arguments, for the normalizer's secret scan only (it keeps no value).
	Values map[string]any `json:"values"`
	File   string         `json:"file"`
	Line   int            `json:"line"`
}

type Output struct {
	Resources []OutResource `json:"resources"`
	Providers []OutProvider `json:"providers"`
	Remote    []string      `json:"modules_not_followed"`
	// Resources and module calls whose instances cannot be known before apply.
	Unverifiable []string `json:"unverifiable"`
	Warnings     []string `json:"warnings"`
	// By module (static path: `module.a.module.b`): the references of each argument its call
	// passes (in the caller) and of each of its outputs (in the module), as a plan's
	// configuration holds them, so references through variables and outputs are followed.
	ModuleLinks map[string]ModuleLink `json:"module_links"`
	// By module (static path, "" for the root): the whole string literals written in each of its
	// locals and, from its caller, in each argument its call passes. A map of users with one entry a literal and another a variable
	// (`{ a = { password = "…" }, b = { password = var.x } }`) is not constant as a whole, yet the
	// literal is in the code: a value equal to one is that literal (module-refs.ts literalsAlong).
	CodeLiterals map[string]CodeLiterals `json:"code_literals,omitempty"`
	// The root variables whose value the code gives (a default, an auto-loaded tfvars file of
	// the folder): a password there is written in the repository, as a literal in the resource is.
	RootCodeValues map[string]any `json:"root_code_values,omitempty"`
	// Some file of the folder or its modules names terraform.workspace: what the evaluation
	// gives may depend on the workspace (src/load/plan-source.ts).
	ReadsWorkspace bool   `json:"reads_workspace,omitempty"`
	Error          string `json:"error,omitempty"`
}

type ModuleLink struct {
	Args    map[string][]string `json:"args"`
	Outputs map[string][]string `json:"outputs"`
	// The module's variables the code itself gives a constant: the call's constant arguments,
	// else their defaults. A plan's configuration holds both; the secret scan reads a literal
	// passed into a module as one written in the resource.
	Constants map[string]any `json:"constants,omitempty"`
}

type CodeLiterals struct {
	Args   map[string][]string `json:"args,omitempty"`
	Locals map[string][]string `json:"locals,omitempty"`
}

// stringLiterals are the strings an expression writes whole, each once: no interpolation's
// fragment (the `-x` of "${var.p}-x" is no value of its own).
func stringLiterals(expr hclsyntax.Expression) []string {
	var out []string
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if t, ok := n.(*hclsyntax.TemplateExpr); ok && t.IsStringLiteral() {
			if v, diags := t.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() && v.AsString() != "" && !contains(out, v.AsString()) {
				out = append(out, v.AsString())
			}
		}
		return nil
	})
	return out
}

// codeLiterals fills `into` for the module at `static` and the modules it calls.
func codeLiterals(m *Module, static string, into map[string]CodeLiterals) {
	own := into[static]
	for _, a := range m.Locals {
		if lits := stringLiterals(a.Expr); len(lits) > 0 {
			if own.Locals == nil {
				own.Locals = map[string][]string{}
			}
			own.Locals[a.Name] = lits
		}
	}
	if own.Args != nil || own.Locals != nil {
		into[static] = own
	}
	for _, c := range m.Calls {
		if c.Module == nil {
			continue
		}
		child := joinPath(static, "module."+c.Name)
		lits := CodeLiterals{}
		if c.Body != nil {
			for name, a := range c.Body.Attributes {
				if callMeta[name] {
					continue
				}
				if l := stringLiterals(a.Expr); len(l) > 0 {
					if lits.Args == nil {
						lits.Args = map[string][]string{}
					}
					lits.Args[name] = l
				}
			}
		}
		if lits.Args != nil {
			into[child] = lits
		}
		codeLiterals(c.Module, child, into)
	}
}

// Arguments of a module block that are not the module's variables.
var callMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func moduleLinks(m *Module, static string, into map[string]ModuleLink, funcs map[string]function.Function) {
	for _, c := range m.Calls {
		if c.Module == nil {
			continue
		}
		child := joinPath(static, "module."+c.Name)
		link := ModuleLink{Args: map[string][]string{}, Outputs: map[string][]string{}, Constants: map[string]any{}}
		passed := map[string]bool{}
		if c.Body != nil {
			for name, a := range c.Body.Attributes {
				if callMeta[name] {
					continue
				}
				passed[name] = true
				if refs := referenceStrings(a.Expr, m); len(refs) > 0 {
					// each.value of the call's for_each: what the for_each names.
					if c.ForEach != nil && usesEachValue(a.Expr) {
						for _, r := range referenceStrings(c.ForEach, m) {
							if !contains(refs, r) {
								refs = append(refs, r)
							}
						}
					}
					link.Args[name] = refs
				} else if v, diags := a.Expr.Value(&hcl.EvalContext{Functions: funcs}); !diags.HasErrors() && !callsImpure(a.Expr) {
					// A constant, or built from constants only (jsonencode({password = "…"}): the
					// secrets-manager module's credentials) — as written in the code as a literal.
					constantInto(link.Constants, name, v)
				}
			}
		}
		for name, v := range c.Module.Variables {
			if !passed[name] && v.Default != cty.NilVal {
				constantInto(link.Constants, name, v.Default)
			}
		}
		for name, expr := range c.Module.Outputs {
			if refs := referenceStrings(expr, c.Module); len(refs) > 0 {
				link.Outputs[name] = refs
			}
		}
		into[child] = link
		moduleLinks(c.Module, child, into, funcs)
	}
}

// Functions whose result is not written in the code: a new value each plan.
var impureFuncs = map[string]bool{"uuid": true, "timestamp": true, "bcrypt": true, "plantimestamp": true}

func callsImpure(expr hclsyntax.Expression) bool {
	impure := false
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if c, ok := n.(*hclsyntax.FunctionCallExpr); ok && impureFuncs[c.Name] {
			impure = true
		}
		return nil
	})
	return impure
}

// constantInto records a wholly known, non-null value.
func constantInto(into map[string]any, name string, v cty.Value) {
	if v.IsWhollyKnown() && !v.IsNull() {
		into[name] = toJSON(v, "", map[string]bool{})
	}
}

func (e *Evaluator) output(root *Instance) *Output {
	out := &Output{Resources: []OutResource{}, Providers: []OutProvider{}, Remote: []string{}, ModuleLinks: map[string]ModuleLink{}}
	moduleLinks(root.Def, "", out.ModuleLinks, e.funcs)
	out.CodeLiterals = map[string]CodeLiterals{}
	codeLiterals(root.Def, "", out.CodeLiterals)
	out.RootCodeValues = map[string]any{}
	for name, v := range e.rootCode {
		constantInto(out.RootCodeValues, name, v)
	}
	var walk func(mi *Instance)
	walk = func(mi *Instance) {
		for _, r := range mi.Def.Resources {
			st := mi.Res[r.Local()]
			if st == nil {
				continue
			}
			local := r.Provider
			if local == "" {
				local = defaultProvider(r.Type)
			}
			var forEach []string
			if r.ForEach != nil {
				forEach = referenceStrings(r.ForEach, mi.Def)
			}
			for _, inst := range st.Insts {
				unknown, sens, hidden, open, apply := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
				hashes := map[string]string{}
				values, _ := toJSONMarked(inst.Obj, "", unknown, sens, hidden, open, apply, hashes).(map[string]any)
				if values == nil {
					values = map[string]any{}
				}
				var index any
				if inst.Key != cty.NilVal {
					index = toJSONValue(inst.Key)
				}
				out.Resources = append(out.Resources, OutResource{
					Address:         modulePrefix(mi) + r.Local() + keyString(inst.Key),
					Module:          mi.Path,
					Mode:            r.Mode,
					Type:            r.Type,
					Name:            r.Name,
					Index:           index,
					Provider:        resolveProvider(mi, local),
					Values:          values,
					Unknown:         sortedSet(unknown),
					Sensitive:       sortedSet(sens),
					Hidden:          sortedSet(hidden),
					Open:            sortedSet(open),
					Apply:           sortedSet(withoutKeys(apply, open)),
					SensitiveSha256: hashes,
					References:      inst.Refs,
					ForEach:         forEach,
					SecretViews:     inst.Views,
					File:            r.File,
					Line:            r.Line,
				})
			}
		}
		for _, c := range mi.Def.Calls {
			st := mi.Calls[c.Name]
			if c.Module == nil {
				out.Remote = append(out.Remote, modulePrefix(mi)+"module."+c.Name+" from "+sourceKind(c.Source))
				continue
			}
			if st == nil {
				continue
			}
			for _, k := range st.Keys {
				walk(st.Insts[keyString(k)])
			}
		}
	}
	walk(root)
	for _, pc := range e.sortedProviders() {
		p, key := pc.Block, pc.Key
		obj := e.providerObject(pc)
		op := OutProvider{Key: key, Name: p.Name, Alias: p.Alias, File: p.File, Line: p.Line}
		if values, ok := toJSON(obj, "", map[string]bool{}).(map[string]any); ok {
			op.Values = values
		} else {
			op.Values = map[string]any{}
		}
		// A root provider's argument from a root variable given at plan time (-var, TF_VAR_, a
		// tfvars file passed in) is not in the code: the secret scan must not read it (a key a
		// pipeline passes had blocked as written in the repository; an audit). One the code gives
		// (a default, an auto-loaded tfvars file) stays.
		if pc.In.Path == "" {
			for name, a := range p.Body.Attributes {
				for _, t := range a.Expr.Variables() {
					if t.RootName() != "var" || len(t) < 2 {
						continue
					}
					if step, ok := t[1].(hcl.TraverseAttr); ok {
						if _, inCode := e.rootCode[step.Name]; !inCode {
							delete(op.Values, name)
						}
					}
				}
			}
		}
		for _, attr := range []string{"region", "location"} {
			if v := attrOf(obj, attr); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				s := v.AsString()
				op.Region = &s
			}
		}
		if tags := blocks(obj, "default_tags"); len(tags) > 0 {
			if t := attrOf(tags[0], "tags"); t.IsWhollyKnown() && !t.IsNull() && t.CanIterateElements() {
				op.DefaultTags = map[string]string{}
				for it := t.ElementIterator(); it.Next(); {
					k, v := it.Element()
					if !v.IsNull() {
						b, _ := json.Marshal(toJSONValue(v))
						s := string(b)
						if v.Type() == cty.String {
							s = v.AsString()
						}
						op.DefaultTags[k.AsString()] = s
					}
				}
			}
		}
		out.Providers = append(out.Providers, op)
	}
	out.Unverifiable = append([]string{}, e.unverifiable...)
	sort.Strings(out.Unverifiable)
	out.Warnings = e.order
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	return out
}

func attrOf(obj cty.Value, name string) cty.Value {
	if !obj.IsKnown() || obj.IsNull() || !obj.Type().IsObjectType() || !obj.Type().HasAttribute(name) {
		return cty.DynamicVal
	}
	return obj.GetAttr(name)
}

func defaultProvider(t string) string {
	for i, c := range t {
		if c == '_' {
			return t[:i]
		}
	}
	return t
}

func sourceKind(source string) string {
	if registrySource.MatchString(source) {
		return "registry " + source
	}
	return source
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// toJSON converts a value; unknown parts are left out (null inside lists) and their dotted
// paths (list indexes dropped, as the plan normalizer reads after_unknown) recorded. A value
// derived from a sensitive variable is redacted (see toJSONMarked).
func toJSON(v cty.Value, p string, unknown map[string]bool) any {
	return toJSONMarked(v, p, unknown, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]string{})
}

// toJSONMarked is toJSON that also records in sens the paths of values derived from a
// sensitive variable, which never leave the evaluator: they are written as the plan
// normalizer redacts them; in hidden, those of them that are collections; in open, those of
// unknown values derived from an open one (openMark).
func toJSONMarked(v cty.Value, p string, unknown, sens, hidden, open, apply map[string]bool, hashes map[string]string) any {
	if v.IsMarked() {
		var marks cty.ValueMarks
		v, marks = v.Unmark()
		if _, o := marks[openMark]; o && !v.IsKnown() && p != "" {
			open[p] = true
		}
		if _, a := marks[applyMark]; a && !v.IsKnown() && p != "" {
			apply[p] = true
		}
		if _, sensitive := marks[sensitiveMark]; sensitive && v.IsKnown() && !v.IsNull() {
			if p != "" {
				sens[p] = true
				if ty := v.Type(); !ty.IsPrimitiveType() && ty != cty.DynamicPseudoType {
					hidden[p] = true
				} else if ty == cty.String {
					sum := sha256.Sum256([]byte(v.AsString()))
					hashes[p] = hex.EncodeToString(sum[:])
				}
			}
			return redacted
		}
	}
	if !v.IsKnown() {
		if p != "" {
			unknown[p] = true
		}
		return nil
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Number:
		return number(v.AsBigFloat())
	case ty == cty.Bool:
		return v.True()
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			out = append(out, toJSONMarked(el, p, unknown, sens, hidden, open, apply, hashes))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			name := k.AsString()
			x := toJSONMarked(el, joinPath(p, name), unknown, sens, hidden, open, apply, hashes)
			if el.IsKnown() {
				out[name] = x
			}
		}
		return out
	}
	return nil
}

// redacted is what the plan normalizer writes for a sensitive value (src/normalize/draft.ts).
const redacted = "(sensitive)"

func toJSONValue(v cty.Value) any { return toJSON(v, "", map[string]bool{}) }

func number(f *big.Float) any {
	if f.IsInt() {
		if i, acc := f.Int64(); acc == big.Exact {
			return i
		}
	}
	x, _ := f.Float64()
	return x
}

// withoutKeys: the keys of a not in b.
func withoutKeys(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		if !b[k] {
			out[k] = true
		}
	}
	return out
}
