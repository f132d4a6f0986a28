# METADATA
# title: Rule test kit
# description: |
#   Builders the rule tests share on top of leakguard.testutil: Azure resources, data
#   sources, tags, other stacks, and the finding summary the tests compare.
package leakguard.testkit

import data.leakguard.testutil as t
import rego.v1

# The parts of a finding a test pins: rule id, resource key, message.
summary(fs) := {[f.rule_id, f.resource.key, f.message] | some f in fs}

# An Azure resource (westeurope, default azurerm provider).
az(address, values, refs) := object.union(t.resource(address, values, refs), {"provider": "azurerm", "region": "westeurope"})

# A data source: `aws_iam_policy_document.x` becomes `data.aws_iam_policy_document.x`.
data_source(address, values) := object.union(t.resource(address, values, {}), {
	"mode": "data",
	"address": concat(".", ["data", address]),
	"key": concat("/", ["test", concat(".", ["data", address])]),
})

tagged(r, tags) := object.union(r, {"tags": tags})

in_region(r, region) := object.union(r, {"region": region})

unknown(r, paths) := object.union(r, {"unknown": paths})

# The resource moved to another stack; its own key and its reference keys follow.
in_stack(r, stack) := object.union(r, {
	"stack": stack,
	"key": concat("/", [stack, r.address]),
	"references": {attr: [concat("/", [stack, trim_prefix(k, "test/")]) | some k in keys] | some attr, keys in r.references},
})
