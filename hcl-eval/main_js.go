//go:build js

package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"syscall/js"
)

// jsFS calls back into Node: read(path, allowEmpty) → {text} | {missing} | {error}; list(dir) → names | null.
type jsFS struct{ read, list js.Value }

func (f jsFS) Read(file string, allowEmpty bool) (string, bool, error) {
	r := f.read.Invoke(file, allowEmpty)
	if e := r.Get("error"); e.Type() == js.TypeString {
		return "", false, fmt.Errorf("%s", e.String())
	}
	if r.Get("missing").Truthy() {
		return "", false, nil
	}
	return r.Get("text").String(), true, nil
}

// ReadBytes asks for the bytes (read's third argument), which come back as base64.
func (f jsFS) ReadBytes(file string) ([]byte, bool, error) {
	r := f.read.Invoke(file, true, true)
	if e := r.Get("error"); e.Type() == js.TypeString {
		return nil, false, fmt.Errorf("%s", e.String())
	}
	if r.Get("missing").Truthy() {
		return nil, false, nil
	}
	b, err := base64.StdEncoding.DecodeString(r.Get("base64").String())
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

func (f jsFS) List(dir string) ([]string, bool) {
	r := f.list.Invoke(dir)
	if r.IsNull() || r.IsUndefined() {
		return nil, false
	}
	names := make([]string, r.Length())
	for i := range names {
		names[i] = r.Index(i).String()
	}
	return names, true
}

// Registers globalThis.leakguardHclEval(requestJSON, read, list) → outputJSON and
// globalThis.leakguardHclEdit(editRequestJSON) → editOutputJSON (edit.go), then waits.
func main() {
	js.Global().Set("leakguardHclEval", js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				b, _ := json.Marshal(&Output{Error: fmt.Sprintf("internal error in the HCL evaluator: %v", r)})
				result = string(b)
			}
		}()
		var req Request
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			panic(err)
		}
		b, _ := json.Marshal(evaluate(req, jsFS{read: args[1], list: args[2]}))
		return string(b)
	}))
	js.Global().Set("leakguardHclEdit", js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				b, _ := json.Marshal(&EditOutput{Error: fmt.Sprintf("internal error in the HCL editor: %v", r)})
				result = string(b)
			}
		}()
		var req EditRequest
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			panic(err)
		}
		b, _ := json.Marshal(editFile(req))
		return string(b)
	}))
	select {}
}
