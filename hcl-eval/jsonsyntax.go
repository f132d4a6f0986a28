package main

// Terraform's JSON configuration syntax (`*.tf.json`), rewritten as the native syntax it
// stands for, so one loader and one evaluator serve both. Strings are templates where
// Terraform evaluates them as templates (resource, module, provider, local and output
// values) and literals where it does not (variable defaults, sources, aliases); `"//"`
// keys are comments. Each line is written at its line in the JSON file where it can be,
// so findings and warnings point into the .tf.json file.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// jnode is a JSON value that keeps its object keys in order, with the line of each key.
type jnode struct {
	kind  byte // 'o' object, 'a' array, 's' string, 'l' number/bool/null literal
	keys  []string
	lines []int
	vals  []*jnode
	items []*jnode
	text  string // string value, or the literal's JSON text
}

type jsonReader struct {
	dec    *json.Decoder
	starts []int // byte offset of each line start
}

func (r *jsonReader) line(offset int64) int {
	return sort.Search(len(r.starts), func(i int) bool { return int64(r.starts[i]) > offset })
}

func (r *jsonReader) value(tok json.Token) (*jnode, error) {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jnode{kind: 'o'}
			for r.dec.More() {
				k, err := r.dec.Token()
				if err != nil {
					return nil, err
				}
				line := r.line(r.dec.InputOffset() - 1)
				v, err := r.next()
				if err != nil {
					return nil, err
				}
				n.keys, n.lines, n.vals = append(n.keys, k.(string)), append(n.lines, line), append(n.vals, v)
			}
			_, err := r.dec.Token()
			return n, err
		case '[':
			n := &jnode{kind: 'a'}
			for r.dec.More() {
				v, err := r.next()
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := r.dec.Token()
			return n, err
		}
	case string:
		return &jnode{kind: 's', text: t}, nil
	case json.Number:
		return &jnode{kind: 'l', text: t.String()}, nil
	case bool:
		return &jnode{kind: 'l', text: fmt.Sprint(t)}, nil
	case nil:
		return &jnode{kind: 'l', text: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected %v", tok)
}

func (r *jsonReader) next() (*jnode, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	return r.value(tok)
}

func parseJSONConfig(text, file string) (*jnode, error) {
	r := &jsonReader{dec: json.NewDecoder(strings.NewReader(text)), starts: []int{0}}
	r.dec.UseNumber()
	for i, c := range text {
		if c == '\n' {
			r.starts = append(r.starts, i+1)
		}
	}
	root, err := r.next()
	if err != nil {
		return nil, fmt.Errorf("%s: JSON syntax error: %s", file, err)
	}
	if _, err := r.dec.Token(); err == nil {
		return nil, fmt.Errorf("%s: JSON syntax error: more than one value", file)
	}
	if root.kind != 'o' {
		return nil, fmt.Errorf("%s: a Terraform JSON configuration is an object", file)
	}
	return root, nil
}

// nativeWriter writes native syntax, padding with blank lines to keep JSON line numbers.
type nativeWriter struct {
	buf  bytes.Buffer
	line int
	file string
}

func (w *nativeWriter) at(line int, format string, args ...interface{}) {
	for w.line < line {
		w.buf.WriteByte('\n')
		w.line++
	}
	s := fmt.Sprintf(format, args...)
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
	w.line += 1 + strings.Count(s, "\n")
}

var identifier = regexp.MustCompile(`^[A-Za-z_][\w-]*$`)
var traversal = regexp.MustCompile(`^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$`)

// expr writes a JSON value as a native expression; template says whether strings are templates.
func expr(n *jnode, template bool) string {
	switch n.kind {
	case 's':
		return quoteNative(n.text, template)
	case 'l':
		return n.text
	case 'a':
		parts := make([]string, len(n.items))
		for i, it := range n.items {
			parts[i] = expr(it, template)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	parts := []string{}
	for i, k := range n.keys {
		if k != "//" {
			parts = append(parts, quoteNative(k, false)+" = "+expr(n.vals[i], template))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// quoteNative writes s as a native quoted string. In a template, the `${…}` and `%{…}`
// sequences are expressions and copied as they are; the text around them is escaped.
func quoteNative(s string, template bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		opens := i+1 < len(s) && s[i+1] == '{'
		switch {
		case (c == '$' || c == '%') && opens && template:
			if i > 0 && s[i-1] == c { // `$${` is an escape, copied as it is
				b.WriteString(s[i : i+2])
				i++
				continue
			}
			end := closing(s, i+1)
			b.WriteString(s[i : end+1])
			i = end
		case (c == '$' || c == '%') && opens:
			b.WriteByte(c) // a literal keeps `${` and `%{` as text
			b.WriteByte(c)
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// closing finds the `}` that closes the brace at open, past nested braces and strings.
func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				} else if (s[i] == '$' || s[i] == '%') && i+1 < len(s) && s[i+1] == '{' {
					i = closing(s, i+1)
				}
			}
		}
	}
	return len(s) - 1
}

// each calls f for every object a JSON block position holds (an object, or a list of them).
func each(n *jnode, f func(body *jnode)) error {
	switch n.kind {
	case 'o':
		f(n)
	case 'a':
		for _, it := range n.items {
			if it.kind != 'o' {
				return fmt.Errorf("a block list holds a %s", kindName(it))
			}
			f(it)
		}
	default:
		return fmt.Errorf("a block is a %s, not an object", kindName(n))
	}
	return nil
}

func kindName(n *jnode) string {
	return map[byte]string{'o': "object", 'a': "list", 's': "string", 'l': "literal"}[n.kind]
}

// jsonToNative rewrites a .tf.json file as native syntax.
func jsonToNative(text, file string) (string, error) {
	root, err := parseJSONConfig(text, file)
	if err != nil {
		return "", err
	}
	w := &nativeWriter{line: 1, file: file}
	var failed error
	fail := func(line int, format string, args ...interface{}) {
		if failed == nil {
			failed = fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
		}
	}
	labelled := func(n *jnode, depth int, line int, labels []string, f func(labels []string, body *jnode, line int)) {
		var walk func(n *jnode, labels []string, line int)
		walk = func(n *jnode, labels []string, line int) {
			if len(labels) == depth {
				if err := each(n, func(body *jnode) { f(labels, body, line) }); err != nil {
					fail(line, "%s", err)
				}
				return
			}
			if n.kind != 'o' {
				fail(line, "expected an object of block labels, found a %s", kindName(n))
				return
			}
			for i, k := range n.keys {
				if k != "//" {
					walk(n.vals[i], append(append([]string{}, labels...), k), n.lines[i])
				}
			}
		}
		walk(n, labels, line)
	}
	header := func(kind string, labels []string) string {
		h := kind
		for _, l := range labels {
			h += " " + quoteNative(l, false)
		}
		return h + " {"
	}
	for i, kind := range root.keys {
		v, line := root.vals[i], root.lines[i]
		switch kind {
		case "resource", "data":
			labelled(v, 2, line, nil, func(labels []string, body *jnode, line int) {
				w.at(line, "%s", header(kind, labels))
				w.resourceBody(body, fail)
				w.at(0, "}")
			})
		case "module":
			labelled(v, 1, line, nil, func(labels []string, body *jnode, line int) {
				w.at(line, "%s", header(kind, labels))
				w.moduleBody(body, fail)
				w.at(0, "}")
			})
		case "provider":
			labelled(v, 1, line, nil, func(labels []string, body *jnode, line int) {
				w.at(line, "%s", header(kind, labels))
				w.attributes(body, map[string]bool{"alias": false, "version": false})
				w.at(0, "}")
			})
		case "variable":
			labelled(v, 1, line, nil, func(labels []string, body *jnode, line int) {
				w.at(line, "%s", header(kind, labels))
				for j, k := range body.keys {
					switch k {
					case "type":
						if body.vals[j].kind != 's' {
							fail(body.lines[j], "variable %q: type must be a string holding a type expression", labels[0])
							continue
						}
						w.at(body.lines[j], "type = %s", body.vals[j].text)
					case "default", "sensitive", "nullable":
						w.at(body.lines[j], "%s = %s", k, expr(body.vals[j], false))
					}
				}
				w.at(0, "}")
			})
		case "output":
			labelled(v, 1, line, nil, func(labels []string, body *jnode, line int) {
				w.at(line, "%s", header(kind, labels))
				for j, k := range body.keys {
					if k == "value" {
						w.at(body.lines[j], "value = %s", expr(body.vals[j], true))
					}
				}
				w.at(0, "}")
			})
		case "locals":
			if err := each(v, func(body *jnode) {
				w.at(line, "locals {")
				w.attributes(body, nil)
				w.at(0, "}")
			}); err != nil {
				fail(line, "locals: %s", err)
			}
		case "//", "terraform", "moved", "import", "check", "removed":
		default:
			fail(line, "unknown top-level block type %q", kind)
		}
	}
	return w.buf.String(), failed
}

// attributes writes an object's properties as attributes; literal names a property written
// as a literal (true) or skipped (false is a literal too: provider alias and version).
func (w *nativeWriter) attributes(body *jnode, literal map[string]bool) {
	for j, k := range body.keys {
		if k == "//" {
			continue
		}
		_, lit := literal[k]
		w.at(body.lines[j], "%s = %s", attrName(k), expr(body.vals[j], !lit))
	}
}

func attrName(k string) string {
	if identifier.MatchString(k) {
		return k
	}
	return quoteNative(k, false)
}

// resourceBody: meta-arguments as Terraform reads them in JSON, nested blocks as objects
// (or lists of objects), which rules read as blocks.
func (w *nativeWriter) resourceBody(body *jnode, fail func(int, string, ...interface{})) {
	for j, k := range body.keys {
		v, line := body.vals[j], body.lines[j]
		switch k {
		case "//", "depends_on", "lifecycle", "provisioner", "connection":
		case "provider":
			if v.kind != 's' || !traversal.MatchString(v.text) {
				fail(line, "provider must be a string naming a provider configuration")
				continue
			}
			w.at(line, "provider = %s", v.text)
		case "dynamic":
			if v.kind != 'o' {
				fail(line, "dynamic must be an object of block types")
				continue
			}
			for d, label := range v.keys {
				if err := each(v.vals[d], func(spec *jnode) { w.dynamic(label, spec, v.lines[d]) }); err != nil {
					fail(v.lines[d], "dynamic %q: %s", label, err)
				}
			}
		default:
			w.at(line, "%s = %s", attrName(k), expr(v, true))
		}
	}
}

func (w *nativeWriter) dynamic(label string, spec *jnode, line int) {
	w.at(line, "dynamic %s {", quoteNative(label, false))
	for j, k := range spec.keys {
		switch k {
		case "for_each":
			w.at(spec.lines[j], "for_each = %s", expr(spec.vals[j], true))
		case "iterator":
			if spec.vals[j].kind == 's' && identifier.MatchString(spec.vals[j].text) {
				w.at(spec.lines[j], "iterator = %s", spec.vals[j].text)
			}
		case "content":
			if spec.vals[j].kind == 'o' {
				w.at(spec.lines[j], "content {")
				w.attributes(spec.vals[j], nil)
				w.at(0, "}")
			}
		}
	}
	w.at(0, "}")
}

func (w *nativeWriter) moduleBody(body *jnode, fail func(int, string, ...interface{})) {
	for j, k := range body.keys {
		v, line := body.vals[j], body.lines[j]
		switch k {
		case "//", "depends_on":
		case "source", "version":
			w.at(line, "%s = %s", k, expr(v, false))
		case "providers":
			if v.kind != 'o' {
				fail(line, "providers must be an object")
				continue
			}
			pairs := []string{}
			for p, name := range v.keys {
				target := v.vals[p]
				if target.kind != 's' || !traversal.MatchString(target.text) || !traversal.MatchString(name) {
					fail(v.lines[p], "providers: %q must name a provider configuration", name)
					continue
				}
				pairs = append(pairs, name+" = "+target.text)
			}
			w.at(line, "providers = {%s}", strings.Join(pairs, ", "))
		default:
			w.at(line, "%s = %s", attrName(k), expr(v, true))
		}
	}
}
