package main

// Source edits for `leakguard fix`: each edit names a resource block (and optionally nested
// blocks inside it) and what to change. The block is cut out of the file at the range the
// parser gives, changed with hclwrite (which keeps its comments and layout), aligned as
// `terraform fmt` aligns it, and returned as a replacement of that range only: the rest of
// the file is never re-printed.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

type EditRequest struct {
	File  string     `json:"file"`
	Text  string     `json:"text"`
	Edits []FileEdit `json:"edits"`
	// Groups, when given instead of Edits, are applied each on its own to the same text (one
	// finding's fix apiece), the file parsed once for all of them.
	Groups [][]FileEdit `json:"groups,omitempty"`
}

// FileEdit changes one top-level block, or adds one after it.
type FileEdit struct {
	// Block is the top-level block: its type and labels (`resource`, [type, name]).
	Block  string   `json:"block"`
	Labels []string `json:"labels"`
	// Nested narrows the change to nested blocks of this type (e.g. `egress`) or dotted path of
	// types, each level added when the resource has none and no Where is given; Where, to the blocks (nested or this one) whose
	// attribute Where.Name holds one of Where.Values literally.
	Nested string `json:"nested,omitempty"`
	Where  *Match `json:"where,omitempty"`
	// Set writes attributes (HCL expression text), each with an optional line comment.
	Set []SetAttr `json:"set,omitempty"`
	// Remove deletes the listed literal values from list attributes, or the attribute itself
	// when it is a string holding one of them.
	Remove *Match `json:"remove,omitempty"`
	// Append is a new top-level block's text, placed after the block.
	Append string `json:"append,omitempty"`
}

type SetAttr struct {
	Name    string `json:"name"`
	Expr    string `json:"expr"`
	Comment string `json:"comment,omitempty"`
}

type Match struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// Replacement of the original text between Start and End (End exclusive).
type Replacement struct {
	Start Pos    `json:"start"`
	End   Pos    `json:"end"`
	Text  string `json:"text"`
}

type EditOutput struct {
	Replacements []Replacement `json:"replacements"`
	// Unapplied names the edits that found nothing to change, with why.
	Unapplied []string `json:"unapplied"`
	Error     string   `json:"error,omitempty"`
	// Groups holds one output per request group, in order.
	Groups []*EditOutput `json:"groups,omitempty"`
}

func editFile(req EditRequest) *EditOutput {
	src := []byte(req.Text)
	file, diags := hclsyntax.ParseConfig(src, req.File, hcl.InitialPos)
	if diags.HasErrors() {
		return &EditOutput{Error: diags.Error()}
	}
	body := file.Body.(*hclsyntax.Body)
	if req.Groups == nil {
		return editBody(body, src, req.File, req.Edits)
	}
	out := &EditOutput{Replacements: []Replacement{}, Unapplied: []string{}, Groups: []*EditOutput{}}
	for _, edits := range req.Groups {
		g := editBody(body, src, req.File, edits)
		if g.Error != "" {
			return &EditOutput{Error: g.Error}
		}
		out.Groups = append(out.Groups, g)
	}
	return out
}

// editBody applies one set of edits to a parsed file; the syntax tree is only read, so it serves every group.
func editBody(body *hclsyntax.Body, src []byte, name string, edits []FileEdit) *EditOutput {
	out := &EditOutput{Replacements: []Replacement{}, Unapplied: []string{}}
	// Edits of one block are applied together, so a block is replaced once.
	type group struct {
		block *hclsyntax.Block
		edits []FileEdit
	}
	groups := map[*hclsyntax.Block]*group{}
	order := []*hclsyntax.Block{}
	for _, e := range edits {
		b := findBlock(body, e.Block, e.Labels)
		if b == nil {
			out.Unapplied = append(out.Unapplied, fmt.Sprintf("%s %s: no such block in %s", e.Block, strings.Join(e.Labels, "."), name))
			continue
		}
		if groups[b] == nil {
			groups[b] = &group{block: b}
			order = append(order, b)
		}
		groups[b].edits = append(groups[b].edits, e)
	}
	for _, b := range order {
		g := groups[b]
		start, end := b.TypeRange.Start, b.CloseBraceRange.End
		text, appended, unapplied, err := editBlock(src[start.Byte:end.Byte], g.edits)
		if err != nil {
			return &EditOutput{Error: fmt.Sprintf("%s: %s", name, err)}
		}
		out.Unapplied = append(out.Unapplied, unapplied...)
		if text != nil {
			out.Replacements = append(out.Replacements, Replacement{Start: pos(start), End: pos(end), Text: string(text)})
		}
		if appended != "" {
			out.Replacements = append(out.Replacements, Replacement{Start: pos(end), End: pos(end), Text: appended})
		}
	}
	sort.SliceStable(out.Replacements, func(i, j int) bool { return out.Replacements[i].Start.Byte < out.Replacements[j].Start.Byte })
	return out
}

// nestedBodies walks a dotted path of nested block types (`rule.apply_server_side_encryption_by_default`):
// every block of each type, the last ones filtered by where; with add, a level that has no block gets one.
func nestedBodies(body *hclwrite.Body, path []string, where *Match, add bool) []*hclwrite.Body {
	if len(path) == 0 {
		if where == nil || holds(body, where) {
			return []*hclwrite.Body{body}
		}
		return nil
	}
	out := []*hclwrite.Body{}
	present := false
	for _, nb := range body.Blocks() {
		if nb.Type() == path[0] {
			present = true
			out = append(out, nestedBodies(nb.Body(), path[1:], where, add)...)
		}
	}
	if !present && add {
		out = append(out, nestedBodies(body.AppendNewBlock(path[0], nil).Body(), path[1:], where, add)...)
	}
	return out
}

func pos(p hcl.Pos) Pos { return Pos{Line: p.Line, Column: p.Column, Byte: p.Byte} }

func findBlock(body *hclsyntax.Body, typ string, labels []string) *hclsyntax.Block {
	for _, b := range body.Blocks {
		if b.Type == typ && equalStrings(b.Labels, labels) {
			return b
		}
	}
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// editBlock applies edits to one block's text; text is nil when nothing in the block changed.
func editBlock(src []byte, edits []FileEdit) (text []byte, appended string, unapplied []string, err error) {
	f, diags := hclwrite.ParseConfig(src, "block.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, "", nil, fmt.Errorf("%s", diags.Error())
	}
	blocks := f.Body().Blocks()
	if len(blocks) != 1 {
		return nil, "", nil, fmt.Errorf("expected one block, found %d", len(blocks))
	}
	top := blocks[0]
	changed := false
	for _, e := range edits {
		targets := []*hclwrite.Body{}
		if e.Nested == "" && (e.Where == nil || holds(top.Body(), e.Where)) {
			targets = append(targets, top.Body())
		}
		if e.Nested != "" {
			// A nested block the resource lacks (its settings at the provider's defaults) is added.
			targets = nestedBodies(top.Body(), strings.Split(e.Nested, "."), e.Where, e.Where == nil && len(e.Set) > 0)
		}
		did := false
		for _, t := range targets {
			if e.Remove != nil && removeValues(t, e.Remove) {
				did = true
			}
			for _, s := range e.Set {
				ok, err := setAttr(t, s)
				if err != nil {
					return nil, "", nil, err
				}
				did = did || ok
			}
		}
		if e.Append != "" {
			appended += "\n\n" + strings.TrimRight(string(hclwrite.Format([]byte(e.Append))), "\n")
			did = true
		}
		if !did {
			unapplied = append(unapplied, fmt.Sprintf("%s %s: nothing to change%s", e.Block, strings.Join(e.Labels, "."), nestedNote(e)))
		}
		changed = changed || did && (e.Append == "" || e.Remove != nil || len(e.Set) > 0)
	}
	if !changed {
		return nil, appended, unapplied, nil
	}
	out := bytes.TrimRight(hclwrite.Format(f.Bytes()), "\n")
	if bytes.Equal(out, bytes.TrimRight(src, "\n")) {
		return nil, appended, unapplied, nil
	}
	return out, appended, unapplied, nil
}

func nestedNote(e FileEdit) string {
	switch {
	case e.Nested != "":
		return fmt.Sprintf(" (no %s block matches)", e.Nested)
	case e.Where != nil:
		return fmt.Sprintf(" (%s holds none of %s literally)", e.Where.Name, strings.Join(e.Where.Values, ", "))
	}
	return ""
}

// holds: the attribute is a literal string or list of strings that contains one of the values.
func holds(body *hclwrite.Body, m *Match) bool {
	v, ok := literal(body, m.Name)
	if !ok {
		return false
	}
	for _, s := range stringsOf(v) {
		for _, want := range m.Values {
			if s == want {
				return true
			}
		}
	}
	return false
}

// literal is the attribute's value when its expression needs no variables or functions.
func literal(body *hclwrite.Body, name string) (cty.Value, bool) {
	attr := body.GetAttribute(name)
	if attr == nil {
		return cty.NilVal, false
	}
	expr, diags := hclsyntax.ParseExpression(attr.Expr().BuildTokens(nil).Bytes(), name, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	return v, true
}

// stringsOf: a scalar (bools and numbers as HCL writes them) or the scalars of a list.
func stringsOf(v cty.Value) []string {
	if s, ok := scalarString(v); ok {
		return []string{s}
	}
	out := []string{}
	if v.CanIterateElements() {
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			if s, ok := scalarString(el); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func scalarString(v cty.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), true
	case cty.Bool:
		return fmt.Sprint(v.True()), true
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), true
	}
	return "", false
}

func removeValues(body *hclwrite.Body, m *Match) bool {
	v, ok := literal(body, m.Name)
	if !ok {
		return false
	}
	drop := map[string]bool{}
	for _, s := range m.Values {
		drop[s] = true
	}
	if v.Type() == cty.String {
		if !drop[v.AsString()] {
			return false
		}
		body.RemoveAttribute(m.Name)
		return true
	}
	if !v.CanIterateElements() {
		return false
	}
	kept := []cty.Value{}
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if el.Type() == cty.String && drop[el.AsString()] {
			continue
		}
		kept = append(kept, el)
	}
	if len(kept) == v.LengthInt() {
		return false
	}
	if len(kept) == 0 {
		body.SetAttributeValue(m.Name, cty.ListValEmpty(cty.String))
	} else {
		body.SetAttributeValue(m.Name, cty.TupleVal(kept))
	}
	return true
}

// setAttr writes name = expr (keeping the attribute's own comments); false when it already reads so.
func setAttr(body *hclwrite.Body, s SetAttr) (bool, error) {
	parsed, diags := hclwrite.ParseConfig([]byte("x = "+s.Expr+"\n"), "fix", hcl.InitialPos)
	if diags.HasErrors() {
		return false, fmt.Errorf("fix value for %s is not an HCL expression: %s", s.Name, s.Expr)
	}
	tokens := parsed.Body().GetAttribute("x").Expr().BuildTokens(nil)
	if old := body.GetAttribute(s.Name); old != nil && strings.TrimSpace(string(old.Expr().BuildTokens(nil).Bytes())) == strings.TrimSpace(string(tokens.Bytes())) {
		return false, nil
	}
	if s.Comment != "" {
		tokens = append(tokens, &hclwrite.Token{Type: hclsyntax.TokenComment, Bytes: []byte("# " + s.Comment)})
	}
	body.SetAttributeRaw(s.Name, tokens)
	return true, nil
}
