//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type osFS struct{}

func (osFS) Read(file string, allowEmpty bool) (string, bool, error) {
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return string(b), true, nil
}

func (osFS) ReadBytes(file string) ([]byte, bool, error) {
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

func (osFS) List(dir string) ([]string, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	names := []string{}
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name()+"/")
		} else {
			names = append(names, e.Name())
		}
	}
	return names, true
}

// Usage: hcl-eval <dir> [name=value ...], or hcl-eval --edit < request.json — for developing
// the evaluator and the editor without Node.
func main() {
	if len(os.Args) == 2 && os.Args[1] == "--edit" {
		var req EditRequest
		if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		b, _ := json.MarshalIndent(editFile(req), "", "  ")
		fmt.Println(string(b))
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: hcl-eval <dir> [name=value ...]")
		os.Exit(2)
	}
	dir, _ := filepath.Abs(os.Args[1])
	req := Request{Dir: dir, Env: map[string]string{}}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, "TF_VAR_") {
			req.Env[strings.TrimPrefix(k, "TF_VAR_")] = v
		}
	}
	for _, a := range os.Args[2:] {
		req.Vars = append(req.Vars, CLIVar{Kind: "var", Value: a})
	}
	out := evaluate(req, osFS{})
	b, _ := json.MarshalIndent(out, "", "  ")
	fmt.Println(string(b))
	if out.Error != "" {
		os.Exit(2)
	}
}
