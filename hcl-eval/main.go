// hcl-eval reads a Terraform root module folder the way `terraform plan` does and prints
// its resource instances as a plan-like JSON document (see output.go). Built to
// WebAssembly for Leakguard's HCL loader (main_js.go); main_native.go runs it on a host.
package main

import (
	"path"

	"github.com/zclconf/go-cty/cty"
)

// FileSystem is the caller's file access: Leakguard opens every file it reads in one place.
type FileSystem interface {
	// Read returns the text of a file; ok is false when there is no such file.
	Read(file string, allowEmpty bool) (text string, ok bool, err error)
	// ReadBytes returns a file's bytes, text or not (filebase64, the file hash functions:
	// Terraform reads raw bytes there, a binary key or a zip included).
	ReadBytes(file string) (data []byte, ok bool, err error)
	// List returns the names in a folder, folders with a trailing slash; ok is false when
	// there is no such folder.
	List(dir string) (names []string, ok bool)
}

type Request struct {
	// Dir is the root module folder; File, when set, restricts the root to that one .tf file.
	Dir  string            `json:"dir"`
	File string            `json:"file,omitempty"`
	Env  map[string]string `json:"env"`
	Vars []CLIVar          `json:"vars"`
	// Workspace is terraform.workspace; absent (a plan's folder, where the plan does not say
	// which workspace made it) it is unknown.
	Workspace *string `json:"workspace"`
}

func evaluate(req Request, fs FileSystem) *Output {
	dir := path.Clean(req.Dir)
	l := &loader{fs: fs, modules: map[string]*Module{}}
	root, err := l.load(dir, req.File)
	if err != nil {
		return &Output{Error: err.Error()}
	}
	e := &Evaluator{root: root, rootDir: dir, fs: fs, warnings: map[string]bool{}, workspace: cty.UnknownVal(cty.String).Mark(openMark)}
	// A resource passed whole out of its module (`output "cf" { value = aws_cloudfront_distribution.front }`)
	// is read in another (`var.cf.arn`): each module's resources expose the attribute names
	// every module steps through, not only their own module's (`.arn` had been "Unsupported
	// attribute", and a bucket policy's aws:SourceArn condition was dropped: a false CRITICAL).
	every := map[string]bool{}
	for _, m := range l.modules {
		e.moduleDirs = append(e.moduleDirs, m.Dir)
		for a := range m.AttrNames {
			every[a] = true
		}
	}
	for _, m := range l.modules {
		m.AttrNames = every
	}
	if req.Workspace != nil {
		e.workspace = cty.StringVal(*req.Workspace)
	}
	e.funcs = e.functions()
	names, _ := fs.List(dir)
	vars, err := e.rootVariables(req.Env, req.Vars, names)
	if err != nil {
		return &Output{Error: err.Error()}
	}
	varWarnings := e.order
	tree := e.Run(vars)
	out := e.output(tree)
	out.ReadsWorkspace = l.readsWorkspace
	out.Warnings = append(append([]string{}, varWarnings...), out.Warnings...)
	return out
}
