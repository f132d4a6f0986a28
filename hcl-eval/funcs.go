package main

// Terraform's built-in functions, from the same libraries Terraform builds them on
// (go-cty's stdlib, go-cty-funcs, hcl's tryfunc). Functions whose result only apply knows
// (timestamp, uuid) are unknown, as in a plan. A function not listed here makes the
// expression unknown, with a warning naming it.

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/go-cty-funcs/cidr"
	"github.com/hashicorp/go-cty-funcs/collection"
	"github.com/hashicorp/go-cty-funcs/crypto"
	"github.com/hashicorp/go-cty-funcs/encoding"
	"github.com/hashicorp/go-cty-funcs/uuid"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

func (e *Evaluator) functions() map[string]function.Function {
	fs := map[string]function.Function{
		"abs":              stdlib.AbsoluteFunc,
		"alltrue":          allTrue,
		"anytrue":          anyTrue,
		"base64decode":     encoding.Base64DecodeFunc,
		"base64encode":     encoding.Base64EncodeFunc,
		"ceil":             stdlib.CeilFunc,
		"chomp":            stdlib.ChompFunc,
		"chunklist":        stdlib.ChunklistFunc,
		"cidrhost":         cidr.HostFunc,
		"cidrnetmask":      cidr.NetmaskFunc,
		"cidrsubnet":       cidr.SubnetFunc,
		"cidrsubnets":      cidr.SubnetsFunc,
		"coalesce":         collection.CoalesceFunc,
		"coalescelist":     stdlib.CoalesceListFunc,
		"compact":          stdlib.CompactFunc,
		"concat":           stdlib.ConcatFunc,
		"contains":         stdlib.ContainsFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"distinct":         stdlib.DistinctFunc,
		"element":          stdlib.ElementFunc,
		"endswith":         endsWith,
		"flatten":          stdlib.FlattenFunc,
		"floor":            stdlib.FloorFunc,
		"format":           stdlib.FormatFunc,
		"formatdate":       stdlib.FormatDateFunc,
		"formatlist":       stdlib.FormatListFunc,
		"indent":           stdlib.IndentFunc,
		"index":            indexFunc,
		"join":             stdlib.JoinFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       jsonEncodeFunc,
		"keys":             stdlib.KeysFunc,
		"length":           lengthFunc,
		"log":              stdlib.LogFunc,
		"lookup":           lookupFunc,
		"matchkeys":        matchKeysFunc,
		"sensitive":        sensitiveFunc,
		"nonsensitive":     nonsensitiveFunc,
		"issensitive":      isSensitiveFunc,
		"base64sha256":     base64Sha256Func,
		"base64sha512":     base64Sha512Func,
		"uuidv5":           uuid.V5Func,
		"plantimestamp":    unknownAtPlan(cty.String),
		"bcrypt":           bcryptFunc,
		"lower":            stdlib.LowerFunc,
		"max":              stdlib.MaxFunc,
		"md5":              crypto.Md5Func,
		"merge":            stdlib.MergeFunc,
		"min":              stdlib.MinFunc,
		"one":              oneFunc,
		"parseint":         stdlib.ParseIntFunc,
		"pow":              stdlib.PowFunc,
		"range":            stdlib.RangeFunc,
		"regex":            stdlib.RegexFunc,
		"regexall":         stdlib.RegexAllFunc,
		"replace":          replaceFunc,
		"reverse":          stdlib.ReverseListFunc,
		"setintersection":  stdlib.SetIntersectionFunc,
		"setproduct":       stdlib.SetProductFunc,
		"setsubtract":      stdlib.SetSubtractFunc,
		"setunion":         stdlib.SetUnionFunc,
		"sha1":             crypto.Sha1Func,
		"sha256":           crypto.Sha256Func,
		"sha512":           crypto.Sha512Func,
		"signum":           stdlib.SignumFunc,
		"slice":            stdlib.SliceFunc,
		"sort":             stdlib.SortFunc,
		"split":            stdlib.SplitFunc,
		"startswith":       startsWith,
		"strcontains":      strContains,
		"strrev":           stdlib.ReverseFunc,
		"substr":           stdlib.SubstrFunc,
		"sum":              sumFunc,
		"timeadd":          stdlib.TimeAddFunc,
		"title":            stdlib.TitleFunc,
		"tobool":           makeToFunc(cty.Bool),
		"tolist":           makeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":            makeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":         makeToFunc(cty.Number),
		"toset":            makeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":         makeToFunc(cty.String),
		"transpose":        transposeFunc,
		"trim":             stdlib.TrimFunc,
		"trimprefix":       stdlib.TrimPrefixFunc,
		"trimspace":        stdlib.TrimSpaceFunc,
		"trimsuffix":       stdlib.TrimSuffixFunc,
		"try":              tryfunc.TryFunc,
		"can":              tryfunc.CanFunc,
		"upper":            stdlib.UpperFunc,
		"urlencode":        encoding.URLEncodeFunc,
		"values":           stdlib.ValuesFunc,
		"yamldecode":       ctyyaml.YAMLDecodeFunc,
		"yamlencode":       yamlEncodeFunc,
		"zipmap":           stdlib.ZipmapFunc,
		"timestamp":        unknownAtPlan(cty.String),
		"base64gzip":       base64GzipFunc,
		"textencodebase64": textEncodeBase64Func,
		"textdecodebase64": textDecodeBase64Func,
		"timecmp":          timeCmpFunc,
		"rsadecrypt":       crypto.RsaDecryptFunc,
		"ephemeralasnull":  ephemeralAsNullFunc,
		"uuid":             unknownAtPlan(cty.String),
		"basename":         pathFunc(path.Base),
		"dirname":          pathFunc(path.Dir),
		"abspath":          pathFunc(func(p string) string { return p }),
	}
	fs["file"] = e.fileFunc(func(s string) string { return s })
	fs["fileexists"] = e.fileExistsFunc()
	fs["templatefile"] = e.templateFileFunc(fs)
	fs["templatestring"] = templateStringFunc(fs)
	fs["filebase64"] = e.fileBytesFunc(func(b []byte) string { return base64.StdEncoding.EncodeToString(b) })
	fs["fileset"] = e.fileSetFunc()
	fs["filebase64sha256"] = e.fileBytesFunc(func(b []byte) string { h := sha256.Sum256(b); return base64.StdEncoding.EncodeToString(h[:]) })
	fs["filebase64sha512"] = e.fileBytesFunc(func(b []byte) string { h := sha512.Sum512(b); return base64.StdEncoding.EncodeToString(h[:]) })
	fs["filemd5"] = e.fileBytesFunc(func(b []byte) string { h := md5.Sum(b); return hex.EncodeToString(h[:]) })
	fs["filesha1"] = e.fileBytesFunc(func(b []byte) string { h := sha1.Sum(b); return hex.EncodeToString(h[:]) })
	fs["filesha256"] = e.fileBytesFunc(func(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) })
	fs["filesha512"] = e.fileBytesFunc(func(b []byte) string { h := sha512.Sum512(b); return hex.EncodeToString(h[:]) })
	// Terraform knows these never return null, even of an unknown argument (its refinements):
	// `coalesce(var.key, aws_kms_key.k.arn) == null` is false in a plan, and a dynamic block
	// whose for_each tests it is made. Libraries older than the refinements (go-cty-funcs)
	// and our own functions lack them; test/load/unknown-refinements.test.ts holds the list
	// against terraform plan, function by function.
	for _, name := range []string{"alltrue", "anytrue", "base64decode", "base64encode", "base64gzip", "base64sha256", "base64sha512", "basename", "dirname",
		"cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce", "endswith", "startswith", "flatten", "index", "jsonencode", "length",
		"md5", "sha1", "sha256", "sha512", "parseint", "replace", "textencodebase64", "transpose", "urlencode", "uuidv5", "abspath"} {
		fs[name] = notNull(fs[name])
	}
	// Terraform 1.8+ also names every built-in function in the core:: namespace.
	for name, f := range fs {
		if !strings.Contains(name, "::") {
			fs["core::"+name] = f
		}
	}
	return fs
}

// notNull is f, its result refined as never null where it is unknown.
func notNull(f function.Function) function.Function {
	return function.New(&function.Spec{
		Description:  f.Description(),
		Params:       f.Params(),
		VarParam:     f.VarParam(),
		Type:         f.ReturnTypeForValues,
		RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
		Impl:         func(args []cty.Value, _ cty.Type) (cty.Value, error) { return f.Call(args) },
	})
}

func unknownAtPlan(t cty.Type) function.Function {
	return function.New(&function.Spec{Type: function.StaticReturnType(t), Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.UnknownVal(t).Mark(applyMark), nil
	}})
}

// bcrypt salts at random: its result is different on every run, as unknown here as apply's.
var bcryptFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "str", Type: cty.String}},
	VarParam: &function.Parameter{Name: "cost", Type: cty.Number},
	Type:     function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if len(args) > 2 {
			return cty.NilVal, fmt.Errorf("bcrypt() takes no more than two arguments")
		}
		return cty.UnknownVal(cty.String).Mark(applyMark), nil
	},
})

func stringFn(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "s", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

func pathFunc(f func(string) string) function.Function { return stringFn(f) }

func stringPredicate(f func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "s", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var startsWith = stringPredicate(strings.HasPrefix)
var endsWith = stringPredicate(strings.HasSuffix)
var strContains = stringPredicate(strings.Contains)

// length counts characters of a string too, as Terraform's does (go-cty's counts collections).
// Marks: those on the value itself, not those of its elements, as Terraform's.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		n, err := length(v)
		if err != nil {
			return cty.NilVal, err
		}
		return n.WithMarks(marks), nil
	},
})

func length(v cty.Value) (cty.Value, error) {
	switch {
	case v.Type() == cty.String:
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		return stdlib.Strlen(v)
	case v.Type().IsTupleType():
		return cty.NumberIntVal(int64(len(v.Type().TupleElementTypes()))), nil
	case v.Type().IsObjectType():
		return cty.NumberIntVal(int64(len(v.Type().AttributeTypes()))), nil
	case v.Type().IsListType() || v.Type().IsSetType() || v.Type().IsMapType():
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		return v.Length(), nil
	case v.Type() == cty.DynamicPseudoType:
		return cty.UnknownVal(cty.Number), nil
	}
	return cty.NilVal, fmt.Errorf("argument must be a string, a collection type, or a structural type")
}

// replace treats a substring wrapped in slashes as a regular expression, as Terraform's does.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/' {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(re.ReplaceAllString(str, rep)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, rep)), nil
	},
})

func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			result := all
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				if !v.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				if v.IsNull() {
					continue
				}
				if all && v.False() {
					result = false
				}
				if !all && v.True() {
					result = true
				}
			}
			return cty.BoolVal(result), nil
		},
	})
}

var allTrue = boolFold(true)
var anyTrue = boolFold(false)

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Number)}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		total := cty.NumberIntVal(0)
		for it := args[0].ElementIterator(); it.Next(); {
			_, v := it.Element()
			total = total.Add(v)
		}
		return total, nil
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			els := ty.TupleElementTypes()
			if len(els) == 0 {
				return cty.DynamicPseudoType, nil
			}
			return els[0], nil
		}
		return cty.NilType, fmt.Errorf("must be a list, set or tuple")
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		v := args[0]
		if v.LengthInt() == 0 {
			return cty.NullVal(ret), nil
		}
		if v.LengthInt() > 1 {
			return cty.NilVal, fmt.Errorf("must be a list, set, or tuple value with either zero or one elements")
		}
		it := v.ElementIterator()
		it.Next()
		_, el := it.Element()
		return el, nil
	},
})

var transposeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:   function.StaticReturnType(cty.Map(cty.List(cty.String))),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		// A name unknown before apply may be any key of the result (it had panicked).
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.Map(cty.List(cty.String))), nil
		}
		out := map[string][]cty.Value{}
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			for li := list.ElementIterator(); li.Next(); {
				_, v := li.Element()
				out[v.AsString()] = append(out[v.AsString()], k)
			}
		}
		m := map[string]cty.Value{}
		for k, v := range out {
			m[k] = cty.ListVal(v)
		}
		if len(m) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		return cty.MapVal(m), nil
	},
})

// readInside reads a file that file()/templatefile() name, refusing anything outside the folder.
func (e *Evaluator) readInside(p string) (string, error) {
	full, err := e.inside(p)
	if err != nil {
		return "", err
	}
	text, ok, err := e.fs.Read(full, true)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("no file %s", p)
	}
	return text, nil
}

// inside resolves a path the configuration names (relative to the root, as Terraform resolves
// it), refusing one outside the checked folder and the folders of the modules it calls: a
// module followed from outside the folder reads its own templates ("${path.module}/x.tpl").
func (e *Evaluator) inside(p string) (string, error) {
	full := p
	if !path.IsAbs(full) {
		full = path.Join(e.rootDir, p)
	}
	full = path.Clean(full)
	for _, dir := range append([]string{e.rootDir}, e.moduleDirs...) {
		if full == dir || strings.HasPrefix(full, dir+"/") {
			return full, nil
		}
	}
	return "", fmt.Errorf("%s is outside the checked folder and the modules it calls", p)
}

// readBytesInside reads a file's bytes, inside the folder as readInside does.
func (e *Evaluator) readBytesInside(p string) ([]byte, error) {
	full, err := e.inside(p)
	if err != nil {
		return nil, err
	}
	b, ok, err := e.fs.ReadBytes(full)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("no file %s", p)
	}
	return b, nil
}

// fileBytesFunc reads a file's bytes inside the checked folder and returns what encode makes
// of them (filebase64: base64; filesha256: the hash in hex), as Terraform's, text or not.
func (e *Evaluator) fileBytesFunc(encode func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := e.readBytesInside(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(encode(b)), nil
		},
	})
}

// fileFunc reads a file inside the checked folder and returns its text as encode gives it
// (file: as it is).
func (e *Evaluator) fileFunc(encode func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			text, err := e.readInside(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(encode(text)), nil
		},
	})
}

func (e *Evaluator) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			_, err := e.readInside(args[0].AsString())
			return cty.BoolVal(err == nil), nil
		},
	})
}

func (e *Evaluator) templateFileFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			text, err := e.readInside(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return renderTemplate(text, args[0].AsString(), args[1], funcs)
		},
	})
}

// templatestring renders a string held in a variable or attribute as a template, as
// Terraform 1.9+ does (it refuses a literal template, which needs no function).
func templateStringFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "template", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return renderTemplate(args[0].AsString(), "templatestring", args[1], funcs)
		},
	})
}

// renderTemplate evaluates a template with only the given variables in scope, and every
// function but the template functions themselves.
func renderTemplate(text, name string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	tmpl, diags := hclsyntax.ParseTemplate([]byte(text), name, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("%s", diagText(diags))
	}
	if !vars.IsWhollyKnown() {
		return cty.UnknownVal(cty.String), nil
	}
	if !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
		return cty.NilVal, fmt.Errorf("vars must be an object or a map")
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
	for k, v := range vars.AsValueMap() {
		ctx.Variables[k] = v
	}
	for k, f := range funcs {
		if k != "templatefile" && k != "templatestring" {
			ctx.Functions[k] = f
		}
	}
	out, diags := tmpl.Value(ctx)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("%s", diagText(diags))
	}
	return convert.Convert(out, cty.String)
}

// fileset: the files under a folder (inside the checked folder) whose path relative to it
// matches a glob, as Terraform's fileset does (`**` crosses folders).
func (e *Evaluator) fileSetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			base, err := e.inside(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			pattern := args[1].AsString()
			if !doublestar.ValidatePattern(pattern) {
				return cty.NilVal, fmt.Errorf("invalid glob pattern %q", pattern)
			}
			var matches []cty.Value
			var walk func(dir, rel string, depth int)
			walk = func(dir, rel string, depth int) {
				names, _ := e.fs.List(dir)
				for _, n := range names {
					if strings.HasSuffix(n, "/") {
						if depth < 32 {
							walk(path.Join(dir, n), rel+n, depth+1)
						}
					} else if ok, _ := doublestar.Match(pattern, rel+n); ok {
						matches = append(matches, cty.StringVal(rel+n))
					}
				}
			}
			walk(base, "", 0)
			if len(matches) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(matches), nil
		},
	})
}
