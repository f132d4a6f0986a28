package main

// Functions where Terraform's own implementation differs from go-cty's stdlib, or that only
// Terraform has. Each is held to `terraform console` by test/load/hcl-functions.test.ts.

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// lookup accepts a null default and objects as well as maps, as Terraform's does.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType},
		{Name: "key", Type: cty.String},
		{Name: "default", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsMapType():
			return ty.ElementType(), nil
		case ty.IsObjectType():
			if key := args[1]; key.IsKnown() && ty.HasAttribute(key.AsString()) {
				return ty.AttributeType(key.AsString()), nil
			}
			if args[1].IsKnown() {
				return args[2].Type(), nil
			}
			return cty.DynamicPseudoType, nil
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, fmt.Errorf("the first argument must be a map or an object")
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		m, key, def := args[0], args[1].AsString(), args[2]
		if !m.IsKnown() {
			return cty.UnknownVal(ret), nil
		}
		var found cty.Value
		switch {
		case m.Type().IsObjectType():
			if m.Type().HasAttribute(key) {
				found = m.GetAttr(key)
			}
		case m.HasIndex(cty.StringVal(key)).True():
			found = m.Index(cty.StringVal(key))
		}
		if found == cty.NilVal {
			found = def
		}
		if found.IsNull() {
			return cty.NullVal(ret), nil
		}
		return convert.Convert(found, ret)
	},
})

// sensitive / nonsensitive / issensitive mark values as Terraform's do.
var sensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(sensitiveMark), nil
	},
})

var nonsensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, _ := args[0].Unmark()
		return v, nil
	},
})

var isSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.BoolVal(args[0].HasMark(sensitiveMark)), nil
	},
})

// matchkeys keeps the values whose key (at the same index) is in searchset.
var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()})
		if ty == cty.NilType {
			return cty.NilType, fmt.Errorf("keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		values, keys, search := args[0], args[1], args[2]
		if values.LengthInt() != keys.LengthInt() {
			return cty.NilVal, fmt.Errorf("length of keys and values should be equal")
		}
		if values.LengthInt() == 0 {
			return cty.ListValEmpty(ret.ElementType()), nil
		}
		if !values.IsWhollyKnown() || !keys.IsWhollyKnown() || !search.IsWhollyKnown() {
			return cty.UnknownVal(ret), nil
		}
		var out []cty.Value
		i := 0
		for it := keys.ElementIterator(); it.Next(); i++ {
			_, k := it.Element()
			for s := search.ElementIterator(); s.Next(); {
				_, x := s.Element()
				if eq, err := stdlibEquals(k, x); err == nil && eq {
					out = append(out, values.Index(cty.NumberIntVal(int64(i))))
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(ret.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

func stdlibEquals(a, b cty.Value) (bool, error) {
	if !a.Type().Equals(b.Type()) {
		conv, err := convert.Convert(b, a.Type())
		if err != nil {
			return false, nil
		}
		b = conv
	}
	return a.Equals(b).True(), nil
}

func digestFunc(sum func([]byte) []byte) function.Function {
	return stringFn(func(s string) string { return base64.StdEncoding.EncodeToString(sum([]byte(s))) })
}

var base64Sha256Func = digestFunc(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })
var base64Sha512Func = digestFunc(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] })
