package main

// Reading one module folder into its blocks, as Terraform's configs package does: every
// .tf and .tf.json file of the folder merged, local module sources followed, remote ones only named.

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

type Variable struct {
	Name       string
	Default    cty.Value // cty.NilVal when the variable has no default
	Type       cty.Type
	Defaults   *typeexpr.Defaults
	Nullable   bool
	Sensitive  bool
	Primitive  bool // values from -var / TF_VAR_ are taken literally
	DeclaredAt string
}

type Resource struct {
	Mode     string // managed | data
	Type     string
	Name     string
	Body     *hclsyntax.Body
	Count    hclsyntax.Expression
	ForEach  hclsyntax.Expression
	Provider string // local provider reference, e.g. aws or aws.west
	File     string
	Line     int
}

func (r *Resource) Local() string {
	if r.Mode == "data" {
		return "data." + r.Type + "." + r.Name
	}
	return r.Type + "." + r.Name
}

type Call struct {
	Name      string
	Source    string
	Body      *hclsyntax.Body
	Count     hclsyntax.Expression
	ForEach   hclsyntax.Expression
	Providers map[string]string // child's local provider name → caller's
	Module    *Module           // nil when the source is not a local folder
	File      string
	Line      int
}

type ProviderBlock struct {
	Name  string
	Alias string
	Body  *hclsyntax.Body
	File  string
	Line  int
}

type Module struct {
	Dir       string
	Variables map[string]*Variable
	Locals    []*hclsyntax.Attribute
	Resources []*Resource
	Calls     []*Call
	Providers []*ProviderBlock
	Outputs   map[string]hclsyntax.Expression
	Declared  map[string]bool // resource addresses in the module (`aws_s3_bucket.b`, `data.x.y`)
	// Resource addresses some expression of the module names: only these need a value in scope.
	Referenced map[string]bool
	// Every attribute name any traversal of the module steps through: a resource instance
	// exposes these as unknown when its configuration does not set them (computed values).
	AttrNames map[string]bool
}

type loader struct {
	fs      FileSystem
	modules map[string]*Module
	depth   int
	// Some file names terraform.workspace (Output.ReadsWorkspace).
	readsWorkspace bool
}

// declared remembers where each named block of a module was declared: Terraform refuses a
// second declaration (of a resource, data source, variable, output, local or module call),
// whichever file it is in.
type declared map[string]string

func (d declared) once(kind, name, file string, line int) error {
	at := fmt.Sprintf("%s:%d", file, line)
	if first, dup := d[kind+" "+name]; dup {
		return fmt.Errorf("%s: duplicate %s %s: already declared at %s (Terraform refuses a second declaration)", at, kind, name, first)
	}
	d[kind+" "+name] = at
	return nil
}

var localSource = regexp.MustCompile(`^\.\.?/`)

// `namespace/name/provider`, optionally behind a registry host, optionally with `//subdir`.
var registrySource = regexp.MustCompile(`^([\w.-]+/)?[\w-]+/[\w-]+/[\w-]+(//.*)?$`)

// Meta-arguments of a resource or module block, never attributes of the object itself.
var resourceMeta = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true}
var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func (l *loader) load(dir string, only string) (*Module, error) {
	if m, ok := l.modules[dir]; ok {
		return m, nil
	}
	if l.depth > 20 {
		return nil, fmt.Errorf("%s: modules nested more than 20 deep (a module calling itself?)", dir)
	}
	var files []string
	if only != "" {
		files = []string{only}
	} else {
		names, ok := l.fs.List(dir)
		if !ok {
			return nil, fmt.Errorf("%s: no such folder", dir)
		}
		for _, n := range names {
			if strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json") {
				files = append(files, path.Join(dir, n))
			}
		}
		sort.Strings(files)
	}
	m := &Module{Dir: dir, Variables: map[string]*Variable{}, Outputs: map[string]hclsyntax.Expression{}, Declared: map[string]bool{}, Referenced: map[string]bool{}, AttrNames: map[string]bool{}}
	l.modules[dir] = m
	// Override files (override.tf, *_override.tf) merge into the blocks of the others, after them.
	var blocks, overrides []*hclsyntax.Block
	for _, file := range files {
		text, ok, err := l.fs.Read(file, true)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%s: no such file", file)
		}
		base := strings.TrimSuffix(path.Base(file), ".json")
		if base != path.Base(file) {
			if text, err = jsonToNative(text, file); err != nil {
				return nil, err
			}
		}
		f, diags := hclsyntax.ParseConfig([]byte(text), file, hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s: HCL syntax error: %s", file, diagText(diags))
		}
		l.readsWorkspace = l.readsWorkspace || strings.Contains(text, "terraform.workspace")
		if base == "override.tf" || strings.HasSuffix(base, "_override.tf") {
			overrides = append(overrides, f.Body.(*hclsyntax.Body).Blocks...)
		} else {
			blocks = append(blocks, f.Body.(*hclsyntax.Body).Blocks...)
		}
	}
	for _, o := range overrides {
		if err := override(blocks, o); err != nil {
			return nil, err
		}
	}
	seen := declared{}
	for _, b := range blocks {
		if err := l.addBlock(m, b, seen); err != nil {
			return nil, err
		}
	}
	collectAttrNames(m)
	return m, nil
}

func diagText(diags hcl.Diagnostics) string {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		where := ""
		if d.Subject != nil {
			where = fmt.Sprintf(" (line %d)", d.Subject.Start.Line)
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		return strings.Join(strings.Fields(msg), " ") + where
	}
	return "invalid"
}

// override merges an override file's block into the block it names, as Terraform does:
// its attributes replace the original's, its nested block types replace those types.
func override(blocks []*hclsyntax.Block, o *hclsyntax.Block) error {
	if o.Type == "locals" {
		for name, a := range o.Body.Attributes {
			for _, b := range blocks {
				if _, ok := b.Body.Attributes[name]; ok && b.Type == "locals" {
					b.Body.Attributes[name] = a
				}
			}
		}
		return nil
	}
	for _, b := range blocks {
		if b.Type != o.Type || strings.Join(b.Labels, ".") != strings.Join(o.Labels, ".") {
			continue
		}
		merged := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: b.Body.SrcRange, EndRange: b.Body.EndRange}
		for k, a := range b.Body.Attributes {
			merged.Attributes[k] = a
		}
		for k, a := range o.Body.Attributes {
			merged.Attributes[k] = a
		}
		replaced := map[string]bool{}
		for _, ob := range o.Body.Blocks {
			replaced[blockKind(ob)] = true
		}
		for _, nb := range b.Body.Blocks {
			if !replaced[blockKind(nb)] {
				merged.Blocks = append(merged.Blocks, nb)
			}
		}
		merged.Blocks = append(merged.Blocks, o.Body.Blocks...)
		b.Body = merged
		return nil
	}
	r := o.TypeRange
	return fmt.Errorf("%s:%d: override of %s %q, which no other file declares", r.Filename, r.Start.Line, o.Type, strings.Join(o.Labels, "."))
}

// blockKind: a `dynamic "x"` block stands for the x blocks it makes.
func blockKind(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

func (l *loader) addBlock(m *Module, b *hclsyntax.Block, seen declared) error {
	file := b.TypeRange.Filename
	line := b.TypeRange.Start.Line
	switch b.Type {
	case "variable":
		if len(b.Labels) != 1 {
			return nil
		}
		if err := seen.once("variable", strconv.Quote(b.Labels[0]), file, line); err != nil {
			return err
		}
		v, err := decodeVariable(b, file)
		if err != nil {
			return err
		}
		m.Variables[v.Name] = v
	case "locals":
		attrs := sortedAttrs(b.Body)
		for _, a := range attrs {
			if err := seen.once("local value", a.Name, file, a.SrcRange.Start.Line); err != nil {
				return err
			}
		}
		m.Locals = append(m.Locals, attrs...)
	case "output":
		if len(b.Labels) == 1 {
			if err := seen.once("output", strconv.Quote(b.Labels[0]), file, line); err != nil {
				return err
			}
			if a, ok := b.Body.Attributes["value"]; ok {
				m.Outputs[b.Labels[0]] = a.Expr
			}
		}
	case "provider":
		if len(b.Labels) != 1 {
			return nil
		}
		p := &ProviderBlock{Name: b.Labels[0], Body: b.Body, File: file, Line: line}
		if a, ok := b.Body.Attributes["alias"]; ok {
			if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				p.Alias = v.AsString()
			}
		}
		m.Providers = append(m.Providers, p)
	case "resource", "data":
		if len(b.Labels) != 2 {
			return nil
		}
		mode := "managed"
		if b.Type == "data" {
			mode = "data"
		}
		r := &Resource{Mode: mode, Type: b.Labels[0], Name: b.Labels[1], Body: b.Body, File: file, Line: line}
		if err := seen.once("resource", r.Local(), file, line); err != nil {
			return err
		}
		if a, ok := b.Body.Attributes["count"]; ok {
			r.Count = a.Expr
		}
		if a, ok := b.Body.Attributes["for_each"]; ok {
			r.ForEach = a.Expr
		}
		if a, ok := b.Body.Attributes["provider"]; ok {
			r.Provider = traversalName(a.Expr)
		}
		m.Resources = append(m.Resources, r)
		m.Declared[r.Local()] = true
	case "module":
		if len(b.Labels) != 1 {
			return nil
		}
		if err := seen.once("module", strconv.Quote(b.Labels[0]), file, line); err != nil {
			return err
		}
		c, err := l.decodeCall(m, b, file)
		if err != nil {
			return err
		}
		m.Calls = append(m.Calls, c)
	}
	return nil
}

func sortedAttrs(body *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte
	})
	return out
}

// variableType reads a variable's type as Terraform does: the bare keywords `list` and `map`
// (Terraform 0.11's forms, still accepted) are list(any) and map(any); everything else is a type
// expression, optional attributes and their defaults included.
func variableType(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, error) {
	switch hcl.ExprAsKeyword(expr) {
	case "list":
		return cty.List(cty.DynamicPseudoType), nil, nil
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil, nil
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
	if diags.HasErrors() {
		return cty.NilType, nil, fmt.Errorf("%s", diagText(diags))
	}
	return ty, defaults, nil
}

func decodeVariable(b *hclsyntax.Block, file string) (*Variable, error) {
	v := &Variable{Name: b.Labels[0], Type: cty.DynamicPseudoType, Nullable: true, Primitive: true, Default: cty.NilVal,
		DeclaredAt: fmt.Sprintf("%s:%d", file, b.TypeRange.Start.Line)}
	if a, ok := b.Body.Attributes["type"]; ok {
		ty, defaults, err := variableType(a.Expr)
		if err != nil {
			return nil, fmt.Errorf("%s: variable %q: invalid type: %s", v.DeclaredAt, v.Name, err)
		}
		v.Type, v.Defaults = ty, defaults
		v.Primitive = ty.IsPrimitiveType()
	}
	if a, ok := b.Body.Attributes["nullable"]; ok {
		if n, d := a.Expr.Value(nil); !d.HasErrors() && n.Type() == cty.Bool && n.IsKnown() && !n.IsNull() {
			v.Nullable = n.True()
		}
	}
	if a, ok := b.Body.Attributes["sensitive"]; ok {
		if n, d := a.Expr.Value(nil); !d.HasErrors() && n.Type() == cty.Bool && n.IsKnown() && !n.IsNull() {
			v.Sensitive = n.True()
		}
	}
	if a, ok := b.Body.Attributes["default"]; ok {
		d, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s: variable %q: invalid default: %s", v.DeclaredAt, v.Name, diagText(diags))
		}
		conv, err := v.convert(d)
		if err != nil {
			return nil, fmt.Errorf("%s: variable %q: default does not match its type: %s", v.DeclaredAt, v.Name, err)
		}
		v.Default = conv
	}
	return v, nil
}

// convert applies the type's optional-attribute defaults, then converts, as Terraform does.
func (v *Variable) convert(val cty.Value) (cty.Value, error) {
	if v.Defaults != nil && !val.IsNull() {
		val = v.Defaults.Apply(val)
	}
	return convert.Convert(val, v.Type)
}

func (l *loader) decodeCall(m *Module, b *hclsyntax.Block, file string) (*Call, error) {
	c := &Call{Name: b.Labels[0], Body: b.Body, File: file, Line: b.TypeRange.Start.Line, Providers: map[string]string{}}
	if a, ok := b.Body.Attributes["source"]; ok {
		if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			c.Source = v.AsString()
		}
	}
	if a, ok := b.Body.Attributes["count"]; ok {
		c.Count = a.Expr
	}
	if a, ok := b.Body.Attributes["for_each"]; ok {
		c.ForEach = a.Expr
	}
	if a, ok := b.Body.Attributes["providers"]; ok {
		pairs, _ := hcl.ExprMap(a.Expr)
		for _, p := range pairs {
			k, v := traversalName(p.Key), traversalName(p.Value)
			if k != "" && v != "" {
				c.Providers[k] = v
			}
		}
	}
	if localSource.MatchString(c.Source) {
		l.depth++
		child, err := l.load(path.Clean(path.Join(m.Dir, c.Source)), "")
		l.depth--
		if err != nil {
			return nil, err
		}
		c.Module = child
	}
	return c, nil
}

// traversalName turns `aws.west` (an expression that is a bare reference) into "aws.west".
func traversalName(expr hcl.Expression) string {
	if k := hcl.ExprAsKeyword(expr); k != "" {
		return k
	}
	t, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() {
		return ""
	}
	return strings.Join(stepNames(t), ".")
}

// stepNames is a traversal's root and attribute names in order, index steps skipped:
// `aws_s3_bucket.b[0].id` gives aws_s3_bucket, b, id.
func stepNames(t hcl.Traversal) []string {
	names := []string{}
	for _, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			names = append(names, s.Name)
		case hcl.TraverseAttr:
			names = append(names, s.Name)
		}
	}
	return names
}

// collectAttrNames records every attribute step of every traversal in the module.
func collectAttrNames(m *Module) {
	var walkBody func(b *hclsyntax.Body)
	visit := func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			addSteps(m, e.Traversal)
		case *hclsyntax.RelativeTraversalExpr:
			addSteps(m, e.Traversal)
		}
		return nil
	}
	walkBody = func(b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			hclsyntax.VisitAll(a.Expr, visit)
		}
		for _, blk := range b.Blocks {
			walkBody(blk.Body)
		}
	}
	for _, r := range m.Resources {
		walkBody(r.Body)
	}
	for _, c := range m.Calls {
		walkBody(c.Body)
	}
	for _, p := range m.Providers {
		walkBody(p.Body)
	}
	for _, a := range m.Locals {
		hclsyntax.VisitAll(a.Expr, visit)
	}
	for _, e := range m.Outputs {
		hclsyntax.VisitAll(e, visit)
	}
	// A resource passed whole to an input typed object({ id = string, execution_arn = string })
	// carries every attribute the type names, as Terraform's resource objects carry their whole
	// schema: without them the conversion failed ("attribute execution_arn is required") and the
	// input was treated as unknown as a whole.
	for _, v := range m.Variables {
		addTypeAttrs(m, v.Type)
	}
}

// addTypeAttrs records the attribute names of the object types within a type constraint.
func addTypeAttrs(m *Module, t cty.Type) {
	switch {
	case t.IsObjectType():
		for name, at := range t.AttributeTypes() {
			m.AttrNames[name] = true
			addTypeAttrs(m, at)
		}
	case t.IsListType() || t.IsSetType() || t.IsMapType():
		addTypeAttrs(m, t.ElementType())
	case t.IsTupleType():
		for _, et := range t.TupleElementTypes() {
			addTypeAttrs(m, et)
		}
	}
}

// addSteps records what a traversal refers to (type.name, data.type.name) and its attribute names.
func addSteps(m *Module, t hcl.Traversal) {
	names := stepNames(t)
	if len(names) >= 2 {
		m.Referenced[names[0]+"."+names[1]] = true
	}
	if len(names) >= 3 && names[0] == "data" {
		m.Referenced["data."+names[1]+"."+names[2]] = true
	}
	attrs := names
	if !t.IsRelative() {
		attrs = names[1:]
	}
	for _, a := range attrs {
		m.AttrNames[a] = true
	}
}
