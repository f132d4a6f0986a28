package main

// Values of the root module's variables, in Terraform's order of precedence (later wins):
// defaults, TF_VAR_* environment variables, terraform.tfvars(.json), *.auto.tfvars(.json)
// in lexical order, then -var-file and -var in the order given on the command line.

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

type CLIVar struct {
	Kind  string `json:"kind"` // "file" or "var"
	Value string `json:"value"`
}

type rawValue struct {
	value cty.Value
	expr  string // set for literal/HCL-parsed values (env, -var), parsed per the variable's type
	from  string
	// From a tfvars file of the folder Terraform loads by itself: written in the repository.
	inCode bool
}

func (e *Evaluator) rootVariables(env map[string]string, cli []CLIVar, dirFiles []string) (map[string]cty.Value, error) {
	raw := map[string]rawValue{}
	names := make([]string, 0, len(env))
	for k := range env {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if _, declared := e.root.Variables[k]; declared {
			raw[k] = rawValue{expr: env[k], from: "TF_VAR_" + k}
		}
	}
	var auto []string
	for _, n := range dirFiles {
		if strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json") {
			auto = append(auto, n)
		}
	}
	sort.Strings(auto)
	for _, n := range append([]string{"terraform.tfvars", "terraform.tfvars.json"}, auto...) {
		if !contains(dirFiles, n) {
			continue
		}
		if err := e.varFile(path.Join(e.rootDir, n), raw, false); err != nil {
			return nil, err
		}
	}
	for _, c := range cli {
		switch c.Kind {
		case "file":
			if err := e.varFile(c.Value, raw, true); err != nil {
				return nil, err
			}
		case "var":
			i := strings.Index(c.Value, "=")
			if i <= 0 {
				return nil, fmt.Errorf("--var %q: expected name=value", c.Value)
			}
			name := strings.TrimSpace(c.Value[:i])
			if _, declared := e.root.Variables[name]; !declared {
				return nil, fmt.Errorf("--var %q: the root module declares no variable %q", c.Value, name)
			}
			raw[name] = rawValue{expr: c.Value[i+1:], from: "--var " + name}
		}
	}
	out := map[string]cty.Value{}
	e.rootCode = map[string]cty.Value{}
	for name, v := range e.root.Variables {
		r, given := raw[name]
		if !given {
			if v.Default == cty.NilVal {
				e.warn("%s: variable %q has no value (no default, tfvars, --var or TF_VAR_%s); treated as unknown", v.DeclaredAt, name, name)
				out[name] = cty.UnknownVal(v.Type).Mark(openMark)
			} else {
				out[name] = v.Default
				e.rootCode[name] = v.Default
			}
			continue
		}
		val := r.value
		if r.expr != "" || val == cty.NilVal {
			if v.Primitive {
				val = cty.StringVal(r.expr)
			} else {
				expr, diags := hclsyntax.ParseExpression([]byte(r.expr), r.from, hcl.Pos{Line: 1, Column: 1})
				if diags.HasErrors() {
					return nil, fmt.Errorf("%s: invalid value for variable %q: %s", r.from, name, diagText(diags))
				}
				parsed, diags := expr.Value(nil)
				if diags.HasErrors() {
					return nil, fmt.Errorf("%s: invalid value for variable %q: %s", r.from, name, diagText(diags))
				}
				val = parsed
			}
		}
		if val.IsNull() && !v.Nullable && v.Default != cty.NilVal {
			out[name] = v.Default
			e.rootCode[name] = v.Default
			continue
		}
		conv, err := v.convert(val)
		if err != nil {
			return nil, fmt.Errorf("%s: value for variable %q does not match its type: %s", r.from, name, err)
		}
		out[name] = conv
		// Or given from outside as what the default is (the plan's own values, beside a plan).
		if r.inCode || (v.Default != cty.NilVal && conv.RawEquals(v.Default)) {
			e.rootCode[name] = conv
		}
	}
	for name, v := range e.root.Variables {
		if v.Sensitive {
			out[name] = out[name].Mark(sensitiveMark)
		}
	}
	return out, nil
}

func (e *Evaluator) varFile(file string, raw map[string]rawValue, explicit bool) error {
	text, ok, err := e.fs.Read(file, true)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s: no such file", file)
	}
	var body hcl.Body
	var diags hcl.Diagnostics
	if strings.HasSuffix(file, ".json") {
		f, d := hcljson.Parse([]byte(text), file)
		diags = d
		if f != nil {
			body = f.Body
		}
	} else {
		f, d := hclsyntax.ParseConfig([]byte(text), file, hcl.Pos{Line: 1, Column: 1})
		diags = d
		if f != nil {
			body = f.Body
		}
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s: syntax error: %s", file, diagText(diags))
	}
	attrs, diags := body.JustAttributes()
	if diags.HasErrors() {
		return fmt.Errorf("%s: %s", file, diagText(diags))
	}
	for name, a := range attrs {
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return fmt.Errorf("%s:%d: variable %q: %s", file, a.Range.Start.Line, name, diagText(diags))
		}
		if _, declared := e.root.Variables[name]; !declared {
			if explicit {
				e.warn("%s:%d: value for undeclared variable %q ignored", file, a.Range.Start.Line, name)
			}
			continue
		}
		// A file passed in (the plan's own values, beside a plan) giving what an auto-loaded
		// file of the folder gives: the value is still the code's.
		prev, had := raw[name]
		inCode := !explicit || (had && prev.inCode && prev.value != cty.NilVal && prev.value.RawEquals(v))
		raw[name] = rawValue{value: v, from: file, inCode: inCode}
	}
	return nil
}
