package main

// Provider configurations: the root module's, and those a child module declares itself
// (the legacy style, still common in public modules), keyed as a plan keys them: `aws`,
// `aws.west`, `module.net:aws`. A module inherits its caller's default configurations;
// `providers = {…}` and its own provider blocks override them.

import (
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

type providerConfig struct {
	Key   string
	Block *ProviderBlock
	In    *Instance
}

// declareProviders registers the provider blocks of a module instance and maps the
// instance's local provider names to them.
func (e *Evaluator) declareProviders(mi *Instance) {
	for _, p := range mi.Def.Providers {
		local := p.Name
		if p.Alias != "" {
			local += "." + p.Alias
		}
		key := local
		if mi.Path != "" {
			key = mi.Static + ":" + local
			mi.ProvMap[local] = key
		}
		e.providers[key] = providerConfig{Key: key, Block: p, In: mi}
	}
}

// providerMap: a child inherits the caller's default providers; `providers = {…}` overrides.
func (e *Evaluator) providerMap(mi *Instance, c *Call, child *Instance) {
	child.ProvMap = map[string]string{}
	for local := range mi.ProvMap {
		if !strings.Contains(local, ".") {
			child.ProvMap[local] = mi.ProvMap[local]
		}
	}
	for childName, parentName := range c.Providers {
		child.ProvMap[childName] = resolveProvider(mi, parentName)
	}
	e.declareProviders(child)
}

func resolveProvider(mi *Instance, local string) string {
	if mi.Path == "" {
		return local
	}
	if k, ok := mi.ProvMap[local]; ok {
		return k
	}
	if i := strings.Index(local, "."); i >= 0 {
		if k, ok := mi.ProvMap[local[:i]]; ok {
			return k
		}
	}
	return local
}

// providerObject evaluates a provider configuration's body in its module instance's scope.
func (e *Evaluator) providerObject(pc providerConfig) cty.Value {
	obj, _ := unmarked(e.body(pc.Block.Body, e.ctx(pc.In), pc.In, "", map[string][]string{}, map[string]bool{"alias": true}))
	return obj
}

// region of the configuration a resource of mi uses, unknown when it is not known.
func (e *Evaluator) region(mi *Instance, r *Resource) cty.Value {
	local := r.Provider
	if local == "" {
		local = defaultProvider(r.Type)
	}
	pc, ok := e.providers[resolveProvider(mi, local)]
	if !ok {
		return cty.UnknownVal(cty.String)
	}
	v := attrOf(e.providerObject(pc), "region")
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return cty.UnknownVal(cty.String)
	}
	return v
}

func (e *Evaluator) sortedProviders() []providerConfig {
	out := make([]providerConfig, 0, len(e.providers))
	for _, pc := range e.providers {
		out = append(out, pc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
