package main

// Evaluation of a module tree the way `terraform plan` sees it: variables, locals, module
// calls, count/for_each and resource bodies are evaluated in passes until nothing changes.
// Whatever is not known yet (a computed attribute, a value only apply knows, an expression
// that cannot be evaluated) is cty's unknown, exactly where a plan has an unknown.

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

const maxPasses = 40

type Evaluator struct {
	root    *Module
	rootDir string
	// The folders of the local modules the configuration calls, some outside rootDir
	// (envs/prod calling ../../modules/x): their own files are the configuration's too.
	moduleDirs []string
	fs         FileSystem
	funcs      map[string]function.Function
	warnings   map[string]bool
	order      []string
	// Resources and module calls whose number of instances cannot be known before apply:
	// Terraform refuses to plan them, so they are named, never checked as some guess.
	unverifiable []string
	// Provider configurations by the key a plan gives them (`aws.west`, `module.net:aws`).
	providers map[string]providerConfig
	// While a dynamic block's content is evaluated: the references of its for_each (and of
	// the dynamic blocks around it). An attribute there left unknown derives from them (its
	// iterator's value), so they are its references: a key passed into a module's dynamic
	// block links to the key, not to nothing (read as the provider's default before).
	inherited []string
	// While a resource with for_each is evaluated: the references of its for_each. An attribute
	// written from each.value and left unknown derives from them.
	eachRefs []string
	// And its for_each expression: evaluated again in a marked scope (partial.go markedCtx),
	// each.value of `for_each = aws_sqs_queue.q` holds that instance's marked ARN.
	eachExpr hcl.Expression
	// terraform.workspace: the selected one, or unknown where nothing says which.
	workspace cty.Value
	// While an address list is evaluated again (partialAddresses): what the marked scope gives
	// resources' computed attributes instead of markedAttrs.
	scopeAttrs func(*Resource) func(string) cty.Value
	// The root variables whose value the code itself gives: their default, or a tfvars file
	// of the folder that Terraform loads by itself (terraform.tfvars, *.auto.tfvars).
	rootCode map[string]cty.Value
	// While a resource instance is evaluated: the secret views of its attributes (secretView),
	// and its type (an API's `body` is a document: apiDocumentTypes).
	views   map[string]string
	resType string
}

// Instance is one instance of a module: the root, or `module.a["k"].module.b[0]`.
type Instance struct {
	Def     *Module
	Path    string
	Static  string // Path without instance keys, as a plan names a module's provider configurations
	Vars    map[string]cty.Value
	Locals  map[string]cty.Value
	Res     map[string]*ResState
	Calls   map[string]*CallState
	Outputs map[string]cty.Value
	ProvMap map[string]string // local provider reference → root provider configuration key
	parent  *Instance
}

type expansion int

const (
	single expansion = iota
	counted
	forEach
	unknownExpansion
)

type ResState struct {
	Def   *Resource
	Mode  expansion
	Insts []*ResInst
}

type ResInst struct {
	Key  cty.Value // cty.NilVal, a number (count) or a string (for_each)
	Obj  cty.Value
	Refs map[string][]string
	// Views: for the secret scan only, by attribute path (secretView).
	Views map[string]string
}

type CallState struct {
	Def   *Call
	Mode  expansion
	Keys  []cty.Value
	Insts map[string]*Instance
}

func (e *Evaluator) warn(format string, args ...interface{}) {
	msg := fmt.Sprintf(format, args...)
	if !e.warnings[msg] {
		e.warnings[msg] = true
		e.order = append(e.order, msg)
	}
}

func newInstance(def *Module, path, static string, parent *Instance) *Instance {
	return &Instance{Def: def, Path: path, Static: static, Vars: map[string]cty.Value{}, Locals: map[string]cty.Value{}, Res: map[string]*ResState{},
		Calls: map[string]*CallState{}, Outputs: map[string]cty.Value{}, ProvMap: map[string]string{}, parent: parent}
}

// Run evaluates passes until a fixpoint; warnings are those of the last pass.
func (e *Evaluator) Run(rootVars map[string]cty.Value) *Instance {
	root := newInstance(e.root, "", "", nil)
	root.Vars = rootVars
	prev := ""
	for pass := 0; pass < maxPasses; pass++ {
		e.warnings, e.order, e.unverifiable = map[string]bool{}, nil, nil
		e.providers = map[string]providerConfig{}
		e.declareProviders(root)
		e.evalInstance(root)
		fp := fingerprint(root)
		if fp == prev {
			break
		}
		prev = fp
	}
	return root
}

func fingerprint(root *Instance) string {
	h := sha256.New()
	var walk func(mi *Instance)
	walk = func(mi *Instance) {
		fmt.Fprintf(h, "%s|", mi.Path)
		for _, k := range sortedKeys(mi.Vars) {
			fmt.Fprintf(h, "v%s=%#v;", k, mi.Vars[k])
		}
		for _, k := range sortedKeys(mi.Locals) {
			fmt.Fprintf(h, "l%s=%#v;", k, mi.Locals[k])
		}
		for _, k := range sortedKeys(mi.Outputs) {
			fmt.Fprintf(h, "o%s=%#v;", k, mi.Outputs[k])
		}
		for _, r := range mi.Def.Resources {
			if st, ok := mi.Res[r.Local()]; ok {
				fmt.Fprintf(h, "r%s:%d;", r.Local(), st.Mode)
				for _, inst := range st.Insts {
					fmt.Fprintf(h, "%#v=%#v;", inst.Key, inst.Obj)
				}
			}
		}
		for _, c := range mi.Def.Calls {
			if st, ok := mi.Calls[c.Name]; ok {
				for _, k := range st.Keys {
					walk(st.Insts[keyString(k)])
				}
			}
		}
	}
	walk(root)
	return fmt.Sprintf("%x", h.Sum(nil))
}

func sortedKeys(m map[string]cty.Value) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func keyString(k cty.Value) string {
	if k == cty.NilVal {
		return ""
	}
	if k.Type() == cty.Number {
		bf := k.AsBigFloat()
		return "[" + bf.Text('f', -1) + "]"
	}
	return "[" + quote(k.AsString()) + "]"
}

func quote(s string) string {
	b := strings.Builder{}
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (e *Evaluator) evalInstance(mi *Instance) {
	for _, a := range mi.Def.Locals {
		mi.Locals[a.Name] = e.value(a.Expr, e.ctx(mi), mi, "local."+a.Name)
	}
	// One scope for all calls and one for all resources: building it costs a pass over every
	// resource, and what changes within the pass is seen by the next one.
	ctx := e.ctx(mi)
	for _, c := range mi.Def.Calls {
		e.evalCall(mi, c, ctx)
	}
	ctx = e.ctx(mi)
	for _, r := range mi.Def.Resources {
		e.evalResource(mi, r, ctx)
	}
	ctx = e.ctx(mi)
	for name, expr := range mi.Def.Outputs {
		mi.Outputs[name] = e.value(expr, ctx, mi, "output."+name)
	}
}

// value evaluates an expression; one it cannot evaluate is unknown, with a warning.
func (e *Evaluator) value(expr hcl.Expression, ctx *hcl.EvalContext, mi *Instance, what string) cty.Value {
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		r := expr.Range()
		e.warn("%s:%d: %s%s cannot be evaluated (%s); treated as unknown", r.Filename, r.Start.Line, modulePrefix(mi), what, diagText(diags))
		return cty.DynamicVal.Mark(unevaluableMark)
	}
	if c, ok := unparenthesized(expr).(*hclsyntax.ConditionalExpr); ok && hasMarkDeep(v, openMark) {
		return e.takenBranchOpen(v, c, ctx, mi, what)
	}
	return v
}

func unparenthesized(expr hcl.Expression) hcl.Expression {
	for {
		p, ok := expr.(*hclsyntax.ParenthesesExpr)
		if !ok {
			return expr
		}
		expr = p.Expression
	}
}

// takenBranchOpen is the conditional's value v open only where the branch it takes is: HCL
// gives a conditional the marks of both branches, and `var.env == "prod" ? aws_kms_key.k.arn
// : var.key_arn` (key_arn without a value) is the key, not open. An open or unknown condition
// leaves v as it is.
func (e *Evaluator) takenBranchOpen(v cty.Value, c *hclsyntax.ConditionalExpr, ctx *hcl.EvalContext, mi *Instance, what string) cty.Value {
	cond, diags := c.Condition.Value(ctx)
	if diags.HasErrors() || hasMarkDeep(cond, openMark) {
		return v
	}
	cond, _ = cond.UnmarkDeep()
	cond, err := convert.Convert(cond, cty.Bool)
	if err != nil || !cond.IsKnown() || cond.IsNull() {
		return v
	}
	branch := c.FalseResult
	if cond.True() {
		branch = c.TrueResult
	}
	if hasMarkDeep(e.value(branch, ctx, mi, what), openMark) {
		return v
	}
	return withoutMark(v, openMark)
}

// hasMarkDeep: some part of v carries the mark.
func hasMarkDeep(v cty.Value, mark string) bool {
	if !v.ContainsMarked() {
		return false
	}
	_, marks := v.UnmarkDeep()
	_, has := marks[mark]
	return has
}

// withoutMark is v with the mark taken off every part of it, its other marks kept.
func withoutMark(v cty.Value, mark string) cty.Value {
	u, paths := v.UnmarkDeepWithPaths()
	var keep []cty.PathValueMarks
	for _, pm := range paths {
		marks := cty.ValueMarks{} // (NewValueMarks() of nothing is a nil map)
		for m := range pm.Marks {
			if m != mark {
				marks[m] = struct{}{}
			}
		}
		if len(marks) > 0 {
			keep = append(keep, cty.PathValueMarks{Path: pm.Path, Marks: marks})
		}
	}
	return u.MarkWithPaths(keep)
}

func modulePrefix(mi *Instance) string {
	if mi.Path == "" {
		return ""
	}
	return mi.Path + "."
}

// ctx is the scope of a module instance: var, local, module, path, terraform, resources, data.
func (e *Evaluator) ctx(mi *Instance) *hcl.EvalContext {
	vars := map[string]cty.Value{
		"var":       cty.ObjectVal(mi.Vars),
		"local":     cty.ObjectVal(mi.Locals),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": e.workspace}),
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(relPath(e.rootDir, mi.Def.Dir)),
			"root":   cty.StringVal("."),
			"cwd":    cty.StringVal(e.rootDir),
		}),
	}
	modules := map[string]cty.Value{}
	for _, c := range mi.Def.Calls {
		modules[c.Name] = e.callValue(mi, c)
	}
	vars["module"] = cty.ObjectVal(modules)
	e.resourceScope(mi, vars, func(*Resource) func(string) cty.Value { return unknownAttr })
	return &hcl.EvalContext{Variables: vars, Functions: e.funcs}
}

func unknownAttr(name string) cty.Value {
	// An identifier is a string in every provider's schema: typed, a function of it can be
	// known not null as Terraform knows it (`coalesce(var.key, aws_kms_key.k.arn) == null` is false).
	if name == "id" || name == "arn" || strings.HasSuffix(name, "_arn") || strings.HasSuffix(name, "_id") {
		return cty.UnknownVal(cty.String)
	}
	return cty.DynamicVal
}

// The names a scope gives its own objects, which a resource type of the same name does not replace.
var scopeRoots = map[string]bool{"var": true, "local": true, "terraform": true, "path": true, "module": true, "data": true}

// resourceScope puts the resources the module's expressions name into vars (by type, data
// sources under `data`), computed(r) standing for each attribute r's configuration does not set.
func (e *Evaluator) resourceScope(mi *Instance, vars map[string]cty.Value, computed func(*Resource) func(string) cty.Value) {
	managed := map[string]map[string]cty.Value{}
	data := map[string]map[string]cty.Value{}
	for _, r := range mi.Def.Resources {
		if !mi.Def.Referenced[r.Local()] {
			continue
		}
		into := managed
		if r.Mode == "data" {
			into = data
		}
		if into[r.Type] == nil {
			into[r.Type] = map[string]cty.Value{}
		}
		into[r.Type][r.Name] = e.resourceValueWith(mi, r, computed(r))
	}
	for t, byName := range managed {
		if !scopeRoots[t] {
			vars[t] = cty.ObjectVal(byName)
		}
	}
	dataObj := map[string]cty.Value{}
	for t, byName := range data {
		dataObj[t] = cty.ObjectVal(byName)
	}
	vars["data"] = cty.ObjectVal(dataObj)
}

func relPath(root, dir string) string {
	if dir == root {
		return "."
	}
	if strings.HasPrefix(dir, root+"/") {
		return dir[len(root)+1:]
	}
	return dir
}

func (e *Evaluator) callValue(mi *Instance, c *Call) cty.Value {
	st, ok := mi.Calls[c.Name]
	if !ok || st.Mode == unknownExpansion || c.Module == nil {
		return cty.DynamicVal
	}
	outputs := func(child *Instance) cty.Value {
		if child == nil {
			return cty.DynamicVal
		}
		out := map[string]cty.Value{}
		for name := range c.Module.Outputs {
			if v, ok := child.Outputs[name]; ok {
				out[name] = v
			} else {
				out[name] = cty.DynamicVal
			}
		}
		return cty.ObjectVal(out)
	}
	return collect(st.Mode, st.Keys, func(k cty.Value) cty.Value { return outputs(st.Insts[keyString(k)]) })
}

func collect(mode expansion, keys []cty.Value, of func(cty.Value) cty.Value) cty.Value {
	switch mode {
	case single:
		return of(cty.NilVal)
	case counted:
		vals := make([]cty.Value, len(keys))
		for i, k := range keys {
			vals[i] = of(k)
		}
		return cty.TupleVal(vals)
	case forEach:
		m := map[string]cty.Value{}
		for _, k := range keys {
			m[k.AsString()] = of(k)
		}
		return cty.ObjectVal(m)
	}
	return cty.DynamicVal
}

// resourceValueWith is what `aws_s3_bucket.b` means in an expression: configured attributes
// as evaluated, and every other attribute the module reads unknown (computed by the provider):
// computed(name) stands for each attribute the configuration does not set.
func (e *Evaluator) resourceValueWith(mi *Instance, r *Resource, computed func(string) cty.Value) cty.Value {
	st, ok := mi.Res[r.Local()]
	if !ok || st.Mode == unknownExpansion {
		return cty.DynamicVal
	}
	keys := make([]cty.Value, len(st.Insts))
	byKey := map[string]*ResInst{}
	for i, inst := range st.Insts {
		keys[i] = inst.Key
		byKey[keyString(inst.Key)] = inst
	}
	return collect(st.Mode, keys, func(k cty.Value) cty.Value {
		inst := byKey[keyString(k)]
		// A data source read from a sensitive value is sensitive as a whole: each attribute is.
		obj, marks := inst.Obj.Unmark()
		attrs := map[string]cty.Value{}
		if obj.Type().IsObjectType() && obj.IsKnown() && !obj.IsNull() {
			for name, v := range obj.AsValueMap() {
				attrs[name] = v.WithMarks(marks)
			}
		}
		for name := range mi.Def.AttrNames {
			if _, ok := attrs[name]; !ok {
				attrs[name] = computed(name).WithMarks(marks)
			}
		}
		return cty.ObjectVal(attrs)
	})
}

// expand evaluates count / for_each: the instance keys, or unknownExpansion and the reason
// Terraform would give for refusing to plan it.
func (e *Evaluator) expand(mi *Instance, ctx *hcl.EvalContext, count, each hcl.Expression, what string) (expansion, []cty.Value, string) {
	if count != nil {
		// Terraform accepts a sensitive count: the number of instances discloses little.
		raw := e.value(count, ctx, mi, what+" count")
		v, _ := raw.UnmarkDeep()
		switch {
		case !v.IsKnown():
			if name := unsetRootVariable(mi, count); name != "" {
				return unknownExpansion, nil, fmt.Sprintf("count depends on variable %q%s (set it in tfvars, --var or TF_VAR_%s)", name, withoutValue, name)
			}
			if hasMarkDeep(raw, unevaluableMark) {
				return unknownExpansion, nil, "count" + cannotEvaluate
			}
			return unknownExpansion, nil, "count cannot be determined before apply"
		case v.IsNull():
			return unknownExpansion, nil, "count is null"
		}
		// A string such as "1" is converted, as Terraform converts count to a number.
		n := -1
		if num, err := convert.Convert(v, cty.Number); err == nil {
			if i, err := toInt(num); err == nil {
				n = i
			}
		}
		if n < 0 {
			return unknownExpansion, nil, "count is not a whole number >= 0"
		}
		keys := make([]cty.Value, n)
		for i := range keys {
			keys[i] = cty.NumberIntVal(int64(i))
		}
		return counted, keys, ""
	}
	if each != nil {
		v := e.value(each, ctx, mi, what+" for_each")
		// The value itself, not what it holds: Terraform refuses a sensitive for_each (a set of
		// sensitive strings is one: cty moves its elements' marks onto the set), and plans a map
		// or object some of whose values are sensitive, each.value carrying the mark.
		if v.HasMark(sensitiveMark) {
			return unknownExpansion, nil, "for_each is derived from a sensitive value, which Terraform refuses as instance keys"
		}
		if !v.IsWhollyKnown() && !(v.IsKnown() && v.Type().IsMapType() || v.IsKnown() && v.Type().IsObjectType()) {
			if name := unsetRootVariable(mi, each); name != "" {
				return unknownExpansion, nil, fmt.Sprintf("for_each depends on variable %q%s (set it in tfvars, --var or TF_VAR_%s)", name, withoutValue, name)
			}
			if hasMarkDeep(v, unevaluableMark) {
				return unknownExpansion, nil, "for_each" + cannotEvaluate
			}
			return unknownExpansion, nil, "for_each keys cannot be determined before apply"
		}
		if v.IsNull() {
			return unknownExpansion, nil, "for_each is null"
		}
		ty := v.Type()
		var keys []cty.Value
		switch {
		case ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				k, _ := it.Element()
				keys = append(keys, k)
			}
		case ty.IsSetType():
			for it := v.ElementIterator(); it.Next(); {
				_, el := it.Element()
				if !el.IsKnown() {
					return unknownExpansion, nil, "for_each keys cannot be determined before apply"
				}
				if el.IsNull() || el.Type() != cty.String {
					return unknownExpansion, nil, "for_each must be a map or a set of strings"
				}
				keys = append(keys, el)
			}
		default:
			return unknownExpansion, nil, "for_each must be a map or a set of strings"
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].AsString() < keys[j].AsString() })
		return forEach, keys, ""
	}
	return single, nil, ""
}

// withoutValue ends the reason of a count or for_each a root variable without a value decides:
// Terraform would ask for the value, not refuse to plan.
const withoutValue = ", which has no value"

// unsetRootVariable names a root variable without a value (unknown: vars.go) that expr reads, if any.
func unsetRootVariable(mi *Instance, expr hcl.Expression) string {
	if mi.Path != "" {
		return ""
	}
	for _, t := range expr.Variables() {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			if v, ok := mi.Vars[a.Name]; ok && !v.IsWhollyKnown() {
				return a.Name
			}
		}
	}
	return ""
}

// notVerifiable names a resource or module call that Terraform would refuse to plan (or, where a
// variable without a value decides it, would ask for that value).
func (e *Evaluator) notVerifiable(mi *Instance, file string, line int, what, why string) {
	consequence := "; Terraform refuses to plan it, so it is not checked"
	if strings.Contains(why, withoutValue) || strings.Contains(why, cannotEvaluate) {
		consequence = "; so it is not checked"
	}
	e.unverifiable = append(e.unverifiable, fmt.Sprintf("%s%s (%s:%d): %s%s", modulePrefix(mi), what, file, line, why, consequence))
}

func toInt(v cty.Value) (int, error) {
	if v.Type() != cty.Number {
		return 0, fmt.Errorf("not a number")
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return 0, fmt.Errorf("not whole")
	}
	i, _ := bf.Int64()
	return int(i), nil
}

// eachCtx adds count.index or each.key / each.value for one instance.
func eachCtx(parent *hcl.EvalContext, mode expansion, key cty.Value, forEachVal cty.Value) *hcl.EvalContext {
	child := parent.NewChild()
	switch mode {
	case counted:
		child.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": key})}
	case forEach:
		val := key
		switch {
		case forEachVal.Type().IsObjectType():
			val = forEachVal.GetAttr(key.AsString())
		case forEachVal.Type().IsMapType():
			val = forEachVal.Index(key)
		}
		child.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": key, "value": val})}
	}
	return child
}

func (e *Evaluator) evalResource(mi *Instance, r *Resource, ctx *hcl.EvalContext) {
	what := r.Local()
	mode, keys, why := e.expand(mi, ctx, r.Count, r.ForEach, what)
	var forEachVal cty.Value
	if mode == forEach {
		forEachVal, _ = r.ForEach.Value(ctx)
	}
	st := &ResState{Def: r, Mode: mode}
	evalOne := func(key cty.Value) *ResInst {
		ictx := eachCtx(ctx, mode, key, forEachVal)
		refs := map[string][]string{}
		if mode == forEach {
			e.eachRefs = referenceStrings(r.ForEach, mi.Def)
			e.eachExpr = r.ForEach
			defer func() { e.eachRefs, e.eachExpr = nil, nil }()
		}
		e.views, e.resType = map[string]string{}, r.Type
		obj := e.body(r.Body, ictx, mi, "", refs, resourceMeta)
		e.resType = ""
		views := e.views
		e.views = nil
		if r.Mode == "data" {
			obj = e.dataSource(mi, r, obj)
		}
		return &ResInst{Key: key, Obj: obj, Refs: refs, Views: views}
	}
	switch mode {
	case single:
		st.Insts = []*ResInst{evalOne(cty.NilVal)}
	case unknownExpansion:
		if r.Mode == "managed" {
			e.notVerifiable(mi, r.File, r.Line, what, why)
		}
	default:
		for _, k := range keys {
			st.Insts = append(st.Insts, evalOne(k))
		}
	}
	mi.Res[r.Local()] = st
}

func (e *Evaluator) evalCall(mi *Instance, c *Call, ctx *hcl.EvalContext) {
	st, ok := mi.Calls[c.Name]
	if !ok {
		st = &CallState{Def: c, Mode: unknownExpansion, Insts: map[string]*Instance{}}
		mi.Calls[c.Name] = st
	}
	if c.Module == nil {
		return
	}
	mode, keys, why := e.expand(mi, ctx, c.Count, c.ForEach, "module."+c.Name)
	if mode == unknownExpansion {
		e.notVerifiable(mi, c.File, c.Line, "module."+c.Name, why+" (nothing in the module is checked)")
	}
	if mode == single {
		keys = []cty.Value{cty.NilVal}
	}
	st.Mode, st.Keys = mode, keys
	var forEachVal cty.Value
	if mode == forEach {
		forEachVal, _ = c.ForEach.Value(ctx)
	}
	for _, k := range keys {
		path := modulePrefix(mi) + "module." + c.Name + keyString(k)
		child, ok := st.Insts[keyString(k)]
		if !ok {
			child = newInstance(c.Module, path, modulePrefix(&Instance{Path: mi.Static})+"module."+c.Name, mi)
			st.Insts[keyString(k)] = child
		}
		e.providerMap(mi, c, child)
		ictx := eachCtx(ctx, mode, k, forEachVal)
		child.Vars = e.moduleInputs(mi, c, ictx)
		e.evalInstance(child)
	}
}

func (e *Evaluator) moduleInputs(mi *Instance, c *Call, ctx *hcl.EvalContext) map[string]cty.Value {
	given := map[string]cty.Value{}
	for name, a := range c.Body.Attributes {
		if moduleMeta[name] {
			continue
		}
		given[name] = e.value(a.Expr, ctx, mi, "module."+c.Name+"."+name)
	}
	out := map[string]cty.Value{}
	for name, v := range c.Module.Variables {
		val, ok := given[name]
		if !ok || (val.IsKnown() && val.IsNull() && !v.Nullable) {
			if v.Default != cty.NilVal {
				out[name] = v.Default
				if v.Sensitive {
					out[name] = v.Default.Mark(sensitiveMark)
				}
			} else {
				if !ok {
					e.warn("%s:%d: %smodule.%s: required input %q is not set; treated as unknown", c.File, c.Line, modulePrefix(mi), c.Name, name)
				}
				out[name] = cty.UnknownVal(v.Type).Mark(openMark)
			}
			continue
		}
		// Converted with its marks where they are, as Terraform converts a module input: a list
		// one of whose values is sensitive is not sensitive as a whole (a for_each over it plans).
		conv, err := v.convert(val)
		if err != nil {
			e.warn("%s:%d: %smodule.%s: input %q does not match its type (%s); treated as unknown", c.File, c.Line, modulePrefix(mi), c.Name, name, err)
			conv = cty.UnknownVal(v.Type)
			if _, marked := unmarked(val); marked {
				conv = conv.Mark(sensitiveMark)
			}
		}
		if v.Sensitive {
			conv = conv.Mark(sensitiveMark)
		}
		out[name] = conv
	}
	return out
}

// body evaluates a block body to an object: attributes, nested blocks (lists of objects) and
// `dynamic` blocks expanded. refs collects resource references by attribute path.
func (e *Evaluator) body(b *hclsyntax.Body, ctx *hcl.EvalContext, mi *Instance, prefix string, refs map[string][]string, skip map[string]bool) cty.Value {
	attrs := map[string]cty.Value{}
	for name, a := range b.Attributes {
		if skip[name] {
			continue
		}
		p := joinPath(prefix, name)
		e.referencesIn(a.Expr, ctx, mi, p, refs)
		attrs[name] = e.value(a.Expr, ctx, mi, p)
		apiDocument := prefix == "" && name == "body" && apiDocumentTypes[e.resType]
		if (prefix == "" && documentAttr.MatchString(name) || apiDocument) && !attrs[name].IsWhollyKnown() {
			if v, ok := e.partialDocument(a.Expr, ctx, mi, apiDocument); ok {
				attrs[name] = v
			}
		}
		if e.views != nil && !attrs[name].IsWhollyKnown() {
			if v, ok := secretView(a.Expr, ctx); ok {
				e.views[p] = v
			}
		}
		if addressListAttr.MatchString(name) && !attrs[name].IsKnown() {
			if v, ok := e.partialAddresses(a.Expr, ctx, mi); ok {
				attrs[name] = v
			}
		}
		if len(e.inherited) > 0 && !attrs[name].IsWhollyKnown() {
			for _, ref := range e.inherited {
				if !contains(refs[p], ref) {
					refs[p] = append(refs[p], ref)
				}
			}
		}
		if len(e.eachRefs) > 0 && !attrs[name].IsWhollyKnown() && usesEachValue(a.Expr) {
			for _, ref := range e.eachRefs {
				if !contains(refs[p], ref) {
					refs[p] = append(refs[p], ref)
				}
			}
		}
	}
	blocks := map[string][]cty.Value{}
	unknownBlocks := map[string]bool{}
	order := []string{}
	add := func(t string, v cty.Value) {
		if _, ok := blocks[t]; !ok {
			order = append(order, t)
		}
		blocks[t] = append(blocks[t], v)
	}
	for _, blk := range b.Blocks {
		switch blk.Type {
		case "provisioner", "connection":
			// Not the resource's value; what the code writes there is read by the secret scan.
			if prefix == "" && e.views != nil {
				if text := provisionerView(blk); text != "" {
					e.views["provisioner"] = strings.TrimPrefix(e.views["provisioner"]+"\n"+text, "\n")
				}
			}
			continue
		case "lifecycle":
			continue
		case "dynamic":
			if len(blk.Labels) != 1 {
				continue
			}
			t := blk.Labels[0]
			if _, ok := blocks[t]; !ok {
				blocks[t] = nil
				order = append(order, t)
			}
			items, known := e.dynamic(blk, ctx, mi, joinPath(prefix, t), refs)
			if !known {
				unknownBlocks[t] = true
			}
			blocks[t] = append(blocks[t], items...)
		default:
			add(blk.Type, e.body(blk.Body, ctx, mi, joinPath(prefix, blk.Type), refs, nil))
		}
	}
	for _, t := range order {
		if _, clash := attrs[t]; clash {
			continue
		}
		if unknownBlocks[t] {
			attrs[t] = cty.DynamicVal
		} else {
			attrs[t] = cty.TupleVal(blocks[t])
		}
	}
	return cty.ObjectVal(attrs)
}

// usesEachValue: the expression reads each.value (a resource's for_each element).
func usesEachValue(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		if t.RootName() != "each" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok && a.Name == "value" {
			return true
		}
	}
	return false
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// dynamic expands `dynamic "x" { for_each = …; content {…} }`; false when for_each is unknown.
func (e *Evaluator) dynamic(blk *hclsyntax.Block, ctx *hcl.EvalContext, mi *Instance, p string, refs map[string][]string) ([]cty.Value, bool) {
	iterator := blk.Labels[0]
	var content *hclsyntax.Body
	for _, inner := range blk.Body.Blocks {
		if inner.Type == "content" {
			content = inner.Body
		}
	}
	if a, ok := blk.Body.Attributes["iterator"]; ok {
		if k := hcl.ExprAsKeyword(a.Expr); k != "" {
			iterator = k
		}
	}
	fe, ok := blk.Body.Attributes["for_each"]
	if !ok || content == nil {
		return nil, true
	}
	e.references(fe.Expr, mi, p, refs)
	outer := e.inherited
	e.inherited = append(append([]string{}, outer...), referenceStrings(fe.Expr, mi.Def)...)
	defer func() { e.inherited = outer }()
	// As hcl's dynblock does: the collection's own marks go onto every key and value; marks
	// inside it stay where they are (one sensitive value leaves its neighbours readable).
	v, marks := e.value(fe.Expr, ctx, mi, p+" for_each").Unmark()
	marked := len(marks) > 0
	if !v.IsKnown() || v.IsNull() {
		// Still collect references from the content, as a plan's configuration does.
		e.body(content, eachIter(ctx, iterator, cty.DynamicVal, cty.DynamicVal), mi, p, refs, nil)
		return nil, false
	}
	if !v.CanIterateElements() {
		e.warn("%s: dynamic %q for_each is not a collection; treated as unknown", blk.TypeRange.Filename, blk.Labels[0])
		return nil, false
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		k, el := it.Element()
		if v.Type().IsSetType() {
			k = el
		}
		if marked {
			// Blocks made from a sensitive collection are sensitive, as Terraform marks them.
			k, el = k.WithMarks(marks), el.WithMarks(marks)
		}
		out = append(out, e.body(content, eachIter(ctx, iterator, k, el), mi, p, refs, nil))
	}
	return out, true
}

func eachIter(ctx *hcl.EvalContext, name string, k, v cty.Value) *hcl.EvalContext {
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{name: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
	return child
}

// references records the resources an expression names, in the plan's configuration form
// (`aws_s3_bucket.b`, `aws_s3_bucket.b[0]`, `data.x.y`), under the attribute path.
func (e *Evaluator) references(expr hcl.Expression, mi *Instance, p string, refs map[string][]string) {
	e.referencesIn(expr, nil, mi, p, refs)
}

// referencesIn is references with the instance's context (each.key, count.index), in which
// `module.pg[each.key].id` names the one module instance the key picks.
func (e *Evaluator) referencesIn(expr hcl.Expression, ctx *hcl.EvalContext, mi *Instance, p string, refs map[string][]string) {
	for _, ref := range referencesVia(expr, mi.Def, map[string]bool{}, ctx) {
		if !contains(refs[p], ref) {
			refs[p] = append(refs[p], ref)
		}
	}
}

// instanceKey: `["k"]` or `[0]` where ctx gives the index expression a known string or
// number, else "" (every instance).
func instanceKey(key hclsyntax.Expression, ctx *hcl.EvalContext) string {
	if ctx == nil {
		return ""
	}
	v, diags := key.Value(ctx)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || (v.Type() != cty.Number && v.Type() != cty.String) {
		return ""
	}
	return keyString(v)
}

// referenceStrings: the resources an expression of module m names (`aws_s3_bucket.b`,
// `aws_s3_bucket.b[0]`), its variables (`var.key_arn`) and the outputs of the modules it
// calls (`module.kms.key_arn`, `module.kms["a"].key_arn`), in the plan's configuration form:
// the normalizer follows variables to what a module's caller passes in and outputs to what a
// module gives back (module_links).
var nonResourceRoots = map[string]bool{"local": true, "each": true, "count": true, "path": true, "terraform": true, "self": true}

func referenceStrings(expr hcl.Expression, m *Module) []string {
	return referencesVia(expr, m, map[string]bool{}, nil)
}

// referencesVia is referenceStrings, and through each local value the references of its
// expression too (`kms_key_arn = local.key`, `key = aws_kms_key.k.arn`: the key), once each
// (seen): a plan holds no locals, but its folder does (load/plan-source.ts reads them there).
func referencesVia(expr hcl.Expression, m *Module, seen map[string]bool, ctx *hcl.EvalContext) []string {
	var out []string
	add := func(s string) {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	// `module.pg[each.key].id`: a module instance picked by a key known only per instance. Its
	// traversal stops at the index (expr.Variables gives `module.pg`), so the output is read
	// from the syntax: the instance the key picks where the instance's context gives the key
	// (linking a hardened database to every instance's parameter group judged it by another's),
	// else every instance's output, as a plan names `module.pg` for it.
	if se, ok := expr.(hclsyntax.Expression); ok {
		hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			rt, ok := n.(*hclsyntax.RelativeTraversalExpr)
			if !ok || len(rt.Traversal) == 0 {
				return nil
			}
			ix, ok := rt.Source.(*hclsyntax.IndexExpr)
			if !ok {
				return nil
			}
			st, ok := ix.Collection.(*hclsyntax.ScopeTraversalExpr)
			if !ok || st.Traversal.RootName() != "module" || len(st.Traversal) != 2 {
				return nil
			}
			call, ok1 := st.Traversal[1].(hcl.TraverseAttr)
			o, ok2 := rt.Traversal[0].(hcl.TraverseAttr)
			if ok1 && ok2 {
				add("module." + call.Name + instanceKey(ix.Key, ctx) + "." + o.Name)
			}
			return nil
		})
	}
	for _, t := range expr.Variables() {
		root := t.RootName()
		rest := t[1:]
		if root == "var" && len(rest) >= 1 {
			if a, ok := rest[0].(hcl.TraverseAttr); ok {
				add("var." + a.Name)
			}
			continue
		}
		// A local value, each.value, count.index, path.module, self: no resource of its own,
		// but named as a plan's configuration names it, so the normalizer knows the attribute
		// is configured (unknown and from nothing the input can follow: unresolved).
		if nonResourceRoots[root] {
			name := root
			if len(rest) >= 1 {
				if a, ok := rest[0].(hcl.TraverseAttr); ok {
					name += "." + a.Name
				}
			}
			add(name)
			if root == "local" && !seen[name] {
				seen[name] = true
				for _, l := range m.Locals {
					if "local."+l.Name == name {
						for _, r := range referencesVia(l.Expr, m, seen, nil) {
							add(r)
						}
					}
				}
			}
			continue
		}
		if root == "module" && len(rest) >= 2 {
			a, ok := rest[0].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			call := "module." + a.Name
			rest = rest[1:]
			if idx, ok := rest[0].(hcl.TraverseIndex); ok && len(rest) >= 2 {
				if !idx.Key.IsKnown() || idx.Key.IsNull() || (idx.Key.Type() != cty.Number && idx.Key.Type() != cty.String) {
					continue
				}
				call += keyString(idx.Key)
				rest = rest[1:]
			}
			if o, ok := rest[0].(hcl.TraverseAttr); ok {
				add(call + "." + o.Name)
			}
			continue
		}
		var local string
		if root == "data" && len(rest) >= 2 {
			a, ok1 := rest[0].(hcl.TraverseAttr)
			b, ok2 := rest[1].(hcl.TraverseAttr)
			if !ok1 || !ok2 {
				continue
			}
			local = "data." + a.Name + "." + b.Name
			rest = rest[2:]
		} else if len(rest) >= 1 {
			a, ok := rest[0].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			local = root + "." + a.Name
			rest = rest[1:]
		} else {
			continue
		}
		if !m.Declared[local] {
			continue
		}
		ref := local
		if len(rest) > 0 {
			if idx, ok := rest[0].(hcl.TraverseIndex); ok && idx.Key.IsKnown() && !idx.Key.IsNull() {
				switch idx.Key.Type() {
				case cty.Number, cty.String:
					ref += keyString(idx.Key)
				}
			}
		}
		add(ref)
	}
	return out
}

func (mi *Instance) declares(local string) bool {
	return mi.Def.Declared[local]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The mark Terraform puts on values derived from a `sensitive` variable; cty carries it
// through every operation and function, as in Terraform.
const sensitiveMark = "sensitive"

// openMark: a value unknown here because the code gives it none (a variable without a value,
// a module's required input not set), not because only apply knows it. cty carries it as it
// carries sensitiveMark, through operations, functions and the branch a conditional takes, so
// an attribute that mixes it with a resource's reference is known to be open in part
// (OutResource.Open): a trust policy naming the caller's account and `var.ci_role_arn` had
// read as trusting its own account only.
const openMark = "leakguard:open"

// applyMark: a value unknown because an impure function made it (uuid(), timestamp(), bcrypt()):
// a new value on every run, known after apply as a plan shows it, not open. Carried as openMark
// is, so a credential passed into a module as uuid() reads as a plan reads it (nothing in the
// code), not as a variable without a value.
const applyMark = "leakguard:apply"

// unevaluableMark: a value unknown because an expression could not be evaluated here (a warning
// names it), not because only apply knows it: a for_each of it is not one Terraform refuses.
const unevaluableMark = "leakguard:unevaluable"

const cannotEvaluate = " derives from an expression that cannot be evaluated here (see its warning)"

// unmarked is v without marks, for code that reads it; marked says whether any part was
// sensitive.
func unmarked(v cty.Value) (cty.Value, bool) {
	u, marks := v.UnmarkDeep()
	_, marked := marks[sensitiveMark]
	return u, marked
}
