package main

// A policy written with jsonencode() around the ARN of a resource the configuration creates
// (`Resource = "${aws_s3_bucket.b.arn}/*"`, `aws:SourceArn = aws_cloudfront_distribution.d.arn`)
// is unknown in a plan as a whole, yet its statements, principals, actions and conditions are
// all in the code: only the ARN waits for apply. Such an attribute is evaluated a second time
// with the identifiers the provider computes (ARNs, ids: never a wildcard or a value a rule
// looks for) marked, and jsonencode (or a template: a heredoc of JSON) writes a marked unknown as
// knownAfterApply. Anything else unknown (a variable without a value, a data source read from
// the cloud, a module output) leaves the document unknown, as before. The marks never leave
// this second evaluation.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// knownAfterApply stands in a partly known document for what only apply knows: the normalizer
// (src/normalize/from-plan.ts) reads it, a plan shows the same words.
const knownAfterApply = "(known after apply)"

// computedMark: a value the provider computes for a resource of the configuration.
const computedMark = "leakguard:computed"

// The computed attributes that name what the provider created (an ARN, an id, a generated
// name or URL), never a wildcard. Others (terraform_data's output, a stack's outputs, a
// parameter's value) echo what they are given, which may be "*": they leave a document unknown.
var identifierAttr = regexp.MustCompile(`(^|_)(arn|id|arns|ids)$|^(name|bucket|url|dns_name)$`)

// Data sources' attributes that name the thing read (an ARN, the account).
var computedDataAttrs = map[string]bool{"arn": true, "account_id": true}

// markedAttrs: what a resource's computed attributes are in a marked scope.
func markedAttrs(r *Resource) func(string) cty.Value {
	return func(name string) cty.Value {
		if r.Mode == "data" && computedDataAttrs[name] || r.Mode != "data" && identifierAttr.MatchString(name) {
			return cty.DynamicVal.Mark(computedMark)
		}
		return cty.DynamicVal
	}
}

// jsonencode as Terraform's; an argument whose only unknowns are computed attributes (marked,
// in partialDocument's evaluation) is encoded with knownAfterApply in their place.
var jsonEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "val", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return encodePartial(args[0], stdlib.JSONEncode)
	},
})

// yamlencode the same way (go-cty-yaml's encoding): an API's OpenAPI body is often YAML.
var yamlEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return encodePartial(args[0], func(v cty.Value) (cty.Value, error) {
			raw, err := ctyyaml.Standard.Marshal(v)
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(string(raw)), nil
		})
	},
})

// encodePartial encodes v, its computed parts (marked) as knownAfterApply; unknown where
// anything else is unknown. Marks other than the computed one stay on the result.
func encodePartial(v cty.Value, encode func(cty.Value) (cty.Value, error)) (cty.Value, error) {
	plain, paths := v.UnmarkDeepWithPaths()
	var computed []cty.Path
	marks := cty.ValueMarks{}
	for _, pm := range paths {
		for m := range pm.Marks {
			if m == computedMark {
				computed = append(computed, pm.Path)
			} else {
				marks[m] = struct{}{}
			}
		}
	}
	if !plain.IsWhollyKnown() && fillAnyUnknown {
		plain = fillAll(plain)
	}
	if !plain.IsWhollyKnown() {
		filled, ok := fillComputed(plain, cty.Path{}, computed)
		if !ok {
			return cty.UnknownVal(cty.String).WithMarks(marks), nil
		}
		plain = filled
	}
	out, err := encode(plain)
	if err != nil {
		return cty.NilVal, err
	}
	return out.WithMarks(marks), nil
}

// While a secret view is evaluated (single-threaded evaluator): jsonencode writes
// knownAfterApply for every unknown part, not only computed ones.
var fillAnyUnknown bool

// secretView is, for the secret scan only, the text jsonencode or a template writes for an
// attribute unknown before apply, with knownAfterApply for each unknown part: a container
// definition's DB_PASSWORD literal written beside DB_HOST = aws_db_instance.x.address is in the
// code, though the whole string waits for apply (it had passed on every side; an audit of an
// e-commerce app). Never a rule's value: a placeholder may stand where a rule needs the real one.
// Nothing marked sensitive: such a view is not made (the value never leaves the evaluator).
func secretView(expr hcl.Expression, ctx *hcl.EvalContext) (view string, ok bool) {
	syn, isSyntax := expr.(hclsyntax.Expression)
	tpl, isTemplate := expr.(*hclsyntax.TemplateExpr)
	if !isSyntax || !isTemplate && !callsJSONEncode(syn) {
		return "", false
	}
	defer func() {
		fillAnyUnknown = false
		if recover() != nil {
			view, ok = "", false
		}
	}()
	fillAnyUnknown = true
	if isTemplate {
		return templateView(tpl, ctx)
	}
	val, diags := expr.Value(ctx)
	if diags.HasErrors() || !val.IsWhollyKnown() || val.IsNull() || val.ContainsMarked() || val.Type() != cty.String {
		return "", false
	}
	return val.AsString(), true
}

// templateView renders a template with knownAfterApply for each unknown part (any text: a
// user_data script as well as JSON); none where a part is sensitive or fails.
func templateView(t *hclsyntax.TemplateExpr, ctx *hcl.EvalContext) (string, bool) {
	var b strings.Builder
	for _, part := range t.Parts {
		v, diags := part.Value(ctx)
		if diags.HasErrors() || v.ContainsMarked() {
			return "", false
		}
		if !v.IsWhollyKnown() {
			b.WriteString(knownAfterApply)
			continue
		}
		s, err := convert.Convert(v, cty.String)
		if err != nil || s.IsNull() {
			return "", false
		}
		b.WriteString(s.AsString())
	}
	return b.String(), true
}

// fillAll puts knownAfterApply wherever a value is unknown (secretView), collections rebuilt
// as tuples and objects as fillComputed does (a string may stand where an element type said otherwise).
func fillAll(v cty.Value) cty.Value {
	if !v.IsKnown() {
		return cty.StringVal(knownAfterApply)
	}
	if v.IsNull() || v.IsWhollyKnown() {
		return v
	}
	ty := v.Type()
	switch {
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var out []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			out = append(out, fillAll(el))
		}
		if len(out) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(out)
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			out[k.AsString()] = fillAll(el)
		}
		return cty.ObjectVal(out)
	}
	return v
}

// fillComputed puts knownAfterApply where a computed value is unknown; false if anything
// else is. Collections are rebuilt as tuples and objects (JSON arrays and objects alike), so
// a string may stand where the type said otherwise.
func fillComputed(v cty.Value, at cty.Path, computed []cty.Path) (cty.Value, bool) {
	if !v.IsKnown() {
		for _, p := range computed {
			if p.Equals(at) {
				return cty.StringVal(knownAfterApply), true
			}
		}
		return cty.NilVal, false
	}
	if v.IsNull() {
		return v, true
	}
	ty := v.Type()
	switch {
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var out []cty.Value
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			k, el := it.Element()
			step := cty.IndexStep{Key: k}
			if ty.IsSetType() {
				step = cty.IndexStep{Key: el}
			}
			f, ok := fillComputed(el, at.Copy().Index(step.Key), computed)
			if !ok {
				return cty.NilVal, false
			}
			out = append(out, f)
		}
		if len(out) == 0 {
			return cty.EmptyTupleVal, true
		}
		return cty.TupleVal(out), true
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			var next cty.Path
			if ty.IsObjectType() {
				next = at.Copy().GetAttr(k.AsString())
			} else {
				next = at.Copy().Index(k)
			}
			f, ok := fillComputed(el, next, computed)
			if !ok {
				return cty.NilVal, false
			}
			out[k.AsString()] = f
		}
		return cty.ObjectVal(out), true
	}
	return v, true
}

// documentAttr: the attributes that hold a policy document (a resource's top-level policy,
// assume_role_policy, access_policies, policy_document …). The plan normalizer triggers reading
// the folder beside a plan on the same names (src/load/plan-source.ts DOCUMENT).
var documentAttr = regexp.MustCompile(`polic(y|ies)$|_document$`)

// apiDocumentTypes: resources whose `body` is an OpenAPI document (JSON or YAML) that an
// integration's Lambda ARN leaves unknown in a plan as a whole, while every path, method and
// security requirement is in the code (policies/lib/openapi.rego reads it). The plan reader
// names the same types (src/load/plan-source.ts API_DOCUMENT_TYPES).
var apiDocumentTypes = map[string]bool{"aws_api_gateway_rest_api": true, "aws_apigatewayv2_api": true}

// partialDocument evaluates a document attribute that calls jsonencode, or is a template
// (a heredoc of JSON), again with computed attributes marked: its value if that makes it
// known (the marks dropped, a sensitive one kept). An API document (openAPI) may also be
// YAML (yamlencode, a template), and be rendered by templatefile (the usual way to keep it in
// its own file).
func (e *Evaluator) partialDocument(expr hcl.Expression, ctx *hcl.EvalContext, mi *Instance, openAPI bool) (v cty.Value, ok bool) {
	syn, isSyntax := expr.(hclsyntax.Expression)
	tpl, isTemplate := expr.(*hclsyntax.TemplateExpr)
	call, isCall := expr.(*hclsyntax.FunctionCallExpr)
	isTemplateFile := openAPI && isCall && call.Name == "templatefile" && len(call.Args) == 2
	if !isSyntax || !isTemplate && !isTemplateFile && !callsJSONEncode(syn) && !(openAPI && calls(syn, "yamlencode")) {
		return cty.NilVal, false
	}
	// Values with marks in unexpected places are a bug to survive, not a reason to stop.
	defer func() {
		if recover() != nil {
			v, ok = cty.NilVal, false
		}
	}()
	if openAPI {
		saved := e.scopeAttrs
		e.scopeAttrs = apiAttrs
		defer func() { e.scopeAttrs = saved }()
	}
	mctx := e.markedCtx(ctx, mi, marked{})
	if isTemplate {
		return partialTemplate(tpl, mctx, openAPI)
	}
	if isTemplateFile {
		return e.partialTemplateFile(call, mctx)
	}
	val, diags := expr.Value(mctx)
	if diags.HasErrors() || !val.IsWhollyKnown() {
		return cty.NilVal, false
	}
	plain, paths := val.UnmarkDeepWithPaths()
	var keep []cty.PathValueMarks
	for _, pm := range paths {
		if _, sensitive := pm.Marks[sensitiveMark]; sensitive {
			keep = append(keep, cty.PathValueMarks{Path: pm.Path, Marks: cty.NewValueMarks(sensitiveMark)})
		}
	}
	return plain.MarkWithPaths(keep), true
}

// apiAttrs: in an API document every computed attribute of a resource the configuration
// creates reads as knownAfterApply, not only identifiers (a user pool's endpoint in a JWT
// issuer, an app client's secret as its audience: audit k4). Such a value decides an
// operation's security only where lib/openapi.rego looks (a requirement's or scheme's name or
// type), and there it keeps the document not verifiable.
func apiAttrs(r *Resource) func(string) cty.Value {
	if r.Mode == "data" {
		return markedAttrs(r)
	}
	return func(string) cty.Value { return cty.DynamicVal.Mark(computedMark) }
}

// partialTemplateFile renders templatefile(path, vars) as partialTemplate does, the vars
// evaluated in the marked scope (what the template receives as a computed ARN is marked).
func (e *Evaluator) partialTemplateFile(call *hclsyntax.FunctionCallExpr, ctx *hcl.EvalContext) (cty.Value, bool) {
	path, diags := call.Args[0].Value(ctx)
	if diags.HasErrors() || path.ContainsMarked() || !path.IsKnown() || path.IsNull() || path.Type() != cty.String {
		return cty.NilVal, false
	}
	text, err := e.readInside(path.AsString())
	if err != nil {
		return cty.NilVal, false
	}
	vars, diags := call.Args[1].Value(ctx)
	vars, _ = vars.Unmark()
	if diags.HasErrors() || !vars.IsKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
		return cty.NilVal, false
	}
	parsed, diags := hclsyntax.ParseTemplate([]byte(text), path.AsString(), hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	tctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: map[string]function.Function{}}
	for c := ctx; c != nil; c = c.Parent() {
		for k, f := range c.Functions {
			if _, seen := tctx.Functions[k]; !seen && k != "templatefile" && k != "templatestring" {
				tctx.Functions[k] = f
			}
		}
	}
	switch t := parsed.(type) {
	case *hclsyntax.TemplateExpr:
		return partialTemplate(t, tctx, true)
	default:
		return partialTemplate(&hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{parsed}, SrcRange: parsed.Range()}, tctx, true)
	}
}

// partialTemplate renders a template with knownAfterApply for each computed part: a JSON
// document (or, for an API document, any text: YAML too), or nothing.
func partialTemplate(t *hclsyntax.TemplateExpr, ctx *hcl.EvalContext, anyText bool) (cty.Value, bool) {
	var b strings.Builder
	sensitive := false
	for _, part := range t.Parts {
		v, diags := part.Value(ctx)
		if diags.HasErrors() {
			return cty.NilVal, false
		}
		v, marks := v.Unmark()
		if _, s := marks[sensitiveMark]; s {
			sensitive = true
		}
		if !v.IsKnown() {
			if _, c := marks[computedMark]; c {
				b.WriteString(knownAfterApply)
				continue
			}
			return cty.NilVal, false
		}
		s, err := convert.Convert(v, cty.String)
		if err != nil || s.IsNull() || s.ContainsMarked() || !s.IsKnown() {
			return cty.NilVal, false
		}
		b.WriteString(s.AsString())
	}
	text := b.String()
	if !anyText && !json.Valid([]byte(text)) {
		return cty.NilVal, false
	}
	if sensitive {
		return cty.StringVal(text).Mark(sensitiveMark), true
	}
	return cty.StringVal(text), true
}

func callsJSONEncode(expr hclsyntax.Expression) bool { return calls(expr, "jsonencode") }

func calls(expr hclsyntax.Expression, name string) bool {
	found := false
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if c, ok := n.(*hclsyntax.FunctionCallExpr); ok && c.Name == name {
			found = true
		}
		return nil
	})
	return found
}

// marked holds, for one partial evaluation, each module instance's scope with computed
// attributes marked (nil while it is being built: a scope that needs itself, as a module's
// inputs need its caller's scope and the caller's scope its outputs, reads the plain one).
type marked map[*Instance]*hcl.EvalContext

// markedCtx is ctx over the module instance's marked scope (each.*, count.* and iterators of
// ctx kept).
func (e *Evaluator) markedCtx(ctx *hcl.EvalContext, mi *Instance, memo marked) *hcl.EvalContext {
	var chain []*hcl.EvalContext
	for c := ctx; c != nil; c = c.Parent() {
		chain = append(chain, c)
	}
	scope := e.markedScope(mi, memo)
	out := scope
	for i := len(chain) - 2; i >= 0; i-- {
		child := out.NewChild()
		child.Variables, child.Functions = e.markedEach(chain[i].Variables, scope), chain[i].Functions
		out = child
	}
	return out
}

// markedEach is vars with each.value taken from the resource's for_each evaluated again in the
// marked scope: `for_each = aws_sqs_queue.q` gives each instance whole, and its ARN
// (`each.value.arn`) is then a marked computed value, as `aws_sqs_queue.q[each.key].arn` is (a
// queue policy naming it had been unreadable: a false CRITICAL; an audit).
func (e *Evaluator) markedEach(vars map[string]cty.Value, scope *hcl.EvalContext) map[string]cty.Value {
	each, ok := vars["each"]
	if !ok || e.eachExpr == nil || !each.Type().IsObjectType() || !each.Type().HasAttribute("key") {
		return vars
	}
	key := each.GetAttr("key")
	all, diags := e.eachExpr.Value(scope)
	if diags.HasErrors() || !all.IsKnown() || all.IsNull() || !key.IsKnown() || key.Type() != cty.String {
		return vars
	}
	all, _ = all.Unmark()
	var value cty.Value
	switch {
	case all.Type().IsObjectType() && all.Type().HasAttribute(key.AsString()):
		value = all.GetAttr(key.AsString())
	case all.Type().IsMapType() && all.HasIndex(key).True():
		value = all.Index(key)
	default:
		return vars
	}
	out := map[string]cty.Value{}
	for k, v := range vars {
		out[k] = v
	}
	out["each"] = cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})
	return out
}

// markedScope is the instance's scope (ctx) with its resources' computed attributes marked,
// and its variables (those left unknown), locals and the outputs of the modules it calls
// evaluated again over marked values.
func (e *Evaluator) markedScope(mi *Instance, memo marked) *hcl.EvalContext {
	if scope, seen := memo[mi]; seen {
		if scope == nil {
			return e.ctx(mi)
		}
		return scope
	}
	memo[mi] = nil
	plain := e.ctx(mi)
	vars := map[string]cty.Value{}
	for k, v := range plain.Variables {
		vars[k] = v
	}
	vars["var"] = cty.ObjectVal(e.markedVars(mi, memo))
	attrs := markedAttrs
	if e.scopeAttrs != nil {
		attrs = e.scopeAttrs
	}
	e.resourceScope(mi, vars, attrs)
	modules := map[string]cty.Value{}
	for _, c := range mi.Def.Calls {
		st, ok := mi.Calls[c.Name]
		if !ok || st.Mode == unknownExpansion || c.Module == nil {
			modules[c.Name] = cty.DynamicVal
			continue
		}
		modules[c.Name] = collect(st.Mode, st.Keys, func(k cty.Value) cty.Value { return e.markedOutputs(c, st.Insts[keyString(k)], memo) })
	}
	vars["module"] = cty.ObjectVal(modules)
	// Locals in order, each seeing those before it, as evalInstance evaluates them.
	locals := map[string]cty.Value{}
	for k, v := range mi.Locals {
		locals[k] = v
	}
	for _, a := range mi.Def.Locals {
		vars["local"] = cty.ObjectVal(locals)
		if v, diags := a.Expr.Value(&hcl.EvalContext{Variables: vars, Functions: plain.Functions}); !diags.HasErrors() {
			locals[a.Name] = v
		}
	}
	vars["local"] = cty.ObjectVal(locals)
	scope := &hcl.EvalContext{Variables: vars, Functions: plain.Functions}
	memo[mi] = scope
	return scope
}

// markedOutputs: a called module instance's outputs evaluated in its marked scope.
func (e *Evaluator) markedOutputs(c *Call, child *Instance, memo marked) cty.Value {
	if child == nil {
		return cty.DynamicVal
	}
	scope := e.markedScope(child, memo)
	out := map[string]cty.Value{}
	for name, expr := range c.Module.Outputs {
		v, diags := expr.Value(scope)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		out[name] = v
	}
	return cty.ObjectVal(out)
}

// markedVars: the instance's variables, each its caller left unknown evaluated again in the
// caller's marked scope (an ARN the caller's resources compute, passed in).
func (e *Evaluator) markedVars(mi *Instance, memo marked) map[string]cty.Value {
	parent := mi.parent
	if parent == nil {
		return mi.Vars
	}
	for _, c := range parent.Def.Calls {
		st, ok := parent.Calls[c.Name]
		if !ok || c.Module == nil || st.Mode == unknownExpansion {
			continue
		}
		keys := st.Keys
		if st.Mode == single {
			keys = []cty.Value{cty.NilVal}
		}
		for _, k := range keys {
			if st.Insts[keyString(k)] != mi {
				continue
			}
			var forEachVal cty.Value
			if st.Mode == forEach {
				forEachVal, _ = c.ForEach.Value(e.ctx(parent))
			}
			ctx := eachCtx(e.markedScope(parent, memo), st.Mode, k, forEachVal)
			vars := map[string]cty.Value{}
			for name, v := range mi.Vars {
				vars[name] = v
			}
			for name, v := range c.Module.Variables {
				a, given := c.Body.Attributes[name]
				if cur, ok := vars[name]; !given || ok && cur.IsWhollyKnown() {
					continue
				}
				val, diags := a.Expr.Value(ctx)
				if diags.HasErrors() {
					continue
				}
				conv, err := v.convert(val)
				if err != nil {
					continue
				}
				if v.Sensitive {
					conv = conv.Mark(sensitiveMark)
				}
				vars[name] = conv
			}
			return vars
		}
	}
	return mi.Vars
}

// addressListAttr: the address lists a security group rule or firewall takes. Written as one
// string with a network's own address in it (`split(",", "0.0.0.0/0,${aws_eip.nat.public_ip}/32")`,
// the terraform-aws-modules security-group module's idiom), the whole list is unknown, and
// the Elastic IP made it "a network's own range": the world open beside it passed.
var addressListAttr = regexp.MustCompile(`^(ipv6_)?cidr_blocks$`)

// Stand-ins for the addresses a network resource computes (documentation ranges, RFC 5737 and
// RFC 3849): known, so the rest of the list evaluates, and recognised after.
const (
	sentinelIPv4 = "192.0.2.253"
	sentinelIPv6 = "2001:db8:fd::"
)

// networkAttrs: in the partial evaluation of an address list, what a network resource's
// computed address attributes are (their sentinel); anything else stays unknown.
func networkAttrs(r *Resource) func(string) cty.Value {
	return func(name string) cty.Value {
		if !networkRangeTypes[r.Type] {
			return cty.DynamicVal
		}
		switch {
		case strings.Contains(name, "ipv6") && strings.Contains(name, "cidr"):
			return cty.StringVal(sentinelIPv6 + "/56")
		case strings.Contains(name, "ipv6"):
			return cty.StringVal(sentinelIPv6 + "1")
		case strings.Contains(name, "cidr"):
			return cty.StringVal(sentinelIPv4 + "/32")
		case strings.HasSuffix(name, "_ip") || name == "ip_address":
			return cty.StringVal(sentinelIPv4)
		}
		return cty.DynamicVal
	}
}

// Types whose addresses are a network's own range or a single address (as
// policies/lib/resources.rego network_range_types).
var networkRangeTypes = map[string]bool{
	"aws_vpc": true, "aws_default_vpc": true, "aws_subnet": true, "aws_default_subnet": true,
	"aws_vpc_ipv4_cidr_block_association": true, "aws_vpc_ipv6_cidr_block_association": true,
	"aws_eip": true, "azurerm_virtual_network": true, "azurerm_subnet": true, "azurerm_public_ip": true,
}

// partialAddresses evaluates an address list again with the network resources' addresses
// standing in: the list with those elements unknown and the others as written, or nothing when
// anything else in it is unknown.
func (e *Evaluator) partialAddresses(expr hcl.Expression, ctx *hcl.EvalContext, mi *Instance) (v cty.Value, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = cty.NilVal, false
		}
	}()
	e.scopeAttrs = networkAttrs
	defer func() { e.scopeAttrs = nil }()
	val, diags := expr.Value(e.markedCtx(ctx, mi, marked{}))
	if diags.HasErrors() || val.ContainsMarked() || !val.IsWhollyKnown() || val.IsNull() {
		return cty.NilVal, false
	}
	ty := val.Type()
	if !ty.IsListType() && !ty.IsTupleType() && !ty.IsSetType() {
		return cty.NilVal, false
	}
	var out []cty.Value
	for it := val.ElementIterator(); it.Next(); {
		_, el := it.Element()
		s, err := convert.Convert(el, cty.String)
		if err != nil || s.IsNull() {
			return cty.NilVal, false
		}
		text := s.AsString()
		if strings.Contains(text, sentinelIPv4) || strings.Contains(text, sentinelIPv6) {
			out = append(out, cty.UnknownVal(cty.String))
		} else {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return cty.ListValEmpty(cty.String), true
	}
	return cty.TupleVal(out), true
}

// provisionerView is, for the secret scan only, the text a provisioner or connection block
// writes (its commands, inline lines, environment, password), each expression's literal parts as
// written and knownAfterApply for anything else: a provisioner is no part of the resource's
// value, yet `export PGPASSWORD='…'` or `--password "…"` in one is in the repository and in the
// CI log (an audit: none was read). Static (no scope: `self` is not evaluated), so never a
// variable's value, sensitive or not.
func provisionerView(blk *hclsyntax.Block) string {
	var lines []string
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		names := make([]string, 0, len(b.Attributes))
		for name := range b.Attributes {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			lines = append(lines, literalText(name, b.Attributes[name].Expr)...)
		}
		for _, inner := range b.Blocks {
			walk(inner.Body)
		}
	}
	walk(blk.Body)
	return strings.Join(lines, "\n")
}

// literalText renders an expression as `name = text` lines: a map's entries as `KEY = text`, a
// list's elements each on a line, a template's literal parts with knownAfterApply between them.
func literalText(name string, expr hclsyntax.Expression) []string {
	switch x := expr.(type) {
	case *hclsyntax.TupleConsExpr:
		var out []string
		for _, el := range x.Exprs {
			out = append(out, literalText(name, el)...)
		}
		return out
	case *hclsyntax.ObjectConsExpr:
		var out []string
		for _, item := range x.Items {
			key := knownAfterApply
			if k, diags := item.KeyExpr.Value(nil); !diags.HasErrors() && k.Type() == cty.String && k.IsKnown() {
				key = k.AsString()
			}
			out = append(out, literalText(key, item.ValueExpr)...)
		}
		return out
	}
	if text, ok := templateText(expr); ok && text != "" {
		if name == "inline" || name == "command" {
			return []string{text}
		}
		return []string{fmt.Sprintf("%s = %q", name, text)}
	}
	return nil
}

// templateText is a string expression's literal parts, knownAfterApply for the rest.
func templateText(expr hclsyntax.Expression) (string, bool) {
	switch x := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		if x.Val.Type() == cty.String && x.Val.IsKnown() && !x.Val.IsNull() {
			return x.Val.AsString(), true
		}
		return "", false
	case *hclsyntax.TemplateExpr:
		var b strings.Builder
		for _, part := range x.Parts {
			if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				b.WriteString(lit.Val.AsString())
			} else {
				b.WriteString(knownAfterApply)
			}
		}
		return b.String(), true
	}
	return "", false
}
